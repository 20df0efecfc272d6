setattr(5, "real", 1)
