print(range(3, 20, 4).index(8))
