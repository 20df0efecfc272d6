# Helper module whose body raises after printing.
print("mod_fails_body starts")
values = [1, 2, 3]
total = values[3]
