print(max(1, 2))
print(max(1, 2, size=3))
