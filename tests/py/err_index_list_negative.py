# A negative list index beyond the length raises IndexError, as a positive one does.
items = [1, 2, 3]
print(items[-3], items[-1])
print(items[-4])
