nonlocal x
print(1)
