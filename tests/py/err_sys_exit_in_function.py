import sys
def check(n):
    if n > 2:
        print('too big:', n)
        sys.exit(2)
    return n
for i in range(5):
    print(check(i))
