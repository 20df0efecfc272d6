x = None
print(x, repr(x), str(x), type(x), bool(x), x is None, x == None)
def nothing():
    pass
print(nothing() is None, [None] * 3, {None: None})
vals = [None, 0, False, '', [], 1]
print([v for v in vals if v is not None])
print([v is None for v in vals])
print(None or 'fallback', None and 'never')
print(x if x is not None else 'default')
