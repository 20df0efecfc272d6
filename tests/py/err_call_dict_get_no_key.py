d = {1: 2}
print(d.get(1), d.get(3, 4))
d.get()
