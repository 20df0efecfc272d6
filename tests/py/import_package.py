import sys
import pkg_geo

print(pkg_geo.origin, pkg_geo.points.make(1, 2))
print("pkg_geo.vectors" in sys.modules, hasattr(pkg_geo, "vectors"))
import pkg_geo.vectors

print(pkg_geo.vectors.add((1, 2), (3, 4)))
from pkg_geo import vectors
from pkg_geo.vectors import scale
import pkg_geo.vectors as vec

print(vectors is vec, vec is pkg_geo.vectors, scale((1, 2), 3))
from pkg_geo import extra

print(extra.value, pkg_geo.extra is extra, sys.modules["pkg_geo.extra"] is extra)
print(pkg_geo.__name__, vectors.__name__, pkg_geo.__file__.endswith("__init__.py"))
