counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc()
inc()
print(counter, inc())
def make_global():
    global created
    created = 'made in function'
make_global()
print(created)
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 10
        return x
    inner()
    inner()
    return x
print(outer())
total = 100
def shadow():
    total = 1
    return total
print(shadow(), total)
def read_global():
    return counter * 2
print(read_global())
