# Built-in functions and built-in types' methods called with positional arguments only:
# through Call (with and without a NULL marker), CallMethod, bound methods held in variables,
# module functions, types, and built-ins that call back into Python.
import math

xs = [5, 3, 8]
print(len(xs), min(4, 2), max(xs), ord("a"), chr(98))
print(math.sqrt(16.0), math.floor(2.5))
xs.append(1)
print(xs.pop(0), xs.pop(), xs)
print("a b  c".split(" "), "x,y".split(",", 1))
push = xs.append
push(7)
push(len(xs))
print(xs)
print(int("42"), str(3.5), list(map(lambda v: v * 2, xs)))
print(sorted(xs), sum(map(abs, [-1, -2, 3])))


def twice(f, v):
    return f(f(v))


print(twice(abs, -3), twice(len, "abc") if False else twice(str, 5))
for c in "hi":
    print(ord(c), end=" ")
print()
