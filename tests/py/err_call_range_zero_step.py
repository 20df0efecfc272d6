print(len(range(0, 4, 2)))
range(0, 4, 0)
