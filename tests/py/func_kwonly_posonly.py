def kw(a, *, b, c=3):
    return a + b + c
print(kw(1, b=2), kw(1, b=2, c=0), kw(a=5, b=5))
def pos(a, b, /, c, d=4):
    return [a, b, c, d]
print(pos(1, 2, 3), pos(1, 2, c=30), pos(1, 2, 3, d=40))
def mixed(a, /, b, *, c):
    return (a, b, c)
print(mixed(1, 2, c=3), mixed(1, b=2, c=3))
def only_kw(*, x=1, y=2):
    return x * y
print(only_kw(), only_kw(y=10), only_kw(x=3, y=3))
def pos_kwargs(name, /, **kw):
    return name, kw
print(pos_kwargs('n', name='also allowed'))
