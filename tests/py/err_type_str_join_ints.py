print('-'.join(['a', 'b']))
print('-'.join([1, 2]))
