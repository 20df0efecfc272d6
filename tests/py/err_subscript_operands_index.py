# An index out of range with the list and the index in locals.
def pick(items):
    i = 3
    return items[i]


print(pick([1, 2, 3, 4]))
print(pick([1, 2, 3]))
