iter(len, 1, 2)
