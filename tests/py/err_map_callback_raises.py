print(list(map(lambda x: 10 // x, [5, 2, 1])))
m = map(lambda x: 10 // x, [5, 0, 1])
print(list(m))
