# list()/tuple()/sorted() of map and filter iterators, which collect by stepping
# the inner iterator directly, and the iterators' state afterwards.
def sq(x):
    return x * x


xs = [3, 0, -2, 5, 0, 7]
print(list(map(sq, xs)))
print(tuple(map(str, range(5))))
print(list(map(len, ["a", "bb", "", "cccc"])))
print(list(map(lambda a, b: a + b, [1, 2, 3], [10, 20])))
print(list(filter(None, xs)))
print(list(filter(lambda v: v > 0, xs)))
print(list(filter(None, ["", "x", 0, [], [0], None, (), 0.0, 2.5])))
print(sorted(map(lambda v: -v, xs)))
print(sorted(filter(lambda v: v % 2, xs)))
print(list(map(ord, "hello")), list(filter(str.isupper, "HeLLo")))
print(list(map(sq, {1: "a", 2: "b"})), list(filter(None, {0: 1, 3: 4})))

m = map(sq, [1, 2, 3, 4])
print(next(m), list(m), list(m))
f = filter(None, [0, 1, 0, 2, 3])
print(next(f), list(f), list(f))

holder = []


def steal(v):
    # The callback advances the very map being collected.
    if holder and v == 1:
        print("stolen", next(holder[0]))
    return v * 10


m2 = map(steal, [1, 2, 3, 4])
holder.append(m2)
print(list(m2))

total = []
print(list(map(total.append, [1, 2])), total)
print(list(map(sq, [])), list(filter(None, [])))
print(list(map(lambda v: v, map(lambda v: v + 1, filter(None, [0, 1, 2])))))
