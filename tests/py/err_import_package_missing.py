import pkg_geo

print("imported")
import pkg_geo.nothing_here
