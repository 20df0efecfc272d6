l = []
for i in range(500):
    l = [l]
print(len(str(l)), len(repr(l)))
t = ()
for i in range(300):
    t = (t, i)
print(len(repr(t)))
