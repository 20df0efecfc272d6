def f():
    pass
del f.missing
