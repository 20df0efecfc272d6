# Unary minus on ints, at the i64 edges, and on the other numeric types.
values = [0, 1, -1, 7, -9223372036854775807, 9223372036854775807, -9223372036854775808,
          2**63, -2**63, 2**100, True, False, 1.5, -0.0, 0.0]
for v in values:
    print(repr(-v), type(-v).__name__)
low = -9223372036854775807 - 1
print(-low, -(-low), -low - 1)
x = 5
print(-x, -(-x), - - -x)
