xs = [1]
xs.insert(1)
