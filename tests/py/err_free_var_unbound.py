def outer():
    def inner():
        return x

    print("before")
    r = inner()
    x = 1
    return r


outer()
