# List indexing and item assignment on lists that die with the operation (the last reference
# is the one on the stack), on shared lists, and with items that are heap objects.
print([10, 20, 30][1], [10, 20, 30][-1], [[1, 2], [3]][0], ["a", "b"][-2])
[0, 1][0] = "gone"


def make():
    return [[5], "s", 2.5, None]


print(make()[0], make()[1], make()[-2], make()[3])
shared = [[1], [2], [3]]
alias = shared
inner = shared[0]
shared[0] = "replaced"
print(shared, alias, inner)
shared[-1] = shared
print(len(shared), shared[-1] is shared, shared[2][0])
shared[2] = 0
nums = [1.5, 2.5]
nums[0] = nums[1] * 2
nums[-1] -= nums[0]
print(nums, nums[0] + nums[-1])
