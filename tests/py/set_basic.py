s = {3, 1, 2}
print(s, len(s), 1 in s, 4 in s)
s.add(4)
s.add(1)
print(s)
s.discard(10)
s.discard(2)
s.remove(3)
print(s)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.union([7, 8], (9,)))
print(set(), set([1, 1, 2, 2, 3]), set(range(5)), len(set()))
print({1, 2} == {2, 1}, {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1} != {2})
print(sorted({'pear', 'apple', 'fig'}))
words = {'x', 'y'}
words.add('z')
print(sorted(words), 'x' in words, len(words))
print(sorted(set('mississippi')))
c = a.copy()
c.clear()
print(c, a)
