# int / int true division by zero after the fast path has served other quotients.
values = [7, 3, 1, 0]
for v in values:
    print(21 / v)
