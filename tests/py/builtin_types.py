for v in [1, 1.5, 'a', None, True, [1], (1,), {1: 2}, {1}, range(2)]:
    print(type(v))
print(type(1) == int, type(True) == bool, type(True) == int, type('') is str)
print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance(1.0, (int, float)))
print(isinstance('s', str), isinstance([], (tuple, list)), isinstance(None, (int, str)))
print(type(len), type(print))
def f():
    pass
print(type(f) == type(lambda: 0), type(f()))
print(int, float, str, list, dict, bool, tuple, set, type(None))
