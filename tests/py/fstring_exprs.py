data = {'a': 1, 'b': [1, 2, 3]}
xs = [3, 1, 2]
print(f'{data["a"]} {data["b"][-1]} {len(xs)} {sorted(xs)} {max(xs)}')
print(f'{"yes" if xs else "no"} {xs[0] > 2 and "big"}')
print(f'{None} {True} {[1, "a"]} {(1,)} {data}')
print(f'{3.0} {1e16} {-0.0} {1/3}')
print(f'{"%d" % 5} {"{}".format(6)}')
val = 7
print(f'{val:3d}|{val:<3d}|{val:03d}|{-val:04d}|{val:=+5d}')
print(f'''triple {val}''', F'upper {val}', rf'raw\n{val}')
print(f'{"nested {braces}"}')
print(f'{True:d} {False:>5}')
