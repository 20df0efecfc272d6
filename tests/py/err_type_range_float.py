print(list(range(3)))
print(range(2.5))
