import sys
def finish():
    print('finishing')
    sys.exit()
print('start')
finish()
print('unreachable')
