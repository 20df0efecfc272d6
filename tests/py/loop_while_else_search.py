def index_of(xs, target):
    i = 0
    while i < len(xs):
        if xs[i] == target:
            break
        i += 1
    else:
        return -1
    return i
print(index_of([5, 6, 7], 7), index_of([5, 6, 7], 8), index_of([], 0))
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print('n =', n)
else:
    print('loop finished normally')
total = 0
for i in range(1, 6):
    total += i
else:
    total *= 10
print(total)
