hasattr(1, "a", 2)
