# Math functions take floats inline and convert ints, bools and big ints out of line;
# list indexing reads items of every kind, with negative indices.
import math

for x in [2.25, 4, True, False, 10**40, 0.0, -0.0, 1e308]:
    print(repr(x)[:12], math.sqrt(x), math.floor(x), math.fabs(x))
print(math.exp(1), math.exp(True), math.log(10**30), math.log(8.0, 2))

items = [1.5, -2, None, "s", [3], (4,), 10**20, True]
print([items[i] for i in range(len(items))])
print([items[-i] for i in range(1, len(items) + 1)])
nested = [[0.5, 1.5], [2.5]]
nested[0][1] += nested[1][-1]
print(nested, nested[-2][-1], nested[0][0] * nested[1][0])
