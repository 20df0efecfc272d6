import sys
import math

# getattr / hasattr / setattr / delattr over built-in objects and modules.
print(getattr([1, 2, 3], "pop")())
print(getattr("abc", "upper")())
print(getattr(5, "real"), getattr(5, "imag"), getattr(True, "numerator"))
print(getattr(2.5, "real"), getattr(range(1, 9, 2), "step"))
print(getattr(math, "pi"))
print(getattr(sys, "nope", "default"))
print(getattr(7, "missing", None))
print(getattr(print, "__name__"), getattr(dict, "__name__"))
print(getattr({}, "get")("k", 0))

print(hasattr([], "append"), hasattr([], "push"))
print(hasattr(sys, "argv"), hasattr(sys, "nope"))
print(hasattr(1, "real"), hasattr(1.0, "numerator"), hasattr(None, "x"))
print(hasattr(dict, "fromkeys"), hasattr({}, "fromkeys"), hasattr(list, "fromkeys"))

setattr(sys, "answer", 42)
print(sys.answer, getattr(sys, "answer"), hasattr(sys, "answer"))
print(setattr(math, "tau2", math.tau * 2))
print(math.tau2 == 2 * math.tau)
delattr(sys, "answer")
print(hasattr(sys, "answer"))

def f(x):
    return x * 2

print(getattr(f, "__name__"), getattr(f, "__defaults__"))
names = ["upper", "lower", "title"]
print([getattr("hello world", n)() for n in names])
print(getattr(sys, "maxsize", 0) > 0)
