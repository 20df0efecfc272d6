print(str.upper())
