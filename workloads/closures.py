# Closures, lambdas and higher-order functions: nonlocal counters, function
# composition, map/filter/sorted with key functions, callbacks in loops.
# Exercises: closure creation, cell variable loads/stores, calls through
# function values, builtin calls that call back into Python code.
import sys


def make_counter(step):
    count = 0

    def tick():
        nonlocal count
        count += step
        return count

    return tick


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    return lambda x: f(g(x))


def fold(fn, items, initial):
    acc = initial
    for item in items:
        acc = fn(acc, item)
    return acc


def make_hasher(seed):
    state = seed

    def feed(v):
        nonlocal state
        state = (state * 31 + v) % 1000003
        return state

    return feed


def round_trip(values, pipeline):
    mapped = list(map(pipeline, values))
    kept = list(filter(lambda v: v % 3 != 0, mapped))
    ordered = sorted(kept, key=lambda v: (v % 17, -v))
    hasher = make_hasher(7)
    for v in ordered:
        hasher(v)
    return fold(lambda acc, v: acc + v, ordered, hasher(0))


def main(n):
    counter = make_counter(3)
    double = lambda x: x * 2
    base = compose(make_adder(5), compose(double, make_adder(-1)))
    pipeline = base
    values = list(range(200))
    total = 0
    for r in range(n):
        total = (total + round_trip(values, pipeline) + counter()) % 1000000007
        if r % 10 == 0:
            pipeline = compose(make_adder(r % 7), base)
    print(total, counter())


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
main(n)
