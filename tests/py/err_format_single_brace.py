print('a{}b'.format(1))
print('x{'.format(1))
