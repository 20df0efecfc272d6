# Helper module for the import_* programs: constants, functions and state.
PI = 3.14159
unit = "cm"
_scale = 2


def area(r):
    return PI * r * r


def describe(r):
    return f"circle of radius {r}{unit} has area {area(r):.2f}"


def ratio(a, b):
    return a / b


print("mod_shapes loaded as", __name__)
