fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
gs = []
for i in range(3):
    gs.append(lambda i=i: i)
print([g() for g in gs])
def make_adders():
    adders = []
    for n in [1, 2, 3]:
        def add(x, n=n):
            return x + n
        adders.append(add)
    return adders
print([a(10) for a in make_adders()])
def make_late():
    out = []
    for n in [1, 2, 3]:
        out.append(lambda x: x + n)
    return out
print([a(10) for a in make_late()])
hs = [lambda x, k=k: x * k for k in range(4)]
print([h(2) for h in hs])
