n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n //= 2
    else:
        n = 3 * n + 1
    steps += 1
print('collatz steps', steps)
i = 0
while True:
    i += 1
    if i % 3 == 0:
        continue
    if i > 10:
        break
    print(i, end=' ')
print()
k = 0
while k < 3:
    k += 1
else:
    print('while-else ran', k)
k = 0
while k < 10:
    k += 1
    if k == 4:
        break
else:
    print('not printed')
print('broke at', k)
a, b = 0, 1
fibs = []
while a < 200:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
