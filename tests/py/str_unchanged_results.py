# Operations that leave a str unchanged give an equal str (CPython returns the object itself).
for s in ["", "a", "plain", "  padded  ", "\tté\n", "é", "xxhixx"]:
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip("")))
    print(" ", repr(s[:]), repr(s[0:]), repr(s[:len(s)]), repr(s[-100:100]), repr(s[::1]), repr(s[::-1]))
    print(" ", repr(s[1:]), repr(s[:-1]), repr(s[::2]), len(s[:]), s[:] == s)
t = "stay"
print(t.strip() is t, t[:] is t, t[0:4] is t, t.lstrip("q") is t, (t + "") == t)
