# Int -= at the edges of the machine range (the inline path) and past them (big ints).
lo = -(2 ** 63)
x = lo + 1
x -= 1
print(x, x == lo)
x -= 1
print(x)
x -= -1
print(x, x == lo)
hi = 2 ** 63 - 1
y = hi
y -= -1
print(y)
y -= 1
print(y, y == hi)
counts = [3, -4]
counts[0] -= 5
counts[-1] -= lo
print(counts)
z = 5
z -= True
print(z)
z -= 2.5
print(z)
