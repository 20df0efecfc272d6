setattr(dict, "fromkeys", None)
