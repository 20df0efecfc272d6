# In-place operators on floats and mixes with ints, on locals and list items:
# the float -= and *= fast path and everything it hands on.
x = 1.5
x -= 0.25
print(x)
x *= 4.0
print(x)
x -= 2
print(x)
x *= 3
print(x)
n = 7
n -= 0.5
print(n)
n = 3
n *= 2.5
print(n)
x = 0.0
x *= -1.0
print(x)
x = float("inf")
x -= float("inf")
print(x)
x = float("nan")
x *= 0.0
print(x, x == x)
x = 1e308
x *= 10.0
print(x)
x = 7.5
x /= 2.5
print(x)
x = 7.5
x //= 2.0
print(x)
x = 7.5
x %= 2.0
print(x)
x = 2.0
x **= 10
print(x)
b = [0.5, -1.25, 3.0]
b[0] -= 0.125
b[1] *= -2.0
b[-1] -= 1
b[2] *= 2
print(b)
b[0] -= True
print(b)
t = 10
t -= 3
t *= 6
print(t)
t = 2 ** 62
t *= 4
print(t)
t -= 2 ** 64
print(t)
s = [1, 2]
s *= 2
print(s)
