print(ord("a"))
ord("ab")
