def count(r):
    n = 0
    for _ in r:
        n += 1
    return n

def show(r):
    print(len(r), count(r), list(r)[:3], list(r)[-2:])

show(range(5))
show(range(0))
show(range(-3))
show(range(2, 9))
show(range(9, 2))
show(range(0, 10, 3))
show(range(0, 10, -3))
show(range(10, 0, -3))
show(range(10, -10, -7))
show(range(-5, 5, 4))
show(range(1, 2, 10**6))
print(len(range(10**18)), len(range(0, 10**18, 7)), len(range(10**18, -10**18, -3)))
print(len(range(-2**62, 2**62 - 1)), len(range(-2**63, 2**63, 2**62)), range(10**20)[-1])
print(len(range(0, 2**64 + 5, 2**64)), len(range(0, 10, 2**70)), len(range(5, -2**65, -2**64)))
r = range(3, 30, 5)
print(r[2], r[-1], 18 in r, 19 in r, r.index(13), r.count(8))
total = 0
for i in range(100):
    for j in range(i % 4):
        total += j
print(total)
e = ValueError("bad", 2)
print(e, repr(e), KeyError("k"), repr(IndexError()))
print(int("12"), float("1.5"), str(3), bool(0), list("ab"), tuple([1]), dict(a=1), set([1]))
print(frozenset([2]), list(enumerate("ab", 1)), list(zip("ab", "cd")), list(reversed([1, 2])))
