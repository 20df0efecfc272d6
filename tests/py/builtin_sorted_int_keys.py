# sorted and list.sort with keys that are all ints or all tuples of ints (compared without
# error handling), next to keys that only look like them (bools, floats, big ints, mixes).
words = ["pear", "fig", "apple", "kiwi", "plum", "date", "lime", "banana"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), -ord(w[0]))))
print(sorted(words, key=lambda w: (len(w), -ord(w[0])), reverse=True))
print(sorted(words, key=lambda w: (len(w),) if len(w) > 4 else (len(w), 0)))
print(sorted(words, key=lambda w: () if len(w) == 4 else (len(w),)))
print(sorted([3, -1, 2**70, 0, -2**70, 5]))
print(sorted([3, True, 2, False, 1]))
print(sorted([(1, True), (1, 0), (0, 2.5), (0, 2)]))
print(sorted([2, 1.5, -3, 0.0, 1]))
print(sorted([(2, 1), (1, 2**64), (1, -2**64), (2, 0)]))
print(sorted([(3,), (1, 2, 3), (1, 2), (1,), ()]))
print(sorted([-9223372036854775808, 9223372036854775807, 0, -1]))
nums = [5, 3, 8, 3, 1, 8, 0]
nums.sort(key=lambda n: n % 3)
print(nums)
nums.sort(key=lambda n: -n, reverse=True)
print(nums)
pairs = [[2, "b"], [1, "a"], [2, "a"], [1, "b"]]
pairs.sort(key=lambda p: p[0])
print(pairs)
print(sorted([], key=len), sorted([7]), sorted([(1, 2)]))
