xs = [1, 2]
print(xs.pop(0))
xs.pop("0")
