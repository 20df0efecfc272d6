def ratio(a, b):
    q = a / b
    return q


print(ratio(1.0, 4.0))
print(ratio(1.0, 0.0))
