xs = [1]
xs.append(2)
t = (1, 2)
print(xs, t)
t.append(3)
