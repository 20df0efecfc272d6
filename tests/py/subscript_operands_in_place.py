# Subscripts whose container and key are locals or constants, their results pushed, stored
# or tested: lists, dicts by str and int keys, tuples, strs, negative indexes.
def reads(items, table, pair, word):
    out = []
    i = 1
    out.append(items[i])
    out.append(items[-1])
    out.append(items[0])
    out.append(table["b"])
    out.append(table[2])
    out.append(pair[1])
    out.append(word[2])
    first = items[0]
    name = table["b"]
    return out, first, name


def truths(flags):
    seen = []
    for i in range(len(flags)):
        if flags[i]:
            seen.append(i)
    return seen


def nested(grid):
    total = 0
    for r in range(len(grid)):
        row = grid[r]
        for c in range(len(row)):
            total += row[c] * (r + 1)
    return total


print(reads([10, 20, 30], {"b": "bee", 2: "two"}, (1, 2), "word"))
print(truths([0, 1, "", "x", [], [0], None, 2.5, 0.0, True, False]))
print(nested([[1, 2], [3, 4], [5, 6]]))
