a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, a == c)
x = None
print(x is None, x is not None, None is None)
n = 5
m = 5
print(n is m, n == m)
t = True
print(t is True, (1 == 1) is True, bool(1) is True)
print(hash(42), hash(-7), hash(3.0), hash(0.5), hash(-1.5))
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))))
print(hash(1) == hash(1.0) == hash(True))
print(hash(10 ** 20), hash(-(10 ** 20)))
print(hash(float('inf')), hash(float('-inf')))
print(hash((1, 2)), hash((-1, 0)), hash((10 ** 20, 2.5)))
def f():
    return None
print(f() is None, id(f) == id(f))
