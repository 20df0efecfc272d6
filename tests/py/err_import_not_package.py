import mod_shapes.circles
