iter([], sentinel=1)
