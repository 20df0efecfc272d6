def outer():
    log = []
    n = 0
    def level1():
        def level2():
            nonlocal n
            n += 1
            log.append(('level2', n))
        level2()
        level2()
        return n
    r = level1()
    return r, n, log
print(outer())
def gen_ids(prefix):
    next_id = 0
    def new():
        nonlocal next_id
        next_id += 1
        return prefix + str(next_id)
    return new
a = gen_ids('a')
b = gen_ids('b')
print(a(), a(), b(), a(), b())
def cell_shared():
    x = 0
    def get():
        return x
    def setx(v):
        nonlocal x
        x = v
    return get, setx
get, setx = cell_shared()
print(get())
setx(42)
print(get())
