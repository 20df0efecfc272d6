#!/usr/bin/env python3
"""Count the instructions each engine executes on every workload, with callgrind.

Wall time on a shared machine moves by 5-10% from run to run; the number of instructions a
run executes does not (it is the same on every run of the same binary). This script runs
each workload once per engine (and once under CPython) under `valgrind --tool=callgrind` at
a small size and prints a Markdown table of millions of instructions (whole process,
start-up included) with the ratio of each engine to the first and to CPython.

Instruction counts are not time: they ignore cache misses, branch mispredictions and
store-forwarding stalls. Use them to see what a change did to the code, and wall-time reports
(`scripts/bench.py`) for speed.

Usage: scripts/instruction_counts.py [--engines match fused closure] [--workloads W ...]
                                     [--no-cpython] [--out FILE]
"""

import argparse
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pvm_binary import release_binary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CPYTHON = "/usr/bin/python3.11"

# Sizes (argv[1]) small enough for callgrind's ~50x slowdown: each run takes a few seconds.
SIZES = {
    "closures": 500,
    "dict_count": 50000,
    "fannkuch": 7,
    "fib": 22,
    "loop": 200000,
    "nbody": 10000,
    "richards": 10000,
    "sieve": 50000,
    "spectral_norm": 60,
    "strings": 50000,
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pvm", default=str(release_binary()))
    parser.add_argument("--engines", nargs="+", default=["match", "fused", "closure"])
    parser.add_argument("--workloads", nargs="+", default=sorted(SIZES), metavar="W")
    parser.add_argument("--no-cpython", action="store_true", help="skip the CPython column")
    parser.add_argument("--out", help="also write the table to this file")
    args = parser.parse_args()
    unknown = [w for w in args.workloads if w not in SIZES]
    if unknown:
        parser.error(f"no callgrind size for {', '.join(unknown)}; known: {', '.join(sorted(SIZES))}")
    if shutil.which("valgrind") is None:
        parser.error("valgrind is not installed (apt-get install valgrind)")
    return args


def count(argv):
    """Instructions executed by one run of argv, from callgrind's summary line."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    match = re.search(r"Collected : (\d+)", result.stderr)
    if result.returncode != 0 or match is None:
        tail = "\n".join(result.stderr.splitlines()[-5:])
        raise SystemExit(f"{' '.join(argv)} failed (exit {result.returncode}):\n{tail}")
    return int(match.group(1))


def warm_cache(pvm, script, size):
    """Runs the workload once outside callgrind, so that every counted run loads its compiled
    form from the cache: after a build whose instruction set changed, the first counted run
    would otherwise also pay for compiling and writing the cache."""
    subprocess.run([pvm, "run", script, size], cwd=ROOT, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main():
    args = parse_args()
    labels = ([] if args.no_cpython else ["CPython"]) + args.engines
    rows = {}
    for workload in args.workloads:
        script = f"workloads/{workload}.py"
        size = str(SIZES[workload])
        counts = {}
        warm_cache(args.pvm, script, size)
        if not args.no_cpython:
            counts["CPython"] = count([CPYTHON, script, size])
        for engine in args.engines:
            counts[engine] = count([args.pvm, "run", "--engine", engine, script, size])
        rows[workload] = counts
        print(f"{workload} {size}: " + ", ".join(f"{k} {v / 1e6:.1f} M" for k, v in counts.items()),
              file=sys.stderr)

    first = args.engines[0]
    ratio_columns = [(engine, first) for engine in args.engines[1:]]
    if not args.no_cpython:
        ratio_columns += [(engine, "CPython") for engine in args.engines]
    header = ["Workload", "Size"] + [f"{label} M" for label in labels]
    header += [f"{a} / {b}" for a, b in ratio_columns]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for workload, counts in rows.items():
        cells = [workload, str(SIZES[workload])]
        cells += [f"{counts[label] / 1e6:.1f}" for label in labels]
        cells += [f"{counts[a] / counts[b]:.3f}" for a, b in ratio_columns]
        lines.append("| " + " | ".join(cells) + " |")
    means = ["**geometric mean**", ""] + [""] * len(labels)
    means += [
        f"**{geomean([c[a] / c[b] for c in rows.values()]):.3f}**" for a, b in ratio_columns
    ]
    lines.append("| " + " | ".join(means) + " |")
    table = "\n".join(lines) + "\n"
    note = (
        f"\nMillions of instructions per run, whole process, counted by callgrind "
        f"(`{' '.join(sys.argv[1:]) or 'defaults'}`; pvm `{args.pvm}`). A ratio below 1 means "
        "fewer instructions than the column it is compared with.\n"
    )
    print(table + note)
    if args.out:
        Path(args.out).write_text(table + note)


if __name__ == "__main__":
    main()
