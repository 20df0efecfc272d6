# A list iterator that has run out stays exhausted when the list grows afterwards.
items = [1]
it = iter(items)
print(list(it))
items.append(2)
items.append(3)
print(list(it), next(it, "done"))

# Growing the list while the iterator is still running is seen, as in CPython.
grow = [1, 2]
seen = []
for x in grow:
    seen.append(x)
    if x < 4:
        grow.append(x + 2)
print(seen, grow)

# The same through map and enumerate, which step a list iterator underneath.
source = [10, 20]
doubled = map(lambda v: v * 2, source)
print(list(doubled))
source.append(30)
print(list(doubled))
numbered = enumerate(source)
print(list(numbered))
source.append(40)
print(list(numbered), next(numbered, "end"))
