#!/usr/bin/env python3
"""Compare pvm's set order with CPython's on random programs.

Each program builds, mutates and prints sets of numbers, whose hashes (unlike strings') are
the same in every CPython run, so pvm must print them in exactly CPython's order. The
programs use adds, removes, pops, the set operators and methods with sets, dicts, lists and
ranges as operands, comprehensions and growth through several resizes.

Usage: scripts/set-order-fuzz.py [--count N] [--seed S] [--literals] [--pvm PATH]
  --literals  also use set displays of many constants (which CPython folds to frozensets)
Env: PYTHON (default python3.11)
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

from pvm_binary import release_binary

NAMES = ["a", "b", "c", "d"]


def value(r):
    k = r.random()
    if k < 0.55:
        return str(r.randint(-10, 40))
    if k < 0.7:
        return str(r.choice([8, 16, 32, 64, 128, 256, 1024]) * r.randint(-3, 5) + r.randint(0, 3))
    if k < 0.78:
        return r.choice(["2**61+%d" % r.randint(0, 9), "2**64+%d" % r.randint(0, 9),
                         "-2**62-%d" % r.randint(0, 9), "2**61-1", "2**61-2", "10**20"])
    if k < 0.88:
        return r.choice(["1.5", "0.25", "-2.5", "1e20", "3.0", "7.75", "-0.5", "1.1805916207174113e+21", "0.1"])
    if k < 0.94:
        return r.choice(["True", "False"])
    return "(%s, %s)" % (r.randint(-3, 9), r.choice(["1", "2.5", "-1"]))


def values(r, n=None):
    n = r.randint(0, 12) if n is None else n
    return ", ".join(value(r) for _ in range(n))


def iterable(r):
    k = r.randint(0, 7)
    if k == 0:
        return "[%s]" % values(r)
    if k == 1:
        return "(%s,)" % values(r, r.randint(1, 8))
    if k == 2:
        start = r.randint(-20, 20)
        return "range(%d, %d, %d)" % (start, start + r.randint(0, 120), r.randint(1, 9))
    if k == 3:
        return "{%s}" % ", ".join("%s: 0" % value(r) for _ in range(r.randint(0, 9)))
    if k == 4:
        return "[x * %d + %d for x in range(%d)]" % (r.randint(-9, 40), r.randint(-5, 5), r.randint(0, 40))
    if k == 5:
        return r.choice(NAMES)
    if k == 6:
        return "frozenset(%s)" % r.choice(NAMES)
    return "set(%s)" % r.choice(NAMES)


def new_set(r, literals):
    k = r.randint(0, 9)
    if k == 0:
        return "set()"
    if k == 1:
        return "set(%s)" % iterable(r)
    if k == 2 and literals:
        return "{%s}" % values(r, r.randint(1, 12))
    if k == 2:
        return "{%s}" % values(r, r.randint(1, 2))
    if k == 3:
        return "{x %% %d for x in range(%d, %d)}" % (r.randint(3, 300), r.randint(-50, 0), r.randint(0, 200))
    if k == 4:
        return "{x * %d for x in range(%d)}" % (r.choice([1, 2, 8, 16, 32, 100, 1024, -7]), r.randint(0, 60))
    if k == 5:
        return "%s %s %s" % (r.choice(NAMES), r.choice("|&-^"), r.choice(NAMES))
    if k == 6:
        return "%s.%s(%s)" % (r.choice(NAMES), r.choice(["union", "intersection", "difference", "symmetric_difference"]),
                              iterable(r))
    if k == 7:
        return "%s.copy()" % r.choice(NAMES)
    if k == 8:
        return "{*%s, %s}" % (iterable(r), value(r))
    return "set(range(%d))" % r.randint(0, 300)


def statement(r, literals):
    n = r.choice(NAMES)
    k = r.randint(0, 15)
    if k == 0:
        return "%s = %s" % (n, new_set(r, literals))
    if k == 1:
        return "for _v in [%s]: %s.add(_v)" % (values(r, r.randint(1, 30)), n)
    if k == 2:
        return "%s.add(%s)" % (n, value(r))
    if k == 3:
        return "%s.discard(%s)" % (n, value(r))
    if k == 4:
        return "for _i in range(%d):\n    if %s: print('pop', %s.pop())" % (r.randint(1, 6), n, n)
    if k == 5:
        return "%s %s= %s" % (n, r.choice("|&-^"), r.choice(NAMES))
    if k == 6:
        return "%s.%s(%s)" % (n, r.choice(["update", "intersection_update", "difference_update",
                                         "symmetric_difference_update"]), iterable(r))
    if k == 7:
        return "print(%s)" % n
    if k == 8:
        return "print(list(%s))" % n
    if k == 9:
        return "for _v in range(%d, %d, %d): %s.add(_v)" % (r.randint(-100, 100), r.randint(0, 2000),
                                                            r.randint(1, 40), n)
    if k == 10:
        return "for _v in list(%s)[::%d]: %s.discard(_v)" % (n, r.randint(1, 4), n)
    if k == 11:
        return "%s = set(%s)" % (n, r.choice(NAMES))
    if k == 12:
        return "%s = %s.union(%s, %s)" % (n, r.choice(NAMES), iterable(r), iterable(r))
    if k == 13:
        return "%s = set(%s).intersection(%s, %s)" % (n, r.choice(NAMES), iterable(r), iterable(r))
    if k == 14:
        return "%s = set(%s).difference(%s, %s)" % (n, r.choice(NAMES), iterable(r), iterable(r))
    return "if %s: %s.clear()" % (n, n)


def program(seed, literals):
    r = random.Random(seed)
    lines = ["%s = set()" % n for n in NAMES] + ["%s = %s" % (n, new_set(r, literals)) for n in NAMES]
    for _ in range(r.randint(5, 40)):
        lines.append(statement(r, literals))
    lines.append("print(a, b, c, d)")
    return "\n".join(lines) + "\n"


def run(command):
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    return result.stdout, result.returncode


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--literals", action="store_true")
    parser.add_argument("--pvm", default=str(release_binary()))
    args = parser.parse_args()
    python = os.environ.get("PYTHON", "python3.11")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.seed, args.seed + args.count):
            path = os.path.join(tmp, "p%d.py" % seed)
            with open(path, "w") as f:
                f.write(program(seed, args.literals))
            if run([python, path]) != run([args.pvm, path]):
                failures += 1
                print("mismatch: seed %d" % seed)
                print(program(seed, args.literals))
    print("%d of %d programs matched" % (args.count - failures, args.count))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
