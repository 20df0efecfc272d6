a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(-a + b, a - -b, +a)
print(a * -b, -a * -b)
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2)
print(100 - 1 - 1, 100 // 10 // 3)
print(0 * 12345, 1 * -1)
