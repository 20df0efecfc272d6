print(dict.fromkeys([1, 2]))
dict.fromkeys([1, [2]])
