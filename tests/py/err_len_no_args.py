print(len(()))
print(len())
