rows = [('Widget', 3, 4.5), ('Gadget', 12, 19.99), ('Thingamajig', 1, 1000.0)]
print(f"{'Item':<12}{'Qty':>5}{'Price':>10}{'Total':>12}")
print('-' * 39)
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print(f'{name:<12}{qty:>5}{price:>10.2f}{total:>12,.2f}')
print(f"{'':<27}{grand:>12,.2f}")
print(f'{"left":<8}|{"center":^10}|{"right":>8}|')
print(f'{3.14159:.0f} {2.5:.0f} {-1.5:.0f} {0.001:.2e} {1234.5:.1e}')
print(f'{42:>+6} {42:<+6}| {-42:^7}| {42:06} {-42:06}')
