x = 'global'
def f():
    return x
def g():
    x = 'local'
    return x
def h():
    x = 'enclosing'
    def inner():
        return x
    return inner()
print(f(), g(), h(), x)
def counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step
c1 = counter()
c2 = counter()
print(c1(), c1(), c1(), c2())
def param_shadow(len):
    return len * 2
print(param_shadow(4), len('abc'))
def uses_builtin():
    return max([1, 5, 3])
print(uses_builtin())
