from mod_listed import *

print(shown)
print(not_listed)
