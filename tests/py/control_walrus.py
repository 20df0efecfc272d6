data = [3, 8, 1, 12, 7]
if (n := len(data)) > 3:
    print('long list', n)
print(n)
values = []
i = 0
while (v := i * i) < 30:
    values.append(v)
    i += 1
print(values, v, i)
print([y for x in data if (y := x * 2) > 10])
print(y)
print((z := 5) + z)
def f():
    if (m := max(data)) > 10:
        return m
    return None
print(f())
