print("-".join(("a", "b")))
print("-".join(("a", None, "c")))
