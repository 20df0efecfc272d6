print(len(str(10 ** 4299)))
str(10 ** 4300)
