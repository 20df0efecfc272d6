setattr(None, "x", 1)
