xs = [1, 2, 3]
print(xs[int(1.0)])
print(xs[1.0])
