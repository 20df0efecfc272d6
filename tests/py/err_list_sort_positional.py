print([3, 1].sort(1))
