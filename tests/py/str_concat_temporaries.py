# str + str: an empty side gives the other str itself; temporaries (f-strings, slices,
# calls) extended by + keep correct length, hash, equality and non-ASCII text.
s = "abc"
e = ""
print(s + e is s, e + s is s, (e + e) is e, repr(e + e))
n = 7
t = f"x{n}y" + "z"
print(t, len(t), t == "x7yz", hash(t) == hash("x7yz"))
u = f"é{n}" + "ü€"
print(u, len(u), u[1], u[-1], u == "é7ü€")
v = s[1:] + "d"
print(v, len(v), s)
w = s.upper() + s.upper()
print(w, len(w))
d = {}
for i in range(6):
    key = f"k{i % 3}" + "!" * (i % 2)
    d[key] = d.get(key, 0) + 1
print(sorted(d.items()))
parts = []
for i in range(5):
    parts.append(f"{i}" + "é" * i + "" + f"{i}")
print(parts, [len(p) for p in parts])
x = "q" + "r"
y = x + "s"
print(x, y, x is y)
words = ["a", "bb", "", "ccc"]
acc = ""
for word in words:
    acc = acc + word + "-"
print(acc, len(acc))
z = ("m" * 3) + ("n" * 0)
k = "k"
print(z, len(z), (e + k) is k)
