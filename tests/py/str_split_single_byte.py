# str.split with a one-character separator: ASCII and not, with and without maxsplit.
samples = ["a,b,,c,", ",", "", ",,", "no separator", "é,ü,,ß", "x,é,ü", "€,€", "a€b€€c"]
for s in samples:
    print(repr(s), s.split(","), s.split("€"), s.split("é"))
    for n in (-5, -1, 0, 1, 2, 10):
        print(" ", n, s.split(",", n), s.split(",", maxsplit=n), s.split("€", n))
print("line one\nline two\n".split("\n"), "tab\tsep\t".split("\t", 1))
print("a b  c".split(" "), "a b  c".split(" ", 2), "   ".split(" "), " x ".split(" ", 0))
