names = ['pear', 'Apple', 'banana', 'apple', 'Banana', 'cherry', '']
print(sorted(names))
print(sorted(names, key=len))
print(sorted(names, key=lambda s: s.lower()))
print(sorted(names, reverse=True))
count = 0
for ch in 'mississippi':
    if ch == 's':
        count += 1
print(count, 'mississippi'.count('ss'), 'mississippi'.count('issi'))
letters = list('hello')
print(letters, tuple('ab'), ''.join(reversed('stressed')))
print([c for c in 'a1b2c3' if c.isdigit()])
print('abc' * 2 == 'abcabc', 'a' + 'b' == 'ab', 'A' != 'a')
