print(int('10', 2))
print(int(10, 2))
