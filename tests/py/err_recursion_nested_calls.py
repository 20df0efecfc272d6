def outer(n):
    return inner(n) + 1
def inner(n):
    return outer(n + 1) * 1
print('deep mutual recursion with arithmetic')
print(outer(0))
