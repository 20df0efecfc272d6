for v in [0, 1, -1, '', 'a', [], [0], None, 0.0, 0.1]:
    print(repr(v), 'truthy' if v else 'falsy', bool(v), not v)
print(0 or 'x', 'a' or 'b', '' or 0 or None, [] or [1])
print(0 and 'x', 'a' and 'b', 1 and 2 and 3, 1 and 0 and 3)
print(None or 0, 'x' and '', not None, not 'abc')
print(1 if True else 2, 1 if False else 2 if True else 3)
a = 5
s = 'big' if a > 3 else 'small'
print(s)
print((lambda: 'ok')() or 'no')
