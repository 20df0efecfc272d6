# One str literal used as a key in several dicts, at different entry positions, with deletes
# and re-inserts moving entries: each lookup and store must find the right entry.
def get(d):
    return d["k"]


def put(d, v):
    d["k"] = v


a = {"k": 1}
b = {"x": 0, "y": 0, "k": 2}
c = {"z": 0}
for d in (a, b, c, a, b):
    put(d, get(d) + 10 if "k" in d else 5)
print(a, b, c)
del b["x"]
print(get(b), get(a), get(c))
put(b, 99)
del b["k"]
b["k"] = 7
print(b, get(b))
a.clear()
put(a, "new")
print(a, get(a), get(c))
print(sorted(a), list(b.items()))
