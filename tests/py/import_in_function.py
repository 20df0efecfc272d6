def use_shapes():
    import mod_shapes
    from mod_shapes import area as circle_area

    return mod_shapes.unit, circle_area(1)


print(use_shapes())
print(use_shapes())
