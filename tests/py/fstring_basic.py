name = 'World'
n = 42
pi = 3.14159265
print(f'Hello, {name}!')
print(f'{n} squared is {n * n}')
print(f'{name!r} {name!s} {n!r}')
print(f'{pi:.2f} {pi:10.4f}| {pi:<10.1f}| {n:>5}| {n:<5}| {n:^5}|')
print(f'{n:08.3f} {n:+} {-n:+} {n: } {n:x} {n:X} {n:o} {n:b} {n:#b}')
print(f'{1234567:,} {1234567.891:,.2f} {1234567:_}')
print(f'{0.25:%} {0.25:.1%} {12345.678:e} {12345.678:.3e} {0.00001:g} {1e20:g}')
print(f'{{braces}} {n}')
print(f'{"quoted"} {[1, 2][1]}')
