def find_first(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            print('found', target, 'at', i)
            break
    else:
        print(target, 'not found')
find_first([4, 5, 6], 5)
find_first([4, 5, 6], 7)
find_first([], 1)
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=' ')
print()
for c in 'abcdef':
    if c in 'bd':
        continue
    if c == 'f':
        break
    print(c, end='')
print()
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print((i, j), end=' ')
print()
