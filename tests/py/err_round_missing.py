print(round())
