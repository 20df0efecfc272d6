# Helper module: shared mutable state, and a body that must run only once per program.
print("mod_counter body runs")
count = 0
history = []


def bump(by=1):
    global count
    count += by
    history.append(count)
    return count
