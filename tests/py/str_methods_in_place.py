# str methods whose results are written in place: case mapping, replace, join, repeat,
# slicing and plain %-formatting, on ASCII and non-ASCII text and at the edges.


def show(label, s):
    print(label, repr(s), len(s), s == s[:], hash(s) == hash("".join(list(s))))


def cases():
    for s in ["", "a", "Z", "Hello, World 42", "stra\u00dfe", "\u00c9t\u00e9", "x" * 50]:
        show("upper", s.upper())
        show("lower", s.lower())


def replacing():
    line = "foo boo zoo loo"
    show("r1", line.replace("o", "0"))
    show("r2", line.replace("o", "0").replace("f", "\u00f8"))
    show("r3", line.replace("oo", "[]", 2))
    show("r4", line.replace("", "-"))
    show("r5", line.replace("", "-", 3))
    show("r6", line.replace("q", "-"))
    show("r7", "\u00e9a\u00e9".replace("\u00e9", "e"))
    show("r8", "aaa".replace("a", ""))


def joining():
    show("j1", " ".join(["ab", "cd", "ef"]))
    show("j2", "".join([]))
    show("j3", "-".join(["only"]))
    show("j4", "\u00b7".join(["x", "\u00e9", "y"]))
    show("j5", ", ".join(("a", "", "b")))
    show("j6", "".join(["", ""]))


def repeating():
    for n in [-1, 0, 1, 2, 5]:
        show("m" + str(n), "ab" * n)
        show("n" + str(n), n * "\u00e9")


def slicing():
    s = "abcdefghij"
    t = "\u00e9t\u00e9 d'\u00e9t\u00e9"
    for text in [s, t]:
        show("s1", text[:6])
        show("s2", text[-6:])
        show("s3", text[::-1])
        show("s4", text[1:8:3])
        show("s5", text[8:1:-2])
        show("s6", text[3:3])
        show("s7", text[4:5])


def finding():
    for text in ["foo b1r b1z", "\u00e9t\u00e9 1 \u00e9t\u00e9 1", "", "1"]:
        print(text.find("1"), text.find("1", 5), text.find("1", 2, 6), text.find("1", -3))
        print(text.find("\u00e9"), text.find("t\u00e9"), text.find(""), text.find("1", 20))


def splitting():
    for text in ["a b  c ", " \u00e9t\u00e9 x y", "", "one", "x,y,,z"]:
        parts = text.split(" ")
        print(parts, [len(p) for p in parts], text.split(" ", 1), text.split(","))
        print(text.rsplit(" ", 1), text.split(), "a\nb\r\nc".splitlines())
        print(sum([len(p) for p in text.split(" ")]), [p.upper() for p in text.split(" ", 2)])


def percent():
    show("p1", "%s|%s|%d" % ("ab", "\u00e9", 42))
    show("p2", "%d%%" % -7)
    show("p3", "%s" % "")
    show("p4", "<%s>" % 0)


cases()
replacing()
joining()
repeating()
slicing()
finding()
splitting()
percent()
