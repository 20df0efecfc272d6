def find(xs):
    for x in xs:
        if x > 10:
            return [x]
print(find([5, 20]))
print(find([1, 2])[0])
