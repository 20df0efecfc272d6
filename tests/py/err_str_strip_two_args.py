print('abc'.strip('a', 'b'))
