print(hasattr("a", "upper"))
getattr(1, 5)
