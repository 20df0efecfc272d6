s = {1, 2}
print(s)
s.add({'k': 1})
