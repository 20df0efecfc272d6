print(sorted(['b', 'a'], key=lambda s: s.upper()))
print(sorted([1, 2], key=lambda n: n.upper()))
