def f(a, b=1):
    return a + b
print(f(1, b=2))
print(f(1, c=2))
