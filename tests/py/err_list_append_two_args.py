xs = [1]
xs.append(2)
print(xs)
xs.append(3, 4)
