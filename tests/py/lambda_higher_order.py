def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(lambda s: s + '!', 3, 'hi'))
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print([adders[k](100) for k in adders])
pipeline = [lambda x: x + 1, lambda x: x * 3, lambda x: x - 2]
v = 5
for step in pipeline:
    v = step(v)
print(v)
print(sorted(range(-5, 6), key=lambda x: (abs(x), x)))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
print((lambda f, x: f(f(x)))(lambda y: y * y, 3))
counter = (lambda: [0])()
incr = lambda: counter.append(len(counter))
incr()
incr()
print(counter)
