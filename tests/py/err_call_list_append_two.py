xs = []
xs.append(1)
xs.append(1, 2)
