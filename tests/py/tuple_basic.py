t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1])
print((), (1,), (1, 2), tuple(), tuple([4, 5]), tuple('xy'))
single = 5,
print(single, type(single))
print(t + (4,), t * 2, 2 in t, 9 in t)
print(t.index(2), t.count(3), (1, 1, 1).count(1))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 'a') == (1, 'a'))
print(((1, 2), [3, 4]), (None,), ('a',), ((),))
a, b = b, a = 1, 2
print(a, b)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], hash((1, 2, 3)) == hash(tuple([1, 2, 3])))
lst = [1]
tt = (lst, 2)
lst.append(3)
print(tt)
print(min((3, 1), (2, 5)), max([(1, 'b'), (1, 'a')]), sorted([(2, 1), (1, 2)]))
