w = 10
p = 3
x = 2.718281828
for width in [4, 8, 12]:
    print(f'[{x:{width}.{p}f}]')
print(f'[{"ab":{w}}]', f'[{"ab":>{w}}]', f'[{"ab":*^{w}}]')
fill = '-'
align = '>'
print(f'[{42:{fill}{align}{w}}]')
items = [('apple', 1.5), ('kiwi', 12.25), ('banana', 100.0)]
for name, price in items:
    print(f'{name:<8}|{price:>8.2f}|')
print(f'{"x" * 3!r:>8}')
print(f'{x=}', f'{w = }', f'{p=!s}')
