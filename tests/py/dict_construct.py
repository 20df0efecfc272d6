print(dict(a=1, b=2))
print(dict([('x', 1), ('y', 2)]))
print(dict({'k': 'v'}, extra=True))
print(dict(zip('abc', range(3))))
base = {'a': 1, 'b': 2}
merged = {**base, 'b': 3, 'c': 4}
print(merged, base)
print({**{'x': 1}, **{'x': 2, 'y': 3}})
print({1: 'int', 1.0: 'float', True: 'bool'})
print({(1, 2): 'tuple key', None: 'none', 3.5: 'f'})
print({i: i * i for i in range(5)})
print({'nested': {'a': [1, 2]}, 'list': [{'b': None}]})
print({})
print(dict(zip(['p', 'q'], [0, 0])))
