xs = [1, 2, 3]
for x in xs:
    if x < 3:
        xs.append(x * 10)
print(xs)
i = 0
total = 0
nums = list(range(10))
while i < len(nums):
    if nums[i] % 3 == 0:
        del nums[i]
    else:
        total += nums[i]
        i += 1
print(nums, total)
for i in range(3):
    i = i * 100
    print(i)
print(i)
acc = []
for x in range(4):
    acc += [x]
print(acc)
