print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)))
print(list(range(10, 0, -3)), list(range(5, 5)), list(range(5, 0)), list(range(-5, 5, 4)))
r = range(3, 30, 3)
print(len(r), r[0], r[-1], r[2], 9 in r, 10 in r)
print(list(r[2:5]), list(r[::-1]))
print(len(range(0)), len(range(10, 0, -1)), range(0, 10 ** 20)[-1])
print(sum(range(1, 11)), max(range(7)), min(range(3, 9)))
total = 0
for i in range(1, 100, 7):
    total += i
print(total)
print(range(5), range(1, 10, 2))
print(range(0, 3) == range(0, 3), list(range(-3, -10, -2)))
