# One-char needles take a byte-scan path in find/rfind/count/replace/split/rsplit;
# check them against multi-char needles, windows, limits and non-ASCII text.
texts = ["banana", "", "a", "ünïcödé ü ü", "x,y,,z,", "ééé", "naïve café"]
needles = ["a", "ü", ",", "é", "", "an", "z", "ï"]
for t in texts:
    for n in needles:
        print(repr(t), repr(n), t.find(n), t.rfind(n), t.count(n))
        print(" ", t.find(n, 1), t.rfind(n, 0, -1), t.count(n, 2, 5), t.find(n, -3))
        print(" ", t.replace(n, "<>") if n else t.replace(n, "."), t.replace(n, "-", 1))
        if n:
            print(" ", t.split(n), t.rsplit(n), t.split(n, 1), t.rsplit(n, 1), t.split(n, 0))
