def square(x):
    return x * x
def cube(x):
    return x ** 3
ops = {'sq': square, 'cu': cube, 'neg': lambda x: -x}
for name in ['sq', 'cu', 'neg']:
    print(name, ops[name](3))
def compose(f, g):
    return lambda x: f(g(x))
print(compose(square, cube)(2), compose(cube, square)(2))
def apply_all(fs, v):
    return [f(v) for f in fs]
print(apply_all([square, cube, abs, str], -2))
print(callable(square), callable(5), callable(len), callable('s'))
print(square is square, square == cube)
print(type(len) == type(print), isinstance(square, int))
