a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b, a == b)
c = a[:]
c.append(5)
print(a, c, a is c)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
def add(item, target):
    target.append(item)
    return target
x = []
y = add(1, x)
add(2, y)
print(x, y, x is y)
a += [6]
print(a, b)
a = a + [7]
print(a, b)
nested = [1, [2, 3]]
shallow = nested.copy()
shallow[1].append(4)
print(nested, shallow)
