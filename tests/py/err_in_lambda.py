get = lambda d, k: d[k]
print(get({'a': 1}, 'a'))
print(get({'a': 1}, 'b'))
