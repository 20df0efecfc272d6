def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1
print(depth(900))
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(900))
def build(n):
    if n == 0:
        return []
    rest = build(n - 1)
    rest.append(n)
    return rest
print(len(build(800)), build(800)[-3:])
