a = list(range(10))
print(a[2:5], a[::3], a[::-1], a[-3:], a[8:2:-2])
a[1:3] = ['x', 'y', 'z']
print(a)
a[5:5] = [100, 200]
print(a)
a[:2] = []
print(a)
del a[::2]
print(a)
del a[0]
print(a)
del a[-2:]
print(a)
b = list(range(8))
b[::2] = ['e0', 'e1', 'e2', 'e3']
print(b)
b[1:7:3] = [None, None]
print(b)
c = [1, 2, 3]
c[len(c):] = [4, 5]
c[-1] = 50
print(c)
c[:] = 'ab'
print(c)
