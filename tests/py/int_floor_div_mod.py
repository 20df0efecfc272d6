print(-7 // 2, -7 % 2)
print(7 // -2, 7 % -2)
print(-7 // -2, -7 % -2)
print(7 // 2, 7 % 2)
print(0 // 5, 0 % 5, 0 // -5)
for a in [-9, -5, -1, 0, 1, 5, 9]:
    for b in [-4, -3, 3, 4]:
        q = a // b
        r = a % b
        print(a, b, q, r, q * b + r == a)
