# Helper module: imports mod_cycle_b, which imports this module back while it is running.
print("mod_cycle_a starts")
import mod_cycle_b

name = "a"


def greet():
    return "a greets " + mod_cycle_b.name


print("mod_cycle_a ends")
