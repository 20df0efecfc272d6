vals = [0, 7, -7, 255, 10 ** 18, -(10 ** 18), 2 ** 63 - 1, -(2 ** 63), 2 ** 64 + 1, 7 ** 77]
for v in vals:
    s = str(v)
    print(s, int(s) == v, len(s), f'{v:x}', int(f'{v:x}', 16) == v)
print(int('-' + '1' * 40) + int('1' * 40))
