import sys
import mod_counter
import mod_reader
import mod_counter as counter_again
from mod_counter import bump

print(mod_counter.count, mod_reader.current())
bump()
bump(5)
print(mod_counter.count, mod_reader.current(), counter_again.count)
print(mod_counter.history, mod_reader.same_history())

# Setting an attribute from outside is seen by every importer and by the module's functions.
mod_counter.count = 100
print(mod_reader.current(), bump())
mod_counter.extra = "added"
print(counter_again.extra)
del mod_counter.extra
print(hasattr(mod_counter, "extra"))

print("mod_counter" in sys.modules, sys.modules["mod_reader"] is mod_reader)
print(sys.modules["__main__"].__name__)
