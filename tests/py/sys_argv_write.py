import sys
print(len(sys.argv), sys.argv[1:])
sys.stdout.write('written directly\n')
n = sys.stdout.write('abc')
sys.stdout.write('\n')
print(n)
print('after write')
sys.stdout.write('no newline then print: ')
print(42)
