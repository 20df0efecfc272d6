print(min('abc'))
print(min([]))
