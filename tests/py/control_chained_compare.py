x = 5
print(1 < x < 10, 1 < x > 3, 10 > x >= 5, x == 5 == 5.0, 1 < x < 3)
print(1 == 1 != 2, 1 is not None is not False, 'a' < 'b' < 'c' < 'd')
print(0 < 0.5 < 1 < 10 ** 10, [] == [] != [1], 1 in [1] in [[1]])
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) == v(1) == v(2) == v(9), calls)
