nums = [3, -1, 4, -1, 5, -9, 2, 6]
running = []
acc = 0
for x in nums:
    acc += x
    running.append(acc)
print(running)
best = cur = nums[0]
for x in nums[1:]:
    cur = max(x, cur + x)
    best = max(best, cur)
print('max subarray', best)
pos = neg = 0
for x in nums:
    if x > 0:
        pos += x
    elif x < 0:
        neg += x
print(pos, neg)
words = 'one two three four five six'.split()
by_len = {}
for w in words:
    by_len[len(w)] = by_len.get(len(w), []) + [w]
print(by_len)
s = ''
for i, w in enumerate(words):
    s += w[0].upper() if i % 2 == 0 else w[0]
print(s)
