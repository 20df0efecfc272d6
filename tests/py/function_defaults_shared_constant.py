# Constant defaults are one tuple constant, shared by every function a `def` makes.
def make():
    def f(a=1, b="two", c=(3, 4), d=-5.0, e=None):
        return (a, b, c, d, e)
    return f


first, second = make(), make()
print(first.__defaults__)
print(first.__defaults__ is second.__defaults__)
print(first(), second(10))


def make_computed(n):
    def g(a=n, b=2):
        return a + b
    return g


print(make_computed(1).__defaults__, make_computed(5)())
print(make_computed(1).__defaults__ is make_computed(1).__defaults__)


def kw_only(*, x=1, y=(2,)):
    return x, y


print(kw_only(), kw_only(x=3))
lam = lambda p=1 + 2, q=2 ** 3: p * q
print(lam(), lam.__defaults__)
