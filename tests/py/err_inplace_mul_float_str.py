x = [2.5]
x[0] *= 2.0
print(x)
x[0] *= "ab"
