print(str.upper)
print(list.append)
print(type(str.upper))
print(list(map(str.upper, ['a', 'bc'])))
print(sorted(['b', 'A', 'c'], key=str.lower))
items = []
list.append(items, 3)
print(items, str.join(',', ['x', 'y']), dict.get({'k': 1}, 'k'))
print(callable(str.strip), str.strip('  s  '))
