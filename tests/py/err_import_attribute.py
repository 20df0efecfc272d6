import mod_shapes

print(mod_shapes.unit)
print(mod_shapes.volume)
