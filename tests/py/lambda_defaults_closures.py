base = 10
f = lambda x, y=base: x + y
base = 20
g = lambda x: x + base
print(f(1), g(1))
base = 30
print(f(1), g(1))
make = lambda k: (lambda x: x * k)
triple = make(3)
print(triple(7), make(-1)(7))
print((lambda *args: sum(args))(1, 2, 3), (lambda **kw: sorted(kw))(b=1, a=2))
print((lambda a, b=2, *c, d=4, **e: (a, b, c, d, e))(1, 5, 6, 7, e=8))
