print('[' + 'abc'.center(9) + ']', '[' + 'abc'.center(8, '*') + ']', '[' + 'abc'.center(2) + ']')
print('[' + 'ab'.ljust(6) + ']', '[' + 'ab'.rjust(6) + ']', '[' + 'ab'.ljust(6, '.') + ']', '[' + 'ab'.rjust(6, '0') + ']')
print('42'.zfill(5), '-42'.zfill(5), '+7'.zfill(4), 'abc'.zfill(2), ''.zfill(3))
for w in [1, 2, 3, 4, 5]:
    print(repr('x'.center(w, '-')), repr('xy'.center(w, '-')))
