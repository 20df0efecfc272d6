s = 'text'
n = 3.0
lst = ['a', 1]
print(f'{s}', f'{s!r}', f'{s!s}', f'{n}', f'{n!r}', f'{lst}', f'{lst!r}')
print(f'{s!r:>10}|{s:>10}|{s!r:<10}|')
print(f'{None!r} {True!s} {1e16!r} {-0.0}')
quote = "it's"
print(f'{quote!r}', f"{'a' + 'b'}", f'{len(quote)}')
print(f'{"{"}{"}"}', f'{{}}', f'{{{n}}}')
