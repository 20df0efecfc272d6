def counted(x):
    counted.calls += 1
    return x * 2


counted.calls = 0
print([counted(i) for i in range(4)], counted.calls)
counted.label = 'doubler'
print(sorted(counted.__dict__.items()))
del counted.label
print(hasattr(counted, 'label'), getattr(counted, 'label', 'gone'), counted.__name__)
