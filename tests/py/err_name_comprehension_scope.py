squares = [n * n for n in range(4)]
print(squares)
print(n)
