# An int divided by a float zero, from locals: the fast path gives way to the general
# operator, which raises.
def ratio(a, b):
    return a / b


print(ratio(3, 2.0))
print(ratio(3.0, 2))
print(ratio(3, 0.5))
print(ratio(4, 0.0))
