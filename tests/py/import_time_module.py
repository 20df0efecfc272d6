import time
from time import perf_counter, time as wall_clock

start = perf_counter()
later = perf_counter()
print(type(start).__name__, later >= start)
print(type(time.time()).__name__, wall_clock() > 1600000000)
print(time.perf_counter is perf_counter)
