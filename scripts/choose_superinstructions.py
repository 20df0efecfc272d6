#!/usr/bin/env python3
"""Rank instruction sequences as superinstruction candidates for the `fused` engine.

Runs `pvm profile` on the training workloads, turns each workload's pair and triple counts
into shares of the instructions it executed (so that no single long-running workload
dominates) and averages the shares over the workloads. A sequence of n instructions saves
n - 1 dispatches each time it runs, so candidates are ranked by mean share x (n - 1): the
percentage of all dispatches the sequence would remove if it were the only one. The top
`--top` are the chosen set. Sequences whose leading instructions never fall through (Jump,
ReturnValue) are left out: only their first component would ever run.

Usage: scripts/choose_superinstructions.py [--pvm PATH] [--top 20]
           [--workloads fib:25 nbody:20000 ... | --held-out]
"""

import argparse
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from pvm_binary import release_binary

ROOT = Path(__file__).resolve().parent.parent

# The training half of workloads/ with profiling sizes (instruction mixes do not depend on
# the size); the other half judges the chosen set.
TRAINING = ["fib:25", "nbody:20000", "fannkuch:8", "sieve:100000", "dict_count:100000"]
HELD_OUT = ["loop:300000", "spectral_norm:100", "richards:20000", "strings:100000", "closures:1000"]

NEVER_FALL_THROUGH = {"Jump", "ReturnValue"}
ROW = re.compile(r"^\s*(\d+)\s+([\d.]+)%\s+(.+)$")


def profile(pvm, workload):
    name, size = workload.split(":")
    run = subprocess.run(
        [pvm, "profile", "--top", "100000", str(ROOT / "workloads" / f"{name}.py"), size],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True,
    )
    total, section, tables = 0, None, defaultdict(dict)
    for line in run.stderr.splitlines():
        if line.startswith("instructions executed:"):
            total = int(line.split(":")[1])
        elif line.endswith(":"):
            section = line[:-1]
        elif (m := ROW.match(line)) and section:
            tables[section][m.group(3)] = int(m.group(1))
    return total, tables


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pvm", default=str(release_binary()))
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--workloads", nargs="+", default=TRAINING)
    parser.add_argument("--held-out", action="store_true",
                        help="rank on the held-out half instead, to compare with the chosen set")
    args = parser.parse_args()
    if args.held_out:
        args.workloads = HELD_OUT
    mean_share = defaultdict(float)
    for workload in args.workloads:
        total, tables = profile(args.pvm, workload)
        for section in ("pairs", "triples"):
            for sequence, count in tables[section].items():
                if set(sequence.split()[:-1]) & NEVER_FALL_THROUGH:
                    continue
                mean_share[sequence] += count / total / len(args.workloads)
    saved = {seq: share * (len(seq.split()) - 1) for seq, share in mean_share.items()}
    print(f"workloads: {', '.join(args.workloads)}")
    print("dispatches saved  share of instructions  sequence")
    ranked = sorted(saved.items(), key=lambda kv: (-kv[1], kv[0]))
    for sequence, share in ranked[: args.top]:
        print(f"{share * 100:15.2f}%  {mean_share[sequence] * 100:20.2f}%  {sequence}")


if __name__ == "__main__":
    sys.exit(main())
