setattr(1, "a")
