a = 'x'
print('start')
a -= 1
