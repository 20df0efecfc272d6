import sys
sys.setrecursionlimit(10000)
def count(n):
    if n == 0:
        return 0
    return 1 + count(n - 1)
print(count(5000))
def tri(n):
    return n if n <= 1 else n + tri(n - 1)
print(tri(4000))
print(sys.getrecursionlimit())
