hasattr([], None)
