# chr of ASCII codes (as text-building loops pass), of wider codes and of bools, then of a
# negative code, which raises as in CPython.
letters = []
for i in range(0, 140, 7):
    letters.append(chr(ord("b") + i % 20) + chr(i))
print(letters)
print(repr(chr(0)), repr(chr(127)), chr(233), chr(0x20AC), repr(chr(True)), len(chr(128512)))
print(chr(-1))
