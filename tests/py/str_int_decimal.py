# Ints turned into decimal text by str(), repr(), %-formatting and f-strings.
for n in (0, -0, 7, -7, 10, -10, 99, 100, 12345, -98765, 2**31, -(2**31), 2**63 - 1, -(2**63)):
    print(str(n), repr(n), "%d" % n, "%s" % n, f"{n}", f"{n!r}", [n], (n,), {n: n})
print("%d|%s|%d" % (-42, 0, 10**18), f"{-7}{0}{10**18}", str(10**19), str(-(10**19)))
print(str(True), "%d" % True, f"{False}", [True, 1, -1])
