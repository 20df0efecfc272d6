log = []
def v(name, val):
    log.append(name)
    return val
def f(a, b, c=0, *rest, **kw):
    return a + b + c + sum(rest) + sum(kw.values())
print(f(v('a', 1), v('b', 2), c=v('c', 3), d=v('d', 4)))
print(log)
log.clear()
print(f(*[v('x', 1), v('y', 2)], **{'z': v('z', 3)}))
print(log)
log.clear()
d = {v('k1', 'a'): v('v1', 1), v('k2', 'b'): v('v2', 2)}
print(d, log)
log.clear()
xs = [v('i', 0)] * 2 + [v('j', 1)]
print(xs, log)
log.clear()
res = v('left', 10) - v('right', 3) * v('mul', 2)
print(res, log)
