# Growth through several resizes, deletions that leave dummies, and the pop finger.
s = set()
for i in range(0, 3000, 37):
    s.add(i * 1000003 % 4099)
print(len(s))
print(s)
for i in list(s)[::2]:
    s.discard(i)
print(s)
for i in range(-50, 50, 9):
    s.add(i)
print(s)
popped = [s.pop() for _ in range(10)]
print(popped)
s.difference_update(range(0, 4099, 5))
print(s)
big = {2**61 - 1, 2**61, 2**61 + 1, -2**61, 10**30, -10**30, 2**64, 0.5, -0.5, 1e300}
print(big, big - {10**30}, sorted(big))
