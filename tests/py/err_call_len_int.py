print(len([0]))
print(len(5))
