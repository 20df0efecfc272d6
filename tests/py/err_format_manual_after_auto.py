print('{!r:>4}|{0!s}'.format(7))
