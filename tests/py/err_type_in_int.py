print(2 in [1, 2])
print(2 in 5)
