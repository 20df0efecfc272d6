import math
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, math.isqrt(n) + 1):
        if n % d == 0:
            return False
    return True
print([n for n in range(50) if is_prime(n)])
def lcm(a, b):
    return a * b // math.gcd(a, b)
acc = 1
for k in range(1, 21):
    acc = lcm(acc, k)
print(acc)
def newton_sqrt(x):
    g = x / 2.0
    for _ in range(30):
        g = (g + x / g) / 2
    return g
print(newton_sqrt(2.0), math.sqrt(2.0), newton_sqrt(2.0) == math.sqrt(2.0))
print(math.factorial(20) // math.factorial(18), math.factorial(52) // (math.factorial(5) * math.factorial(47)))
digits = str(math.factorial(100))
print(len(digits), sum([int(c) for c in digits]))
print(math.floor(-0.0), math.ceil(1e20), math.floor(10 ** 20 + 0.5))
