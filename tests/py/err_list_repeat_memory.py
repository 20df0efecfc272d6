xs = [0, 1] * 3
print(xs)
ys = xs * 2**61
