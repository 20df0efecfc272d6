_private = 1
__dunder = 2
camelCase = 3
snake_case_name = 4
name2 = 5
_ = 6
print(_private, __dunder, camelCase, snake_case_name, name2, _)
Print = 'not print'
print(Print)
if_ = 'keyword-like'
print(if_)
