import math

def show_lengths():
    xs = [1, 2, 3]
    d = {1: "a", 2: "b"}
    print(len(xs), len(d), len("héllo"), len((1, 2)), len(range(5)), len({1, 2, 3}))
    print(len([]), len({}), len(""), len(d.keys()))
    total = 0
    i = 0
    while i < len(xs):
        total += xs[i]
        i += 1
    print(total)

def show_min_max():
    print(min(3, 5), max(3, 5), min(5, 3), max(5, 3))
    print(min(2, 2), max(-1, -1), min(-7, 7), max(-7, 7))
    print(min(1, True), max(True, 1), min(0, False), max(False, 0))
    print(min(1, 2.5), max(1, 2.5), min(2.5, 1), max(3, 2, 1))
    print(min([4, 1, 9]), max("abc"), min(4, 1, 9), max(4, 10**20))
    print(min(3, 5, key=lambda v: -v), max([], default="empty"))
    lo = 10
    for v in [7, 12, 3, 3, 8]:
        lo = min(lo, v)
    print(lo)

def show_small_builtins():
    print(ord("A"), ord("é"), ord("\n"), chr(65), chr(233))
    print(abs(-3), abs(3), abs(-2.5), abs(True), abs(-(2**63)))
    print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance("s", (int, str)))
    print(math.sqrt(16), math.sqrt(2.0), math.sqrt(True), math.sqrt(10**20))
    sqrt = math.sqrt
    print(sqrt(9), sqrt(0.25))

def show_list_methods():
    xs = []
    for i in range(5):
        xs.append(i * i)
    print(xs)
    print(xs.pop(), xs.pop(0), xs.pop(-1), xs.pop(True), xs)
    queue = [1, 2, 3]
    queue.append(queue.pop(0))
    queue.append(queue.pop(0))
    print(queue, queue.pop(1), queue)
    nested = [[1], [2]]
    nested[0].append(nested.pop())
    print(nested)
    push = xs.append
    push("bound")
    print(xs)

def show_dict_get():
    counts = {}
    for w in [3, 1, 3, 2, 3, 1]:
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    d = {"a": 1, 2: "two", (1, 2): "pair"}
    print(d.get("a"), d.get("z"), d.get(2, "none"), d.get((1, 2)), d.get(2.0), d.get(True, "t"))

def show_callbacks():
    words = ["ccc", "a", "bb"]
    print(sorted(words, key=len), list(map(len, words)), list(map(ord, "abc")))
    print(max(words, key=len), min(words, key=len))

show_lengths()
show_min_max()
show_small_builtins()
show_list_methods()
show_dict_get()
show_callbacks()
