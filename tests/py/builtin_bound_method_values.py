xs = []
push = xs.append
for i in range(3):
    push(i)
print(xs, type(push).__name__)
d = {}
setd = d.setdefault
print(setd("a", 1), setd("a", 2), d)
j = ",".join
print(j(["a", "b"]))
