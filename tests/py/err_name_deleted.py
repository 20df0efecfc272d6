v = [1, 2]
print(v)
del v
print('deleted')
print(v)
