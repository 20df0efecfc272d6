import sys

# sys.path is where imports look; an entry added at run time is searched too.
sys.path.append(sys.path[0] + "/pkg_geo")
import vectors
import pkg_geo.vectors

print(vectors.__name__, pkg_geo.vectors.__name__, vectors is pkg_geo.vectors)

# Removing a module from sys.modules makes the next import run its body again.
import mod_counter

mod_counter.bump(3)
first = mod_counter
del sys.modules["mod_counter"]
import mod_counter

print(first.count, mod_counter.count, first is mod_counter)

import mod_replaces_itself

print(mod_replaces_itself)
import __main__

print(__main__.first is first, "__main__" in sys.modules)
