import sys
print(getattr(sys, "argv") is sys.argv)
print(getattr([], "nope", 0))
getattr([], "nope")
