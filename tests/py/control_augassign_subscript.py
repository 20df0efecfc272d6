xs = [1, 2, 3]
xs[0] += 10
xs[-1] *= 5
xs[1] **= 3
print(xs)
d = {'n': 1, 's': 'a', 'l': [1]}
d['n'] += 1
d['s'] += 'b'
d['l'] += [2]
print(d)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] += 7
grid[0][0] -= 1
print(grid)
calls = []
def idx(i):
    calls.append(i)
    return i
arr = [10, 20, 30]
arr[idx(1)] += 5
print(arr, calls)
t = [1]
alias = t
t += [2]
print(alias, t is alias)
u = (1,)
v = u
u += (2,)
print(u, v, u is v)
s = 'ab'
s *= 3
print(s)
