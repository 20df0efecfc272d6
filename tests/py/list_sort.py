nums = [5, 2, 9, -1, 0, 2, 7]
print(sorted(nums), nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ['banana', 'Apple', 'fig', 'cherry', 'date']
words.sort(key=len)
print(words)
words.sort(key=lambda w: (len(w), w))
print(words)
words.sort(key=lambda s: s.lower(), reverse=True)
print(words)
pairs = [(2, 'b'), (1, 'z'), (2, 'a'), (1, 'a')]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
stable = [('x', 1), ('y', 0), ('z', 1), ('w', 0)]
print(sorted(stable, key=lambda p: p[1]))
print(sorted([3.5, -2, 10, 0.0]), sorted([], reverse=True))
print(sorted([[2, 1], [1, 5], [1, 2, 3], [1, 2]]))
