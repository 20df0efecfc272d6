# An unbound local used as an operand raises UnboundLocalError, not a wrong result.
def late(x):
    if x > 0:
        y = 1
    return y + 1


print(late(1))
print(late(0))
