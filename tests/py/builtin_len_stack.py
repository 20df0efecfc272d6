# len() of every sized built-in, called directly, through a variable, from a
# dict and in a loop; the argument's reference is released correctly.
xs = [1, 2, 3]
print(len(xs), len([]), len("héllo"), len(""), len({"a": 1, "b": 2}), len({}))
print(len((1, 2)), len(()), len({1, 2, 3}), len(frozenset([1])), len(range(10)))
print(len(range(0, 100, 7)), len({"k": 1}.keys()), len({"k": 1}.items()))
f = len
d = {"fn": len}
print(f(xs), d["fn"]("abc"), d["fn"](xs))
total = 0
for i in range(5):
    total += len([0] * i) + len("ab" * i) + len(tuple(range(i)))
print(total)
print(len([x for x in "abc"]), len(str(12345)), len(xs + xs))
xs.append(len(xs))
print(xs, len(xs))
print(len(["a" + "b"]), len("a" + "b" * 3))
print(list(map(len, ["", "a", [1, 2]])))
print(len(sorted([3, 1, 2])), len(dict(a=1)))
