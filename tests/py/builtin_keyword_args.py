# Keyword arguments of built-ins and methods that accept them.
print(int('101', base=2), int('ff', base=16), int('0o17', base=0))
print(round(number=2.5), round(2.567, ndigits=2), round(1234, ndigits=-2))
print(pow(base=2, exp=10), pow(2, 10, mod=7), pow(2, exp=5))
print(sum([1, 2], start=5), sum([[1]], start=[0]))
print(list(enumerate('ab', start=2)), list(enumerate(iterable='xy')))
print('a b c'.split(sep=None, maxsplit=1), 'a,b,c'.rsplit(',', maxsplit=1), 'a,b'.split(sep=','))
print('a\nb\n'.splitlines(keepends=True), 'a\tb'.expandtabs(tabsize=2))
xs = [3, 1, 2]
xs.sort(key=lambda v: -v)
print(xs, sorted(xs, reverse=True), sorted(xs, key=None))
