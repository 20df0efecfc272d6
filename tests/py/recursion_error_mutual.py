def a(n):
    return b(n + 1) + 1
def b(n):
    return a(n + 1) + 1
print('mutual recursion without base case')
a(0)
