print(iter())
