def f(*args, **kwargs):
    return args, kwargs
print(f())
print(f(1, 2))
print(f(a=1, b=2))
print(f(1, *[2, 3], x=4, **{'y': 5}))
def g(a, b=2, *rest, key='k', **opts):
    print(a, b, rest, key, opts)
g(1)
g(1, 3, 5, 7)
g(1, key='K', extra=True)
g(*(9, 8, 7), **{'key': 'z', 'w': 0})
def total(*nums):
    s = 0
    for n in nums:
        s += n
    return s
print(total(), total(1, 2, 3), total(*range(10)))
args = [3, 1, 2]
print(max(*args), min(*args, 0))
print(*args)
print(*'abc', sep='-')
