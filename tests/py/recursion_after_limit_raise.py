import sys
sys.setrecursionlimit(3000)
def walk(n):
    if n == 0:
        return 'bottom'
    return walk(n - 1)
print(walk(2500))
sys.setrecursionlimit(1000)
print(walk(500))
