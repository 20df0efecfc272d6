# Sieve of Eratosthenes on a list of bools, repeated for several limits.
# Exercises: list creation by repetition, list subscript stores in a
# while loop, truth tests of list items, integer comparison and addition.
import sys


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = False
    flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            j = i * i
            while j <= limit:
                flags[j] = False
                j += i
        i += 1
    return flags


def summarize(flags):
    count = 0
    last = 0
    for k in range(len(flags)):
        if flags[k]:
            count += 1
            last = k
    return count, last


def main(n):
    total = 0
    for rep in range(8):
        limit = n - rep * (n // 10)
        count, last = summarize(sieve(limit))
        total += count
        print(f"limit={limit} primes={count} largest={last}")
    print(f"total={total}")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1450000
main(n)
