# ord over the chars of text (one-byte and multi-byte chars), then ord of an empty str,
# which raises as in CPython.
text = "az AZ\x00\x7f\u00e9\u20ac\U0001f600~"
codes = []
for ch in text:
    codes.append(ord(ch))
print(codes, sum(codes))
print(ord(text[0]), ord(text[-1]), ord(chr(127)), ord(chr(128)))
print(ord(""))
