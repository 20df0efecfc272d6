getattr(1)
