# Callbacks of map (one and several iterables), filter, sorted's key and iter(callable,
# sentinel), and closures made in a loop that each keep their own cells.
def counters(n):
    made = []
    for i in range(n):
        def tick(step=i):
            nonlocal i
            i += step
            return i
        made.append(tick)
    return made


ticks = counters(3)
print([t() for t in ticks], [t() for t in ticks])
state = [0]


def bump():
    state[0] += 1
    return state[0]


print(list(iter(bump, 4)), list(map(lambda a, b: a - b, [5, 6, 7], [1, 2])))
print(sorted(map(lambda s: s * 2, "cab"), key=lambda s: -ord(s[0])))
print(list(filter(lambda v: v % 3, map(bump, []))), list(filter(None, map(abs, [0, -1, 2]))))
adders = [(lambda k: lambda x: x + k)(k) for k in range(4)]
print([f(10) for f in adders], list(map(adders[2], range(3))))
