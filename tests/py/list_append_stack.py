# list.append called as a method (the stack entry), as a bound method value and
# through the type; the appended value keeps its identity and count.
xs = []
for i in range(4):
    xs.append(i * i)
xs.append("s")
xs.append(None)
xs.append([1, 2])
xs.append((3,))
xs.append({"k": xs[0]})
print(xs, len(xs))
inner = [7]
xs.append(inner)
inner.append(8)
print(xs[-1], xs[-1] is inner)
ys = [1]
ys.append(ys)
print(len(ys), ys[1] is ys, ys[1][1][0])
add = ys.append
add(5)
list.append(ys, 6)
print(len(ys), ys[2:])
queue = [[0, 1], [2, 3]]
while queue:
    item = queue.pop(0)
    if item[0] < 6:
        queue.append([item[0] + 4, item[1]])
    print(item, len(queue))
words = "a b c".split()
out = []
for w in words:
    out.append(w.upper())
    out.append(w + w)
print(out, "".join(out))
nested = [[]]
nested[0].append(nested)
print(len(nested[0]), nested[0][0] is nested)
