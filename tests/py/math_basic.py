import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(10 ** 20))
print(math.floor(3.7), math.floor(-3.2), math.ceil(3.2), math.ceil(-3.7), math.floor(5), math.ceil(-0.5))
print(math.fabs(-3), math.fabs(2.5), math.pow(2, 10), math.pow(2, 0.5), math.pow(4, -1))
print(math.pi, math.e, math.inf, -math.inf, math.nan)
print(type(math.floor(2.5)), type(math.sqrt(4)), type(math.fabs(-2)))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 100, 6 ** 50))
print(math.isqrt(17), math.isqrt(10 ** 30), math.isqrt(0))
print(math.factorial(0), math.factorial(10), math.factorial(30))
