def counter():
    n = [0]
    def step():
        n[0] += 1
        return n[0]
    return step

print(list(iter(counter(), 5)))
print(type(iter(counter(), 1)).__name__)
it = iter(counter(), 3)
print(next(it), next(it), next(it, "done"), next(it, "still done"))

stack = [1, 2, 3, None, 4]
print(list(iter(stack.pop, None)), stack)

lines = ["a", "b", "", "c"]
pos = [0]
def readline():
    i = pos[0]
    pos[0] += 1
    return lines[i]
for line in iter(readline, ""):
    print("line", line)

# the sentinel is compared with ==
vals = iter([1, 2.0, 3])
print(list(iter(lambda: next(vals), 2)))
# StopIteration from the callable ends the iteration
rest = iter([7, 8])
print(list(iter(lambda: next(rest), "never")))
print(list(iter(counter(), 1)))
print(sum(iter(counter(), 11)))
for x in iter(int, 0):
    print("unreachable")
print(list(zip(iter(counter(), 4), "abc")))
