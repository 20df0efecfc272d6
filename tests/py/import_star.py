from mod_public import *
from mod_listed import *

print(visible, helper())
print(shown, _listed_private)
