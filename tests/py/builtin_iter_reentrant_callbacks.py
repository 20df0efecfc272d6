# map, filter, enumerate, zip and iter(callable, sentinel) whose callback advances the same
# iterator: the iterator's state stays current while the callback runs.
it = map(lambda x: (x, next(it, 'done')), [1, 2, 3])
print(list(it))
it2 = filter(lambda x: next(it2, None) is None or x > 0, [1, 2, 3, 4, 5])
print(list(it2))
src = iter([10, 20, 30, 40])
e = enumerate(src)
def peek(x):
    return (x, next(e, 'end'))
print(list(map(peek, e)))
z = zip([1, 2, 3, 4], [5, 6, 7, 8])
print(list(map(lambda p: (p, next(z, None)), z)))
m = map(lambda x: x * 2, [1, 2])
print(list(m), list(m))
f = filter(None, [0, 1, '', 'a'])
print(list(f), next(f, 'empty'))
n = [0]
def counter():
    n[0] += 1
    return n[0]
ci = iter(counter, 4)
print(list(ci), next(ci, 'over'))
n[0] = 0
ci2 = iter(counter, 6)
print(list(map(lambda x: (x, next(ci2, 'x')), ci2)))
