a = 'foo'
b = 'bar'
print(a + b, a * 3, 3 * b, a * 0, repr(a * -1))
print('-' * 20)
c = a
c += b
c += '!'
print(c, a)
print('ab' in 'cabd', 'x' in 'abc', '' in 'abc', 'abc' not in 'ab')
print('a' < 'b', 'abc' < 'abd', 'ab' < 'abc', 'B' < 'a', 'Z' > 'a', 'abc' == 'abc')
print(min('hello'), max('hello'), sorted('banana'))
for ch in 'xyz':
    print(ch, ord(ch))
print(chr(65), chr(97), chr(8364), ord('€'))
