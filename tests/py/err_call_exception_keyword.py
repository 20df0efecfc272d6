print(ValueError("x"))
ValueError("x", code=1)
