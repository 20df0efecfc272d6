# range.index and range.count, arithmetic for ints, by comparison otherwise.
r = range(3, 20, 4)
print(r.index(7), r.count(7), r.count(8), range(10).index(True), r.count(7.0), r.index(11.0))
print(range(10, 0, -3).index(4), range(0).count(0), range(5).count('a'), range(-5, 5).index(-5))
