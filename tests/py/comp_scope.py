x = 'outer'
ys = [x for x in range(3)]
print(x, ys)
n = 10
print([n * i for i in range(3)])
def f():
    k = 5
    return [k + i for i in range(3)]
print(f())
i = 'unchanged'
print([i for i in 'ab'], i)
print({i: i for i in range(2)}, i)
print({i for i in range(2)}, i)
def g():
    fs = [lambda: j for j in range(3)]
    return [h() for h in fs]
print(g())
matrix = [[1, 2], [3, 4]]
print([[row[c] for row in matrix] for c in range(2)])
