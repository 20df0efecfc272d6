from math import sqrt, pi
import math as m
import sys
print(sqrt(81), pi * 2, m.floor(m.e), m.ceil(m.pi))
print(sqrt(2) ** 2 == 2, abs(sqrt(2) ** 2 - 2) < 1e-12)
r = 3
print('area', round(pi * r * r, 4), 'circumference', round(2 * m.pi * r, 4))
print(m.isqrt(99), m.gcd(84, 36), m.factorial(6))
print(m.inf > 10 ** 308, m.nan != m.nan)
