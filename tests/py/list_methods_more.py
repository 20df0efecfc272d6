xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
print(xs.count(5), xs.count(7), xs.index(5), xs.index(5, 5), xs.index(1, 2, 5))
ys = []
for x in xs:
    if x not in ys:
        ys.append(x)
print(ys)
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print(stack.pop(), end=' ')
print()
q = [1, 2, 3]
q.extend(range(4, 6))
q.extend('ab')
q.extend((7,))
print(q)
print(list(reversed(q)), q[::-1] == list(reversed(q)))
print(sum([1.5, 2.5]), min([4, 2, 8]), max(['b', 'a']))
print(list(enumerate(['a', 'b'], 1)))
