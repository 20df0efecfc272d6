d = {'c': 3, 'a': 1, 'b': 2}
ks = d.keys()
vs = d.values()
its = d.items()
d['d'] = 4
print(list(ks), list(vs), list(its))
print(len(ks), 'a' in ks, 4 in vs, ('d', 4) in its)
print(sorted(d.items(), key=lambda kv: kv[1], reverse=True))
print(dict(sorted(d.items())))
print([k * v for k, v in d.items()])
print(list(zip(d, d.values())))
print(sum(d.values()), max(d), min(d, key=lambda k: -d[k]))
d.pop('c')
d['c'] = 30
print(list(d))
