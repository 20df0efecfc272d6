# Dict-heavy frequency counting over pseudo-random numbers and words.
# Exercises: dict get/subscript stores with int and str keys, `in` tests on
# dicts and sets, items() iteration, sorted with a key, integer hashing.
import sys

SYLLABLES = ["ka", "lo", "mi", "nu", "pe", "ra", "si", "to", "vu", "ze"]


def lcg_numbers(n, seed):
    numbers = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        numbers.append(x >> 8)
    return numbers


def count_numbers(numbers):
    counts = {}
    for x in numbers:
        key = x % 5003
        counts[key] = counts.get(key, 0) + 1
    return counts


def count_words(numbers):
    counts = {}
    seen_long = set()
    for x in numbers:
        word = SYLLABLES[x % 10] + SYLLABLES[(x >> 4) % 10] + SYLLABLES[(x >> 9) % 7]
        if word in counts:
            counts[word] += 1
        else:
            counts[word] = 1
        if x % 11 == 0 and word not in seen_long:
            seen_long.add(word)
    return counts, seen_long


def histogram(counts):
    buckets = {}
    for key, value in counts.items():
        buckets[value] = buckets.get(value, 0) + key
    return buckets


def top(counts, k):
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:k]


def main(n):
    numbers = lcg_numbers(n, 42)
    num_counts = count_numbers(numbers)
    word_counts, seen_long = count_words(numbers)
    hist = histogram(num_counts)
    print(len(num_counts), len(word_counts), len(seen_long), len(hist))
    print(top(num_counts, 3))
    print(top(word_counts, 3))
    print(sum([key * value for key, value in hist.items()]) % 1000000007)


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000
main(n)
