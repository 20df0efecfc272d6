# min and max of exactly two ints, next to the cases the two-int path must leave alone.
print(min(3, 7), min(7, 3), max(3, 7), max(7, 3))
print(min(-5, -5), max(0, -1), min(2**62, -2**62))
print(min(True, 1), min(1, True), max(False, 0), max(0, False))
print(min(1, 1.0), min(1.0, 1), max(2, 2.0), max(2.0, 2))
print(min(2**70, 1), max(2**70, 1))
print(min(4, 9, key=lambda x: -x), max(4, 9, key=lambda x: -x))
print(min([8, 2]), max([8, 2]), min(5, 6, 1), max(5, 6, 9))
