print(sorted([3, 1, 2]), sorted((3, 1, 2), reverse=True), sorted('cab'))
print(sorted({'b': 1, 'a': 2}), sorted({'b': 1, 'a': 2}.items(), key=lambda kv: kv[1]))
print(sorted([-3, 2, -1], key=abs), sorted(['B', 'a', 'C'], key=lambda s: s.lower()))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(4))))
print(list(reversed((1, 'a'))), ''.join(reversed('stop')))
data = [('c', 3), ('a', 3), ('b', 1)]
print(sorted(data, key=lambda t: t[1], reverse=True))
print(sorted(data, key=lambda t: (-t[1], t[0])))
