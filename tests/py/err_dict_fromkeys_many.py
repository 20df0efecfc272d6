dict.fromkeys("a", 1, 2)
