d = {1: 2}
print(d.get(1, 0))
d.get([1], 0)
