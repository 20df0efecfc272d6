xs = [1]
xs.pop(0, 1)
