# Helper package for import_package: its __init__ imports one of its submodules.
print("pkg_geo loaded as", __name__)
from pkg_geo import points

origin = points.make(0, 0)
