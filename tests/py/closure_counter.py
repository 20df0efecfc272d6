def make_account(balance):
    history = []
    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(('dep', amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            history.append(('fail', amount))
            return None
        balance -= amount
        history.append(('wd', amount))
        return balance
    def report():
        return balance, list(history)
    return deposit, withdraw, report
dep, wd, rep = make_account(100)
print(dep(50), wd(30), wd(500), dep(1))
print(rep())
def outer():
    a = 1
    def mid():
        b = 2
        def inner():
            nonlocal a, b
            a += 100
            b += 200
            return a + b
        return inner() + b
    return mid() + a
print(outer())
