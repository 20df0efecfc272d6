def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(10), is_even(7), is_odd(7), is_even(800))
def ping(n, log):
    if n > 0:
        log.append('ping')
        pong(n - 1, log)
    return log
def pong(n, log):
    if n > 0:
        log.append('pong')
        ping(n - 1, log)
    return log
print(ping(5, []))
def hofstadter_f(n):
    return 1 if n == 0 else n - hofstadter_m(hofstadter_f(n - 1))
def hofstadter_m(n):
    return 0 if n == 0 else n - hofstadter_f(hofstadter_m(n - 1))
print([hofstadter_f(i) for i in range(15)])
print([hofstadter_m(i) for i in range(15)])
