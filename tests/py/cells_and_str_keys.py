# Cell loads (LoadDeref) of every kind of value, cells shared between closures,
# and dict lookups by str key: by the same str object, by an equal str built at
# run time, after the dict changed layout, and with int and tuple keys.
def make():
    items = []
    name = "n"
    count = 0
    nothing = None

    def add(v):
        nonlocal count
        items.append(v)
        count += 1
        return count, name, nothing, len(items)

    def peek():
        return items, count, name

    return add, peek


add, peek = make()
print(add(1), add("x"), add([2]))
print(peek())


def outer():
    x = 1.5

    def inner():
        return x * 2

    r1 = inner()
    x = "changed"
    r2 = inner()
    x = (1, 2)
    return r1, r2, inner()


print(outer())

rec = {"id": 1, "name": "a", "held": False, 3: "three", (1, 2): "pair"}
other = {"name": "b", "id": 2, "held": True}
for d in (rec, other, rec, other):
    print(d["id"], d["name"], d["held"])
key = "na" + "me"[0:2]
print(rec[key], other[key])
print(rec[3], rec[(1, 2)], rec[1 + 2])
rec["new"] = 5
del rec["id"]
print(rec["name"], rec["new"], rec)
rec["id"] = 9
print(rec["id"], rec["held"], list(rec))
big = {str(i): i for i in range(20)}
print(big["7"], big["1" + "9"], big["0"])
print("id" in rec, "zz" in rec, rec.get("zz"), rec.get("name"))
