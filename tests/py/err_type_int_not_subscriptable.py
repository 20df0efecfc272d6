n = 12345
print(str(n)[0])
print(n[0])
