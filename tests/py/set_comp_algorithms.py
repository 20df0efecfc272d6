primes = set(range(2, 50))
for p in range(2, 8):
    primes -= set(range(p * p, 50, p))
print(sorted(primes))
a = set([1, 2, 3, 4, 5])
b = {4, 5, 6}
print(a.union(b) == a | b, a.intersection(b) == a & b, a.difference(b) == a - b)
print(len(a | b), len(a & b), 6 in a | b, 6 in a)
print(sorted([x for x in a ^ b if x % 2 == 0]))
letters1 = set('hello world')
letters2 = set('goodbye')
print(sorted(letters1 & letters2), sorted(letters1 - letters2), sorted(letters2 - letters1))
print(''.join(sorted(letters1 | letters2)))
uniq = []
seen = set()
for w in 'to be or not to be that is'.split():
    if w not in seen:
        seen.add(w)
        uniq.append(w)
print(uniq, len(seen))
print({1, 2, 3} > {1, 2}, {1, 2} >= {1, 2}, {1} < {2})
