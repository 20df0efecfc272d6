# str.replace: nothing to replace gives the str itself; one ASCII char for another,
# also around non-ASCII text; counts; empty strings.
s = "hello world " * 3
print(s.replace("z", "Z") is s, s.replace("z", "Z") == s)
print(s.replace("o", "0", 0) is s)
print(s.replace("o", "0"))
print(s.replace("o", "0", 2))
print(s.replace("o", "0", -5))
print("héllo wörld ö".replace("o", "0"), "héllo wörld ö".replace("ö", "o"))
print("日本o日本".replace("o", "x"), "日本".replace("x", "y") == "日本")
print(repr("".replace("a", "b")), repr("".replace("", "b")), repr("".replace("", "b", 0)))
print("aaa".replace("a", "a"), "aaa".replace("a", ""), "aaa".replace("a", "bb"))
print("banana".replace("an", "AN"), "banana".replace("a", "\u00e9"))
print("x.y.z".replace(".", "/"), "tab\there".replace("\t", " "))
line = "ba1 ce2o di3i"
print(line.replace("o", "0").replace("i", "1"), line.replace("q", "0").replace("z", "1") is line)
