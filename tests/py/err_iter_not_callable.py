iter(5, 5)
