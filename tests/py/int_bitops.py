a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b, ~a)
print(~0, ~-1, ~5)
print(1 << 10, 1 << 100)
print(1024 >> 3, -1024 >> 3, -1 >> 5, -5 >> 1)
print(-8 & 0xff, -1 & 255, -8 | 3, -8 ^ 3)
print((1 << 70) | 1)
print((1 << 70) & ((1 << 70) - 1))
print(((1 << 80) - 1) ^ (1 << 79))
print(0xff, 0o17, 0b101, 1_000_000)
print('%x %o %X' % (255, 64, 255), f'{10:b}', f'{-255:x}')
x = 6
x &= 3
print(x)
x |= 8
print(x)
x ^= 15
print(x)
x <<= 4
print(x)
x >>= 2
print(x)
