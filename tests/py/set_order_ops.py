# Set operations build their results in CPython's order.
a = set(range(20))
b = {5, 100, 3, 64, 37, -8}
c = {1.5, 2**61 + 1, 16, 48, 80}
print(a | b, b | a, a & b, b & a, a - b, b - a, a ^ b, b ^ a)
print(c | b, c & {16, 80, 1}, {16, 80, 1} & c, c - {48}, c ^ {48, 144})
print(a.union([40, 8, 72], range(90, 100, 3)), b.intersection([64, 5, 999], {3: 0, 5: 0}))
print(a.difference({1: 0, 2: 0}, [4, 5]), b.symmetric_difference([0, 8, 64, 128]))
print(frozenset(b) | a, frozenset(b) & a, a.copy(), set(a), frozenset(a))
x = set(range(30))
x -= {1, 2, 3, 4, 5, 6, 7, 8, 9}
print(x)
x &= set(range(10, 100, 2))
print(x)
x ^= {12, 14, 99, 98, 1000}
print(x)
x |= {-3, -19, 512}
print(x)
y = {n * 8 for n in range(10)}
y.intersection_update([72, 8, 40, 0, 1])
print(y)
y.difference_update([8])
y.symmetric_difference_update({7: 0, 0: 0, 15: 0})
print(y, y.pop())
z = {*range(5), *[40, 8], 2**63}
print(z, {*z, *b})
