# Naive doubly-recursive Fibonacci.
# Exercises: Python-to-Python calls and returns, frame setup, global name
# lookup of the callee, small-int comparison, addition and subtraction.
import sys


def fib(k):
    if k < 2:
        return k
    return fib(k - 1) + fib(k - 2)


def main(n):
    print(f"fib({n}) = {fib(n)}")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 34
main(n)
