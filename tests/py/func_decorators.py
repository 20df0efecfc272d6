def trace(fn):
    def wrapper(*args, **kwargs):
        print('calling', args, kwargs)
        result = fn(*args, **kwargs)
        print('returned', result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(2, 3)
add(1, b=9)
def repeat(n):
    def deco(fn):
        def wrapper(x):
            for _ in range(n):
                x = fn(x)
            return x
        return wrapper
    return deco
@repeat(3)
def double(x):
    return x * 2
print(double(1))
def count_calls(fn):
    calls = [0]
    def wrapper(*a):
        calls[0] += 1
        return (calls[0], fn(*a))
    return wrapper
@count_calls
@repeat(2)
def inc(x):
    return x + 1
print(inc(0), inc(10), inc(20))
