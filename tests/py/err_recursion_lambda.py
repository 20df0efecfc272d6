g = lambda n: g(n + 1) * 2
print('lambda recursion')
g(0)
