words = "a b c"
print(words.split(" ", 1))
print(words.split(" ", 1, 2))
