# While loops repeat their test at the bottom (as CPython 3.11 compiles them): the test must
# still run exactly once per iteration plus once at exit, and continue/break/else keep working.
calls = []


def check(n, limit):
    calls.append(n)
    return n < limit


i = 0
while check(i, 3):
    i += 1
print(i, calls)

calls = []
i = 0
while check(i, 6):
    i += 1
    if i % 2:
        continue
    print("even", i)
else:
    print("else ran", i)
print(calls)

i = 0
while i < 10 and not i == 7 or i == 100:
    i += 1
    if i == 5:
        break
else:
    print("not reached")
print("broke at", i)

i = 0
while 0 <= i < 4:
    i += 1
print("chain", i)

n = 5
while (n := n - 1) > 0:
    print("walrus", n)

total = 0
while (lambda v: v < 20)(total):
    total += 7
print("lambda", total)

k = 3
while k:
    k -= 1
else:
    print("else after", k)

while False:
    print("never")

j = 0
while True:
    j += 1
    if j > 3:
        break
print("true loop", j)


def nested(limit):
    out = []
    a = 0
    while a < limit:
        b = a
        while b:
            out.append((a, b))
            b -= 1
        a += 1
    return out


print(nested(4))
