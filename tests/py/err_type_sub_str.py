print('abc' * 2)
print('abc' - 'a')
