s = 'hello world, hello python'
print(s.find('hello'), s.find('hello', 1), s.find('xyz'), s.find('o', 5, 8))
print(s.rfind('hello'), s.rfind('o'), s.rfind('o', 0, 10), s.rfind('zz'))
print(s.index('world'), s.count('hello'), s.count('l'), s.count('l', 5), s.count(''))
print(s.replace('hello', 'bye'), s.replace('l', 'L', 2), s.replace('zz', 'y'))
print('aaa'.replace('a', 'bb'), 'abc'.replace('', '-'))
print(s.startswith('hello'), s.startswith('world', 6), s.endswith('python'), s.endswith('hello', 0, 5))
print(s.startswith(('x', 'he')), s.endswith(('on', 'zz')))
print(''.find(''), 'abc'.find(''), 'abc'.find('c', -1))
