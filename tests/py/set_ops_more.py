evens = {x for x in range(20) if x % 2 == 0}
threes = {x for x in range(20) if x % 3 == 0}
print(evens & threes, sorted(evens | threes))
print(sorted(evens - threes), sorted(evens ^ threes))
s = {1, 2}
s |= {3}
s &= {2, 3, 4}
print(s)
s -= {2}
print(s)
s ^= {3, 9}
print(s)
seen = set()
dups = []
for n in [4, 1, 4, 2, 1, 5, 4]:
    if n in seen:
        dups.append(n)
    seen.add(n)
print(seen, dups)
print(sorted({'b', 'a'} | {'c'}), sorted({'abc'[i] for i in range(3)}))
print({-1, -2, 0}, {100, 5, 37})
print(set([(1, 2), (1, 2), (2, 1)]) == {(1, 2), (2, 1)})
