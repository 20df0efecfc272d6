def f(**k):
    return k
print(f(**{1: 2}))
