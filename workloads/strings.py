# String building and processing: f-strings, %-formatting, join, split,
# replace, slicing, upper/lower, find/count/startswith, str iteration.
# Exercises: str method calls, string allocation and concatenation,
# character access with ord, list appends.
import sys

VOWELS = "aeiou"


def make_word(i):
    consonant = chr(ord("b") + i % 20)
    vowel = VOWELS[i % 5]
    return f"{consonant}{vowel}{i % 37}" + vowel * (i % 3)


def make_lines(n):
    lines = []
    words = []
    for i in range(n):
        words.append(make_word(i * 7 + 3))
        if len(words) == 8:
            lines.append(" ".join(words))
            words = []
    if words:
        lines.append(" ".join(words))
    return lines


def process_line(line, k):
    parts = line.split(" ")
    score = len(parts)
    score += line.count("a") * 3 + line.count("e")
    swapped = line.replace("o", "0").replace("i", "1")
    score += swapped.find("1") + swapped.count("0")
    head = line[:6].upper()
    tail = line[-6:].lower()
    if head.startswith("B"):
        score += 11
    label = "%s|%s|%d" % (head.strip(), tail.strip(), k % 100)
    reversed_first = parts[0][::-1]
    return score, f"{label}:{reversed_first}:{len(swapped)}"


def checksum(text):
    h = 0
    for ch in text:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


def main(n):
    lines = make_lines(n)
    total = 0
    summary = []
    for k in range(len(lines)):
        score, label = process_line(lines[k], k)
        total += score
        summary.append(label)
    text = "\n".join(summary)
    print(len(lines), total, len(text))
    print(checksum(text))
    print(summary[0])
    print(summary[-1])


n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500000
main(n)
