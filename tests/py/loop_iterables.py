for x in [1, 2]:
    print('list', x)
for x in (3, 4):
    print('tuple', x)
for x in 'hi':
    print('str', x)
for k in {'a': 1, 'b': 2}:
    print('dict', k)
for x in sorted({5, 3, 4}):
    print('set', x)
for x in range(3, 0, -1):
    print('range', x)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for a, b, c in zip([1, 2, 3], 'xyz', [True, False, None]):
    print(a, b, c)
for x in reversed([1, 2, 3]):
    print('rev', x)
for x in map(abs, [-1, -2]):
    print('map', x)
for x in filter(None, [0, 1, '', 'a', None]):
    print('filter', x)
it = iter([10, 20, 30])
print(next(it))
for x in it:
    print('rest', x)
print(next(iter('q')), next(iter([]), 'default'))
