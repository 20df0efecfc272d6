# Inline paths of `is`, `not`, `and`/`or` and unpacking a list pair, with their
# general fallbacks.
def check_is(a, b):
    return a is b, a is not b


values = [None, 0, 1, True, False, 1.5, "s", "", [], [1], (), {}, {1: 2}, len, check_is]
for a in values:
    row = []
    for b in values:
        row.append(check_is(a, b))
    print(row)

x = [1, 2]
y = x
print(x is y, x is not y, x is [1, 2], None is None, None is not None)
big = 10 ** 30
five, half = 5, 2.5
print(big is big, five is five + 0, half is not half, check_is is check_is, len is not len)

for v in values[:-2] + [0.0, -0.0, range(0), range(3), set(), {3}, 10 ** 25, "abc"]:
    print(repr(v), not v, v and 7, v or 8, not not v)
    if v and not v is None:
        print("truthy")
    elif not v or v is None:
        print("falsy")

pairs = [[1, "a"], ["b", [2, 3]], [None, {"k": 1}], [(1, 2), 3.5]]
for a, b in pairs:
    print(a, b)
a, b = pairs[1]
print(a, b)
p = [5, 6]
p[0], p[1] = p
print(p)
q = [7, 8]
first, second = q
q.append(first)
print(first, second, q)
c, d = (9, 10)
print(c, d)
e, f = "xy"
print(e, f)
g, h, i = [1, 2, 3]
print(g, h, i)
j, = [4]
print(j)
k, m = iter([11, 12])
print(k, m)
for n, (o, r) in enumerate([[1, 2], [3, 4]]):
    print(n, o, r)
