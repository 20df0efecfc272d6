a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a * b // b == a)
print((a * b) % 1000007)
print(a // 12345, a % 12345)
print(-a // 12345, -a % 12345)
print(str(10 ** 30))
print(10 ** 30 + 1 > 10 ** 30)
print(len(str(2 ** 1000)))
print(2 ** 1000 % 10 ** 10)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f // (2 ** 20))
