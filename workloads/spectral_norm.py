# Spectral norm of the infinite matrix A[i][j] = 1 / ((i+j)(i+j+1)/2 + i + 1).
# Exercises: small function calls in nested loops, int-to-float division,
# float accumulation, list indexing and list comprehensions.
import math
import sys


def a(i, j):
    ij = i + j
    return 1.0 / (ij * (ij + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(i, j) * v[j]
        out.append(s)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(j, i) * v[j]
        out.append(s)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = sum([ue * ve for ue, ve in zip(u, v)])
    vv = sum([ve * ve for ve in v])
    print(f"{math.sqrt(vbv / vv):.9f}")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 440
main(n)
