# Strs built in place: f-strings with int fields, concatenation of temporaries and of
# shared strs, growing a str in a loop while other names still see its old value.


def fstrings():
    for i in [0, 7, -7, 10, -10, 123456789, -9223372036854775808, 9223372036854775807]:
        s = f"<{i}|{i!s}|{i!r}|{i:5}|{i:x}>"
        print(s, len(s))
    big = 2 ** 70
    print(f"{big}{-big}", f"{True}{False}", f"{1.5}{-0.0}")
    for word in ["", "a", "\u00e9t\u00e9", "\u65e5\u672c", "x" * 40]:
        s = f"{word}{len(word)}{word}"
        print(s, len(s), s == word + str(len(word)) + word, s[1:-1], s[::-1])
    print(f"{''}{''}" == "", len(f"{''}{''}"), f"{'a'}{''}" == "a")


def growing():
    s = "start"
    seen = []
    for i in range(40):
        s += str(i % 10)
        if i % 9 == 0:
            seen.append(s)
        s = s + "\u00e9"
    print(s, len(s))
    for t in seen:
        print(t, len(t))
    u = "ab" * 3
    v = u
    u += "c"
    print(u, v, len(u), len(v), u == "abababc", v == "ababab")


def keys():
    d = {}
    for i in range(12):
        d[f"k{i}"] = i
        d["k" + str(i) + "!"] = -i
    total = 0
    for i in range(12):
        total += d["k%d" % i] + d[f"k{i}" + "!"] * 2
    print(total, len(d), "k3" in d, "k3!" in d, "k13" in d)
    print(sorted(d)[:5])


fstrings()
growing()
keys()
