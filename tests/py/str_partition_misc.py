print('key=value=x'.partition('='), 'novalue'.partition('='))
print('a\nb\r\nc'.splitlines(), ''.splitlines())
s = 'Mississippi'
print(s.lower().count('s'), s.upper(), s.index('ss'), s.rfind('ss'))
print(str(123) + str(4.5) + str(None) + str(True) + str([1, 2]))
print(len(str(2 ** 64)), str(-12).zfill(6))
