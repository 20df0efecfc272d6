# Empty and one-character results of str operations, ASCII and not.
s = "héllo wörld"
print([s[i] for i in range(len(s))])
print([c for c in s], [ord(c) for c in s])
print([chr(i) for i in (0, 65, 97, 127, 128, 233, 0x20ac, 0x1f600)])
print(repr(s[3:3]), repr(s[5:2]), repr(s[1:2]), repr(s[-1:]), repr(s[::100]))
print(repr("ab" * 0), repr("a" * 1), repr("é" * 1), repr("" * 5), repr("ab" * -2))
print(repr("  ".strip()), repr(" x ".strip()), repr("aXa".replace("a", "")))
print("a,,b,".split(","), "é,".split(","), ",".join(["", ""]), repr("".join([])))
print(repr(f""), repr(f"{''}"), repr(f"{'z'}"), repr("%s" % ""), repr("%s" % "q"))
t = ""
for c in "abc":
    t = c + t
print(t, len(t), t[0] + t[-1], (t[0] + t[-1])[1])
print(str(5), str(""), repr(str("x")), "x".upper(), "É".lower(), "".upper())
