# Rebinding locals that hold heap values (the old value is released) and stack swaps of two
# and three values, including swaps of a value with itself.


def rebind():
    x = [1, 2]
    keep = x
    x = x
    x = [3]
    x = "text"
    x = x + "!"
    keep.append(x)
    x = keep
    x = 5
    return keep, x


print(rebind())


def swaps():
    a, b, c = [1], "b", 3.0
    a, b = b, a
    print(a, b)
    a, b, c = c, a, b
    print(a, b, c)
    a, a = a, a
    print(a)
    items = [0, 1, 2]
    items[0], items[2] = items[2], items[0]
    items[1], items[1] = items[1], items[1]
    print(items)


swaps()
