a = 1
b = 2
s = 'never closed
print(s)
