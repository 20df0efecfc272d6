def compute():
    return undefined_function(3) * 2
print('calling compute')
print(compute())
