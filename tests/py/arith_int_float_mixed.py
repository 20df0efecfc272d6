# Arithmetic and comparisons mixing ints and floats, in locals, constants and on the
# stack, including ints too large to convert exactly and division by zero's neighbours.
def mixed(a, b):
    return [a + b, a - b, a * b, a / b, b + a, b - a, b * a, b / a]


def compare(a, b):
    return [a < b, a <= b, a > b, a >= b, a == b, a != b]


print(mixed(3, 0.5))
print(mixed(-7, 2.25))
zero = 0
print(zero * -1.5, -0.0 * 1, 1 * -0.0, zero - 0.0, -zero - 0.0)
print(mixed(2 ** 60 + 1, 3.0))
print(mixed(9007199254740993, 1.0))
print(7 / 2, -7 / 2, 1 / 3, 2 ** 53 / 3, (2 ** 53 + 1) / 3, 10 ** 30 / 7)
print(-9007199254740993 / 1, 9007199254740993 / 9007199254740993)
print(compare(1, 1.0), compare(2, 1.5), compare(1.5, 2))
print(compare(2 ** 53 + 1, float(2 ** 53)), compare(float(2 ** 53), 2 ** 53 + 1))
print(compare(2 ** 63 - 1, 9.223372036854776e18), compare(-2 ** 63, -9.223372036854776e18))
nan = float("nan")
inf = float("inf")
print(compare(1, nan), compare(nan, 1), compare(10 ** 400, inf), compare(-inf, 5))
total = 0
i = 0
while i < 10:
    total += i * 0.5
    total -= 1 / (i + 1)
    if total > i / 2:
        total = total / 2
    i += 1
print(total)
x = 5
print(x / 0.5, 0.5 / x, x + 0.25, x < 5.5, 5.5 > x, x == 5.0)
