it = iter(int, 0)
print(next(it, "empty"))
next(it)
