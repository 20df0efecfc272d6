# Displays of constants become frozenset constants in CPython, which changes their layout.
print({7, 15, 0}, {7, 15}, {0, 7, 15})
print({1, 9, 17, 25, 33, 41, 49, 57}, {-1, -2, -3, 2**61 - 2})
for x in {7, 15}:
    print(x)
print([x for x in {7, 15, 23}], {x for x in {31, 15, 7}})
t = {1, 9, 17, 25}
t.remove(9)
t.add(33)
print(t)
k = 15
print({7, k, 0}, {k, 7})
