row = '{:<10}{:>6}{:>8}'
print(row.format('name', 'qty', 'price'))
for name, qty, price in [('apple', 3, 0.5), ('pear', 12, 1.25), ('melon', 1, 3.0)]:
    print(row.format(name, qty, '%.2f' % price))
print('{0}{1}{0}'.format('ab', 'cd'))
print('{a}-{b}-{a}'.format(a=1, b=2))
print('{0:>{1}}'.format('x', 5))
print('{:{}}|'.format('y', 4))
print('{:.{}f}'.format(3.14159, 2))
print('{}{}'.format(1, [2]), '{!r}'.format('s'), '{0!r:>6}'.format('s'))
d = {'k': 'v', 'n': 3}
print('{k}={n}'.format(**d))
print('{0} {x}'.format(*['pos'], **{'x': 'kw'}))
