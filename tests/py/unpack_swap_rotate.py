a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
xs = [5, 6, 7]
xs[0], xs[2] = xs[2], xs[0]
print(xs)
i = 0
i, xs[i] = 2, 99
print(i, xs)
d = {'x': 1, 'y': 2}
d['x'], d['y'] = d['y'], d['x']
print(d)
fib = [0, 1]
p, q = 0, 1
for _ in range(10):
    p, q = q, p + q
    fib.append(q)
print(fib)
