for i in range(10):
    print('checking', i)
    assert i < 3, f'i too large: {i}'
