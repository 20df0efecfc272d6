# str.format field parsing: conversions, nested specs, brackets in field names.
print('{0[0]!r:>6}|{1!s:^5}|{2!a}'.format(['ab'], 3, 'é'))
print('{:>{}}|{:{}<{}}'.format('r', 4, 'l', '*', 5))
print('{0[a]}'.format({'a': 'key'}), '{d[k]!r}'.format(d={'k': 1.5}))
print('{{}}{}{{'.format(1), '{!r:}'.format('q'), '{0:}'.format(2))
print('%5.2f|%-6s|%%|%c' % (3.14159, 'ab', 65))
