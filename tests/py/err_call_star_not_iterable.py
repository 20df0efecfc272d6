def f(*a):
    return a
print(f(*[1, 2]), f(*range(3)), f(*"ab"))
print(*[1, 2], sep="-")
f(*5)
