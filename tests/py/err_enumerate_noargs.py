print(enumerate())
