print("{}".format([1, 10 ** 4400]))
