# a comment line
x = 1  # trailing comment
total = (1 +
         2 +
         3)
print(total)  # prints 6
values = [
    1,
    2,  # comment inside brackets
    3,
]
print(values)
y = 1 + \
    2 + \
    3
print(y)
d = {
    'a': 1,
    'b': 2,
}
print(d)
def f(a,
      b=2,
      *args):
    return a + b + len(args)
print(f(1,
        3,
        5, 6))
if x == 1 and \
   y == 6:
    print('both')
    # indented comment
print('done')  # end
