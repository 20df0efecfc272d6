def lookups(d, keys):
    out = []
    for k in keys:
        out.append(d.get(k, "-"))
    return out

small = {1: "one", -1: "minus one", -2: "minus two", "a": "A", (1, 2): "pair", 2.5: "f", None: "none"}
keys = [1, 1.0, True, -1, -2, -2.0, "a", "b", (1, 2), (1, 2.0), 2.5, None, 0, False, 3]
print(lookups(small, keys))
print(small[-1], small[-2], small[True], small[(1, 2)], -1 in small, -3 in small, None in small)

grow = {}
for i in range(12):
    grow[i * 7] = i
    print(len(grow), grow.get(i * 7), grow.get(0), grow.get(i * 7 + 1), (i * 7) in grow)
for i in range(12):
    del grow[i * 7]
    print(len(grow), grow.get(i * 7), grow.get(77), grow.get(70, "gone"))

nan = float("nan")
d = {nan: "nan", 0.0: "zero"}
print(d.get(0.0), d.get(-0.0), d.get(0), d.get(float("nan"), "not found"), len(d))

index = {t: i for i, t in enumerate([5, 3, 1, 4, 0, 2])}
total = 0
for r in range(200):
    total += index[r % 6] * index[(r * 7) % 6]
print(index, total)
words = {"x": 1}
words["y"] = words.get("y", 0) + 1
words["x"] = words.get("x", 0) + 1
print(words, words.get("z"))
