m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1][2], m[-1][-1], m[0][::-1])
t = [[m[r][c] for r in range(3)] for c in range(3)]
print(t)
flat = [v for row in m for v in row]
print(flat, sum(flat))
m[1][1] = 0
m[2].append(10)
print(m)
print(len(m), len(m[2]), [len(r) for r in m])
deep = [1, [2, [3, [4, [5]]]]]
print(deep, deep[1][1][1][1][0])
