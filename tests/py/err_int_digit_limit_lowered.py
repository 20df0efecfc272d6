import sys
sys.set_int_max_str_digits(1000)
print(len(str(10 ** 999)))
int("5" * 1001)
