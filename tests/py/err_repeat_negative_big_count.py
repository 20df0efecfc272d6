# A repeat count past the machine's index size is an OverflowError, negative ones included.
print([0] * -5, "ab" * -1, (1,) * 0)
print([0] * -(2**63))
print(-(10**20) * [1])
