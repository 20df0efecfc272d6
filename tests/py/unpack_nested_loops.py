data = [('a', (1, 2)), ('b', (3, 4))]
for name, (x, y) in data:
    print(name, x + y)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a, b, c)
for first, *others in [[1, 2, 3], [4], [5, 6]]:
    print(first, others)
[a, [b, c]] = [1, [2, 3]]
print(a, b, c)
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
x, = [42]
print(x)
(y,) = 'z'
print(y)
*a, b = range(1)
print(a, b)
i, j = j, i = 1, 2
print(i, j)
