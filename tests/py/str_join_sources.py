# str.join over lists, tuples and other iterables, with one, none or many items.
words = ["alpha", "beta", "gamma"]
print("-".join(words), "".join(words), ", ".join(tuple(words)))
print(repr("-".join([])), repr("-".join(())), "-".join(["solo"]), "-".join(("é",)))
print("+".join([w.upper() for w in words]), "/".join(iter(words)), ".".join("abc"))
print("|".join({"k1": 1, "k2": 2}), " ".join(map(str, range(5))))
print("ü".join(["ä", "ö"]), len("ü".join(["ä", "ö"])), "".join(["", "", "x"]))
grid = [["a", "b"], ["c"]]
print(";".join([",".join(row) for row in grid]))
print(("x" * 1) + "y", "ab" * 1 + "ab" * 2, repr("é" * 1), repr("ab" * 0))
