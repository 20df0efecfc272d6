print(str.upper(5))
