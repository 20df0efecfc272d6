def make():
    items = []
    def pop_one():
        return items.pop()
    return pop_one
p = make()
print('closure made')
p()
