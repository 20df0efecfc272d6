def show(v):
    print('eval', repr(v))
    return v
r = show(0) or show('') or show('last')
print('result', repr(r))
r = show(1) and show([]) and show('never')
print('result', repr(r))
r = not show(None) and show('x')
print('result', repr(r))
print([] or {} or (), 0.0 and 1, 'a' and 'b' or 'c', '' and 'b' or 'c')
x = [0, 1, 2]
print([v or -1 for v in x], [v and v * 10 for v in x])
name = ''
print(name or 'anonymous', (name and name.upper()) or 'N/A')
