# Unpacking two-item tuples (inline) next to other lengths and sequence types.
rows = [[1.5, 2.5], [3.5]]
pairs = [(rows[0], rows[1]), (rows[1], rows[0])]
for a, b in pairs:
    print(a, b, a is rows[0], b is rows[0])
    a.append(0.0)
print(rows)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
p, q = (str(7) + "x", [n * n for n in range(3)])
print(p, q)
t = (None, (1, 2))
u, (v, w) = t
print(u, v, w)
x, y = y, x = 1, 2
print(x, y)
one, = (9,)
print(one)
r, s, z = (1, 2, 3)
print(r, s, z)
c, d = [4, 5]
print(c, d)
e, f = "ef"
print(e, f)
g, h = range(2)
print(g, h)
pair = ("left", "right")
i, j = pair
print(i, j, pair)
