sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), add(b=1, a=2))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print((lambda: 'no args')())
print(sorted(['ccc', 'a', 'bb'], key=lambda s: -len(s)))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))
print(max([(1, 'z'), (3, 'a'), (2, 'm')], key=lambda p: p[1]))
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
cond = lambda n: 'even' if n % 2 == 0 else 'odd'
print([cond(n) for n in range(4)])
print((lambda x, /, y, *, z: x + y + z)(1, 2, z=3))
