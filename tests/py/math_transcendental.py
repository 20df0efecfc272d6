import math
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(10))
print(math.log(1), math.log(math.e), math.log(100, 10), math.log(8, 2), math.log(1000))
print(math.log10(1000), math.log10(2), math.log10(0.001))
print(math.sin(0), math.cos(0), math.tan(0))
print(round(math.sin(math.pi / 6), 12), round(math.cos(math.pi / 3), 12), round(math.tan(math.pi / 4), 12))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(1, 0))
print(math.sin(1.0), math.cos(1.0), math.tan(1.0))
print(math.log(2 ** 1000), math.log10(10 ** 50))
