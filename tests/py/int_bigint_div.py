x = 123456789012345678901234567890
y = 987654321
print(x // y, x % y)
print(-x // y, -x % y)
print(x // -y, x % -y)
print(divmod(x, -y))
print(x / y)
print(x * x)
print(x * x // x == x)
print((x * x - 1) // (x - 1) == x + 1)
n = 10 ** 40
print(n // 3, n % 3)
print(n // (10 ** 20 + 1))
print(-n // 7)
