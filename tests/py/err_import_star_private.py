from mod_public import *

print(visible)
print(_hidden)
