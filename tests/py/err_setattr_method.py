setattr([], "append", 1)
