def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, -2, 9, 0])
print(lo, hi, minmax('hello'))
def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum([(x - mean) ** 2 for x in xs]) / n
    return n, mean, var
print(stats([2, 4, 4, 4, 5, 5, 7, 9]))
point = (3, 4)
x, y = point
print((x ** 2 + y ** 2) ** 0.5)
records = [('ann', 31, 'nyc'), ('bob', 25, 'sf'), ('cy', 35, 'la')]
for name, age, city in sorted(records, key=lambda r: r[1]):
    print(f'{name:>4} {age:3d} {city}')
print(tuple(sorted((3, 1, 2))), tuple(reversed((1, 2, 3))))
print((1, 2, 3)[::-1], (1, 2, 3, 4, 5)[1:4:2], len((None,) * 5))
