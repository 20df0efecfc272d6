def show(a, b, c):
    return f'{a}-{b}-{c}'
args = (1, 2, 3)
print(show(*args))
print(show(*[1], *[2, 3]))
print(show(**{'a': 'x', 'b': 'y', 'c': 'z'}))
print(show(1, **{'c': 3, 'b': 2}))
print([*range(3), *'ab', *(9,)])
print((*[1, 2], 3))
print({*[1, 2], *[2, 3]})
print({**{'a': 1}, 'b': 2, **{'a': 3}})
head, *tail = [*'xyz']
print(head, tail)
pairs = [(1, 'one'), (2, 'two')]
nums, names = zip(*pairs)
print(nums, names)
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
