# Helper module that does not compile.
x = 1
if x
    print(x)
