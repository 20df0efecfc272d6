import math
sqrt = math.sqrt
print(sqrt(4))
sqrt("4")
