import sys
sys.get_int_max_str_digits(1)
