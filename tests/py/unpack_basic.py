a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = 'xy'
print(f, g)
h, *rest = [1, 2, 3, 4]
print(h, rest)
*init, last = 'hello'
print(init, last)
first, *mid, end = range(6)
print(first, mid, end)
p, *q, r = [1, 2]
print(p, q, r)
(s, *t), u = [1, 2, 3], 4
print(s, t, u)
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
x = y = z = 0
print(x, y, z)
m, n = {'k1': 1, 'k2': 2}
print(m, n)
