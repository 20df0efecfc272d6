x = 1
print('x is', x)
print(y)
