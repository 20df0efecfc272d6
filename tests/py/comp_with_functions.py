def sq(x):
    return x * x
print([sq(x) for x in range(6)])
print([f(3) for f in [sq, abs, str, float]])
print({k: len(v) for k, v in {'a': [1, 2], 'b': [], 'c': [3]}.items()})
print(max([len(w) for w in 'the quick brown fox'.split()]))
print(sorted([w.lower() for w in ['B', 'a', 'C']]))
m = [[1, 2, 3], [4, 5, 6]]
print([sum(row) for row in m], [sum([row[i] for row in m]) for i in range(3)])
print([x for x in range(10) if x not in {2, 3, 5, 7}])
print(list(map(sq, [y for y in range(4)])))
