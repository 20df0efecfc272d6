getattr(1, name="x")
