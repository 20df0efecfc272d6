print(list(zip([1], 5)))
