print(abs(-1))
abs("x")
