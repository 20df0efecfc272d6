# An error raised while operands come straight from locals and constants is reported on the
# operator's line, as CPython does.
def first(values):
    n = 0
    total = 0
    while n < 3:
        total += values[n]
        n += 1
    return total


def late(x):
    if x > 0:
        y = 1
    return y + 1


print(first([1, 2, 3]))
print(late(1))
print(first([1, "2", 3]))
