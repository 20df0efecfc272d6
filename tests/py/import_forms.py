import mod_shapes
import mod_shapes as shapes
from mod_shapes import area, PI as pi_value
import math, mod_shapes as again

print(__name__)
print(mod_shapes.PI, shapes.unit, pi_value)
print(area(2), mod_shapes.area(1))
print(mod_shapes.describe(3))
print(shapes is mod_shapes, again is mod_shapes, area is mod_shapes.area)
print(mod_shapes.__name__, type(mod_shapes).__name__)
print(math.sqrt(16), mod_shapes._scale)
print(hasattr(mod_shapes, "area"), hasattr(mod_shapes, "volume"))
print(getattr(mod_shapes, "unit"), getattr(mod_shapes, "missing", "default"))
print(mod_shapes.__file__.endswith("mod_shapes.py"))
