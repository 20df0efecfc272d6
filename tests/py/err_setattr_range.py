r = range(3)
r.start = 1
