def area(w, h, depth):
    return w * h * depth
print(area(1, 2, 3))
area(1)
