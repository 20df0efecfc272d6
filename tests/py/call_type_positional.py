# Types called with positional arguments (constructed straight from the stack), including
# constructors that call back into Python, and with keywords (the general call path).
print(list(range(3)), list(range(2, 5)), list(range(9, 0, -4)), len(range(True)))
print(list(map(lambda x: x * 2, [1, 2, 3])), tuple(map(str, range(3))))
print(int("42"), int(2.9), float("1.5"), str(7), bool([]), bool([0]))
print(dict(), dict([(1, 2)]), set([3, 3, 1]) == {1, 3}, frozenset() == frozenset([]))
print(int("101", base=2), int("z", 36), dict(a=1), list(), tuple())


def nested(n):
    return list(range(n))


print([nested(i) for i in range(4)], sum(map(len, map(nested, range(5)))))
