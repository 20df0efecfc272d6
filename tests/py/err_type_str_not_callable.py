s = 'text'
print(s.upper())
print(s(1))
