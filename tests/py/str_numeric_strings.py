for s in ['42', '-7', '3.5', '1e3', '  8  ', '0x1f', '007', '1_000']:
    parts = []
    if s.strip().lstrip('-').isdigit():
        parts.append(int(s))
    parts.append(float(s) if 'x' not in s else int(s, 16))
    print(repr(s), parts)
print(int('0' * 10 + '1'), int('-0'), float('-0'), str(float('1e500')), str(-float('1e500')))
print(str(12345678901234567890 * 98765432109876543210))
print(int('9' * 50) + 1)
print(len(str(3 ** 500)), str(3 ** 500)[:20])
