# str.count of one ASCII char over texts longer than 255 bytes, with more than 255
# occurrences, around non-ASCII text, and with start/end bounds.
long_a = "a" * 1000
print(long_a.count("a"), long_a.count("b"), long_a.count("a", 10, 600))
mixed = "aé日a" * 300 + "b"
print(mixed.count("a"), mixed.count("b"), mixed.count("é"), mixed.count("日a"))
print(mixed.count("a", -7), mixed.count("a", 5, 9), mixed.count("a", 900, 10))
print("".count("a"), "".count(""), "abc".count(""), ("x" * 256).count("x"))
print(("ab" * 255).count("a"), ("ab" * 255 + "a").count("a"), ("\x00" * 300).count("\x00"))
