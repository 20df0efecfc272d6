def f(a, b):
    return a - b
print(f(5, b=1))
print(f(5, a=1))
