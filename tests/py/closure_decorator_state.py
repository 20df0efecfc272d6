def memo(fn):
    cache = {}
    calls = [0]
    def wrapper(*args):
        calls[0] += 1
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]
    def stats():
        return calls[0], len(cache)
    return wrapper, stats
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
paths, stats = memo(paths)
print(paths(10, 10), stats())
print(paths(16, 16), stats())
