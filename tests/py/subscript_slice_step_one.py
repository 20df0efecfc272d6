# Slices with step 1 (and others) of lists and tuples: bounds past either end, negative
# bounds, empty and reversed ranges; copies are new lists.
items = [0, 1, 2, 3, 4, 5, 6]
t = tuple(items)
bounds = [None, -100, -8, -7, -3, -1, 0, 1, 3, 6, 7, 8, 100]
for start in bounds:
    for stop in bounds:
        print(start, stop, items[start:stop], t[start:stop])
for step in [None, 1, 2, -1, -2, 3]:
    print(step, items[::step], t[1:-1:step], items[-2:1:step])
copy = items[:]
copy[0] = 99
print(copy, items, copy is items)
print([][:], ()[:], [[1], [2]][1:], [1.5, "a", None][0:2])
print(items[True:], t[False:True])
print(list(range(False, True)), list(range(3, -4, -2)), list(range(-2, 3)), list(range(5)))
print(len(range(0, 10**18, 3)), range(2, 9, 2)[1:], list(range(7)[::-1]))
