words = ['', 'a', 'ab', 'abc']
print([len(w) for w in words], len(words))
print([ord(c) for c in 'AZaz09 ~'], [chr(n) for n in [33, 48, 97, 126]])
print(chr(0x263A), ord('\n'), ord('\t'), repr(chr(0)), repr(chr(127)))
caesar = ''.join([chr((ord(c) - 97 + 3) % 26 + 97) for c in 'xyzabc'])
print(caesar)
print(abs(-10 ** 20), abs(-1e-300), abs(float('-inf')))
