def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper_cache = cache
    return wrapper, wrapper_cache
def slow_fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib, cache = memoize(slow_fib)
print(fib(80))
print(len(cache), cache[10])
def make_multiplier_table(n):
    return [lambda x, m=m: x * m for m in range(1, n + 1)]
print([f(7) for f in make_multiplier_table(5)])
def accumulate():
    items = []
    def add(x):
        items.append(x)
        return len(items), sum(items)
    return add
acc = accumulate()
print(acc(5), acc(10), acc(-3))
