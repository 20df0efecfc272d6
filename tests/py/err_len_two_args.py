print(len("ab"))
print(len("ab", "cd"))
