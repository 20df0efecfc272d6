d = {'b': 2, 'a': 1}
d['c'] = 3
d['b'] = 20
print(d, len(d), d['a'], 'c' in d, 'z' in d, 'z' not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.get('a'), d.get('z'), d.get('z', 0))
print(d.setdefault('a', 100), d.setdefault('n', 5), d)
print(d.pop('n'), d.pop('missing', 'dflt'), d)
del d['b']
print(d)
d.update({'x': 9, 'a': -1})
d.update(y=10)
d.update([('z', 26)])
print(d)
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, '->', v)
e = d.copy()
e.clear()
print(e, d == d.copy(), {} == dict())
