raw = '  Hello, World! Hello, Python!  '
print(raw.strip().lower().replace('hello', 'bye').split(', '))
print('-'.join(raw.split()).upper())
csv = 'name,age,city\nann,30,nyc\nbob,25,sf'
rows = [line.split(',') for line in csv.split('\n')]
header, body = rows[0], rows[1:]
print(header)
for r in body:
    print(dict(zip(header, r)))
print(' '.join([w.capitalize() for w in 'the quick brown fox'.split()]))
s = 'a-b_c d'
print(s.replace('-', ' ').replace('_', ' ').split())
print('x'.join('abc'), ''.join(['%02d' % i for i in range(5)]))
word = 'racecar'
print(word == word[::-1], word.find('e'), word.rfind('r'), word.count('a'))
print('abc'.startswith(''), 'abc'.endswith(''), 'ABC'.lower().islower())
