print(1 < 2, 'a' < 'b')
print('a' < 1)
