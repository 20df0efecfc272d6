import sys
def main():
    for i in range(3):
        print('step', i)
    sys.stdout.write('flushing before exit\n')
    return 0
sys.exit(main())
