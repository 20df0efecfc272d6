print("pkg_geo.extra loaded")
value = 42
