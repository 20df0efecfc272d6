a = 3
b = 0.5
print(a + b, a * b, a / b, a // b, a % b, a ** b)
print(10 ** 20 + 0.5, 10 ** 20 * 1.0)
print(1 / 3 + 1 / 3 + 1 / 3)
print(sum([0.1] * 10))
print(2 ** 0.5 * 2 ** 0.5)
print(7 / 7, 0 / 5, -0 / 5, 0 / -5)
print(True + 0.5, False * 2.5)
print(abs(-2.5), abs(-0.0), pow(2.0, 3), pow(2, 0.5))
