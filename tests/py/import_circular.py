import mod_cycle_a
import mod_cycle_b

print(mod_cycle_a.greet())
print(mod_cycle_b.greet())
print(mod_cycle_a.mod_cycle_b is mod_cycle_b, mod_cycle_b.mod_cycle_a is mod_cycle_a)
