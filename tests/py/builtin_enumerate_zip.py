print(list(enumerate('abc')), list(enumerate(['x', 'y'], start=10)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1], [2], [3])))
for i, (a, b) in enumerate(zip('xy', [True, False])):
    print(i, a, b)
keys = ['a', 'b', 'c']
vals = [1, 2, 3]
print(dict(zip(keys, vals)))
print(list(map(pow, [2, 3], [3, 2])), list(map(str, [1, 2])), list(map(len, ['a', 'bb'])))
print(list(filter(lambda s: s.isdigit(), ['1', 'a', '22'])), list(filter(None, [0, '', 'x', 3])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
