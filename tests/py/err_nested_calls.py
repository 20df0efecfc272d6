def level3(x):
    return x / (x - 3)
def level2(x):
    return level3(x) + 1
def level1(x):
    return level2(x) * 2
print(level1(5))
print(level1(3))
