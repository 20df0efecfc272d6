def f():
    pass
print(f.missing)
