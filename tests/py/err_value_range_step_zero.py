print(list(range(0, 4, 2)))
print(list(range(0, 4, 0)))
