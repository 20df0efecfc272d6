print(repr('hello'), repr("it's"), repr('say "hi"'), repr('both \' and "'))
print(repr('tab\there'), repr('new\nline'), repr('back\\slash'), repr('\r\x00\x7f'))
print(repr(''), repr('\x1b[0m'), repr('é'), repr('\u20ac'))
print('a\tb')
print('x\\ny')
print("quotes: 'single' \"double\"")
print(r'raw\n\t', len(r'\n'), len('\n'))
print('\x41\x42\u0043', '\101')
print(repr(['a', "b'c", 'd"e']))
print(str('plain'), repr(repr('x')))
s = '''multi
line'''
print(s, repr(s))
print('implicit' ' concat' " works")
