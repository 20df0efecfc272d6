d = {}
for i in [5, 3, 9, 1]:
    d[i] = i * 10
print(d, d[9])
d[3] += 1
d[5] -= 100
d[1] *= 7
print(d)
sq = {x: x ** 2 for x in range(-3, 4) if x != 0}
print(sq, sq[-3])
print({True: 'a', 1: 'b'}, {0: 'z', False: 'y'})
m = {(0, 0): '.', (0, 1): '#'}
m[(1, 0)] = '#'
print(m, m[0, 1])
print(list(d.items())[0], len(d.keys()), 9 in d.keys(), 90 in d.values())
