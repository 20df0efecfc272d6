triples = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(triples)
print([[c for c in range(r + 1)] for r in range(4)])
print([x for x in [y * 2 for y in range(5)] if x > 3])
words = ['alpha', 'beta', 'gamma', 'delta']
print({w: {c: w.count(c) for c in w if w.count(c) > 1} for w in words})
print([(i, j) for i in range(4) if i % 2 for j in range(i) if j != 1])
print(sum([1 for w in words if 'a' in w]), len([c for w in words for c in w]))
print([n for n in range(2, 30) if all([n % d for d in range(2, n)])])
