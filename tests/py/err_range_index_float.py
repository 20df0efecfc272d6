print(range(5).index(2.5))
