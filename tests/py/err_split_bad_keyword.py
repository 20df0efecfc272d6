print('a b'.split(x=1))
