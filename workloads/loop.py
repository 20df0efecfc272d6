# Tight integer loops: a while loop and a for-range loop over mixed arithmetic.
# Exercises: local loads/stores, small-int + - * // % & ^ comparisons,
# conditional branches and the range iterator, with no calls in the hot path.
import sys


def while_sum(n):
    total = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            total += i * 7
        elif i & 1:
            total -= i // 5
        else:
            total ^= i
        i += 1
    return total % 1000000007


def for_sum(n):
    acc = 1
    for i in range(n):
        acc = (acc * 31 + i) % 65521
        if acc > 40000:
            acc -= 12345
    return acc


def main(n):
    print(while_sum(n))
    print(for_sum(n))


n = int(sys.argv[1]) if len(sys.argv) > 1 else 5500000
main(n)
