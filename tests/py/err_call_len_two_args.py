xs = [1, 2]
print(len(xs))
print(len(xs, xs))
