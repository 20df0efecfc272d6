def nothing():
    return
def implicit():
    x = 1
def multi():
    return 1, 'two', [3]
def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1
print(nothing(), implicit(), multi())
a, b, c = multi()
print(a, b, c)
print(early(10), early(0), early(50))
def returns_func():
    def inner(x):
        return x + 1
    return inner
print(returns_func()(41))
def sign(x):
    return 1 if x > 0 else -1 if x < 0 else 0
print([sign(v) for v in [-3, 0, 5]])
