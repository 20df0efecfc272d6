# Truth tests of every immediate kind and a few heap values, in conditional jumps and `not`.
values = [None, True, False, 0, 1, -1, 0.0, -0.0, 0.5, float("nan"), float("inf"),
          2 ** 70, "", "a", [], [0], (), (0,), {}, {0: 0}, range(0), range(1), ...,
          len, int]
for v in values:
    if v:
        print(repr(v), "true", not v)
    else:
        print(repr(v), "false", not v)
print([v for v in values if v and True])
print([v or "x" for v in values[:10]])
n = 3
while n:
    n -= 1
print(n)
f = 1.0
while f:
    f -= 0.5
print(f)
