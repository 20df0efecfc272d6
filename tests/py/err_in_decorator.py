def checked(fn):
    def wrapper(x):
        assert x > 0, 'must be positive'
        return fn(x)
    return wrapper
@checked
def half(x):
    return x / 2
print(half(10))
print(half(-1))
