from mod_shapes import ratio

print(ratio(6, 3))
print(ratio(1, 0))
