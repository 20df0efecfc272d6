# Operators whose operands are locals and constants and whose result goes to a local or a
# branch: ints, floats, overflow into big ints, mixed and non-numeric operands, NaN.
def counters(n):
    total = 0
    i = 0
    while i < n:
        total += i
        i += 1
    return total


def near_the_edge(x):
    steps = []
    for _ in range(3):
        x = x + 1
        steps.append(x)
    return steps


def branches(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= 2:
        out.append("le2")
    if a == b:
        out.append("eq")
    if a != 3:
        out.append("ne3")
    if a > 1.5:
        out.append("gt1.5")
    if a >= b:
        out.append("ge")
    return out


def mixed(a, b):
    c = a - b
    d = a * 2
    e = a - 1
    f = a % 3
    return c, d, e, f


def shifts_and_masks(n):
    acc = 0
    for i in range(n):
        acc ^= i
        acc += i & 3
        acc -= i >> 1
        acc |= 1
    return acc


def divisions(x):
    return x / 2, x // 2, x % 2


print(counters(10), counters(0))
print(near_the_edge(9223372036854775806))
print(near_the_edge(-9223372036854775809))
print(branches(1, 2), branches(3, 3), branches(2.5, 1), branches(True, 1))
print(branches(float("nan"), float("nan")))
print(mixed(10, 3), mixed(2.5, 0.5), mixed(-7, 2), mixed(True, False))
print(mixed(10**20, 1))
print(shifts_and_masks(100))
print(divisions(7), divisions(-7), divisions(7.5))
s = "ab"
t = s * 2
print(t, s + "c", s < "b", s == "ab")
