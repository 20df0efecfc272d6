name = 'x'
print name
