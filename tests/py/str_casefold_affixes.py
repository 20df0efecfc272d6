# str.casefold, isascii, isprintable, removeprefix, removesuffix.
print('Straße ΣΑΣ'.casefold(), 'ǅ'.casefold(), 'ab'.isascii(), 'é'.isascii(), ''.isascii())
print('a\tb'.isprintable(), 'ab '.isprintable(), ''.isprintable(), '\x7f'.isprintable(), 'é'.isprintable())
print('prefix_body'.removeprefix('prefix_'), 'body.py'.removesuffix('.py'), 'x'.removeprefix(''))
print('x'.removesuffix('y'), repr('aa'.removeprefix('aa')), repr('ab'.removesuffix('ab')))
