x = 1
if 1 = x:
    print('equal')
