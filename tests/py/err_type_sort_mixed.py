xs = [3, 1, 2]
xs.sort()
print(xs)
ys = [3, 'a', 1]
ys.sort()
