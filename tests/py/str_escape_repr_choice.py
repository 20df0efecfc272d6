cases = ['plain', "single'quote", 'double"quote', 'both\'"', '\\', '\n\r\t', '\x07\x08\x0b\x0c', 'ünï', '\U0001F600', chr(255), chr(127)]
for c in cases:
    print(repr(c), len(c))
print(str(cases[:3]))
print(repr('a' * 3 + "'"), repr('"' + 'b'))
