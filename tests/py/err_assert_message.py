def check(v):
    assert v >= 0, 'negative value: ' + str(v)
    return v
print(check(5))
print(check(-2))
