print(dict.fromkeys("a"))
list.fromkeys("a")
