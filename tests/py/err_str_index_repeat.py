# Indexing text by int and repeating it by int, as text-building loops do; the last index
# is out of range and raises as in CPython.
VOWELS = "aeiou"
text = "\u00e9t\u00e9!"
picked = []
for i in range(-5, 5):
    picked.append(VOWELS[i] + text[i % 4] + VOWELS[i % 5] * (i % 3))
print(picked)
print(VOWELS[True], VOWELS[False], "ab" * True, "ab" * False, "ab" * -2, repr("" * 5))
print(3 * "xy", "xy" * 3, len("\u00e9" * 7), ("x" * 2) * 2)
print(VOWELS[-6])
