it = iter(lambda: 1 // 0, 3)
next(it)
