import math
import mod_shapes

print("before")
import mod_no_such_module
