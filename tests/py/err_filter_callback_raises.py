print(list(filter(lambda x: x.upper(), ["a", ""])))
print(list(filter(lambda x: x.upper(), ["a", 3])))
