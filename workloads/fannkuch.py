# Fannkuch-redux: count prefix reversals ("pancake flips") over all
# permutations of 0..n-1, permutations generated in place on lists.
# Exercises: list subscript loads/stores, list copies, tuple swaps, while loops.
import sys


def count_flips(perm):
    flips = 0
    k = perm[0]
    while k:
        i = 0
        j = k
        while i < j:
            perm[i], perm[j] = perm[j], perm[i]
            i += 1
            j -= 1
        flips += 1
        k = perm[0]
    return flips


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    checksum = 0
    max_flips = 0
    perm_index = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        flips = count_flips(perm1[:])
        if flips > max_flips:
            max_flips = flips
        if perm_index % 2 == 0:
            checksum += flips
        else:
            checksum -= flips
        # Advance to the next permutation (rotate the first r+1 items).
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            for i in range(r):
                perm1[i] = perm1[i + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1
        perm_index += 1


def main(n):
    checksum, max_flips = fannkuch(n)
    print(checksum)
    print(f"Pfannkuchen({n}) = {max_flips}")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
main(n)
