name = 'age: '
print(name + str(5))
print(name + 5)
