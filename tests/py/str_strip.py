s = '   hello world  \t\n'
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'xyhiyx'.strip('xy'), '--a-b--'.lstrip('-'), '--a-b--'.rstrip('-'))
print(repr(''.strip()), repr('   '.strip()))
print('www.example.com'.strip('cmowz.'))
print('0001200'.lstrip('0'), '0001200'.rstrip('0'))
