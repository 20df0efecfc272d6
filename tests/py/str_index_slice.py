s = 'abcdefghij'
print(s[0], s[3], s[-1], s[-3])
print(s[2:5], s[:4], s[6:], s[:], s[-4:-1])
print(s[::2], s[1::2], s[::-1], s[::-3], s[7:2:-1], s[7:2:-2])
print(s[100:], s[-100:3], s[5:2], repr(s[5:2]))
print(s[1:100:3], s[-1:-11:-4])
print(len(s), len(''), len('a b'))
t = 'héllo wörld'
print(len(t), t[1], t[::-1], t.upper())
