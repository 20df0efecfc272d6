def noop():
    pass
print(noop())
assert True
assert 1 + 1 == 2, 'math works'
x = 10
assert x > 5
print('asserts passed')
for i in range(3):
    pass
print(i)
y = [1, 2, 3]
z = {'a': 1, 'b': 2}
del y[1], z['a']
print(y, z)
w = 5
del w
w = 'rebound'
print(w)
if True:
    pass
elif False:
    pass
print('done')
