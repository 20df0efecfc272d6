target = 24
found = None
for a in range(1, 10):
    for b in range(1, 10):
        if a * b == target:
            found = (a, b)
            break
    if found:
        break
print(found)
rows = []
for i in range(1, 5):
    row = ''
    for j in range(1, 5):
        row += '%4d' % (i * j)
    rows.append(row)
print('\n'.join(rows))
count = 0
for i in range(5):
    j = 0
    while j < i:
        j += 1
        if (i + j) % 2:
            continue
        count += 1
print(count)
