# Helper module: imports mod_cycle_a while mod_cycle_a is still running, so it gets the
# partially initialized module and uses its contents only later, from a function.
print("mod_cycle_b starts")
import mod_cycle_a

print("mod_cycle_b sees a.name:", hasattr(mod_cycle_a, "name"))
name = "b"


def greet():
    return "b greets " + mod_cycle_a.name


print("mod_cycle_b ends")
