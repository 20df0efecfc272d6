print(list(map(int, ['1', '2'])))
print(list(map(int, ['3', 'x4'])))
