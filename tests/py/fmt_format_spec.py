print(format(3.14159, '.2f'), format(42, '08b'), format('hi', '^6'), format(1e6, ',.1f'))
for v in [0, 1, -1, 1234.5, -0.001, 1e20, 1e-20, float('inf'), float('nan')]:
    print(f'{v:g}|{v:e}|{v:.3f}|{v:>12}|')
for v in [0, 7, -7, 255, 65536, -(2 ** 40)]:
    print(f'{v:d}|{v:6d}|{v:<6d}|{v:^6d}|{v:x}|{v:,}|{v:+}')
print(f'{12.0:.0f} {0.5:.0f} {1.5:.0f} {2.5:.0f}')
print(f'{1.0:} {100:} {"s":}')
print(f'{1e16:f}')
print(f'{123.456:010.2f} {-123.456:010.2f} {123.456:+.1f}')
print(f'{3:.2f} {3:e} {3:%}')
