d = {1: 2, 3: 4}
print(d[1], d[3])
print(d[2])
