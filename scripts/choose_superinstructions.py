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
# The operators with an inline fast path (`has_operator_fast_path` in src/runtime/ops.rs; a
# test keeps the two lists equal), the loads that can feed them and the sinks of their result.
FAST_PATH_OPERATORS = {
    "BinaryAdd", "BinarySubtract", "BinaryMultiply", "BinaryTrueDivide", "BinaryFloorDivide",
    "BinaryModulo", "BinaryRShift", "BinaryAnd", "BinaryOr", "BinaryXor", "InplaceAdd",
    "InplaceOp", "CompareLess", "CompareLessEqual", "CompareGreater", "CompareGreaterEqual",
    "CompareEqual", "CompareNotEqual",
}
LOADS = {"LoadFast", "LoadConst"}
SINKS = {"StoreFast", "PopJumpIfFalse", "PopJumpIfTrue"}
ROW = re.compile(r"^\s*(\d+)\s+([\d.]+)%\s+(.+)$")


def operator_shape(ops):
    """The loads, operator and sink of a sequence the fused engine runs without the stack
    (`OperatorShape::of` in src/runtime/superinstructions.rs), or None."""
    loads = 0
    while loads < min(2, len(ops)) and ops[loads] in LOADS:
        loads += 1
    if loads == len(ops):
        return None
    subscript = ops[loads] == "BinarySubscr" and loads == 2
    if ops[loads] not in FAST_PATH_OPERATORS and not subscript:
        return None
    rest = ops[loads + 1:]
    if len(rest) > 1 or (rest and rest[0] not in SINKS) or (loads == 0 and not rest):
        return None
    return loads, ops[loads], rest


def work_saved(ops):
    """Dispatches saved per run, plus, for a sequence with an operator shape, each operand
    and result that no longer goes through the stack (one push and one pop each)."""
    saved = len(ops) - 1
    shape = operator_shape(ops)
    if shape:
        loads, _, sink = shape
        saved += loads + len(sink)
    return saved


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
    parser.add_argument("--table", action="store_true",
                        help="print the chosen set as rows of `for_each_op!` instead")
    args = parser.parse_args()
    if args.held_out:
        args.workloads = HELD_OUT
    mean_share = defaultdict(float)
    for workload in args.workloads:
        total, tables = profile(args.pvm, workload)
        for section in ("pairs", "triples", "quadruples"):
            for sequence, count in tables[section].items():
                if set(sequence.split()[:-1]) & NEVER_FALL_THROUGH:
                    continue
                mean_share[sequence] += count / total / len(args.workloads)
    chosen = choose(mean_share, args.top)
    if args.table:
        print_table_rows([sequence for sequence, _ in chosen])
        return
    print(f"workloads: {', '.join(args.workloads)}")
    print("    work saved  share of instructions  sequence")
    for sequence, saved in chosen:
        print(f"{saved * 100:13.2f}%  {mean_share[sequence] * 100:20.2f}%  {sequence}")


def print_table_rows(sequences):
    """The rows of `for_each_op!` (src/bytecode/opcodes.rs) that declare the chosen set."""
    table = (ROOT / "src" / "bytecode" / "opcodes.rs").read_text()
    plain = {m.group(1): (m.group(2), m.group(3)) for m in re.finditer(
        r"^\s*\((\w+), (\w+), (\w+), (?:Hot|Cold),", table, re.MULTILINE)}
    for sequence in sequences:
        ops = sequence.split()
        name = "".join(ops)
        handler = "_".join(plain[op][0] for op in ops)
        components = ", ".join(f"{op} {plain[op][0]}" for op in ops)
        print(f'            ({name}, {handler}, {plain[ops[0]][1]}, [{components}], "{sequence}"),')


def contains(longer, shorter):
    n = len(shorter)
    return any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


def choose(mean_share, top):
    """Picks `top` sequences greedily by the work each would still save given the ones picked
    before it: the runs of a sequence inside runs of a picked longer one that saves more are
    the picked one's (the rewrite takes, at each position, the choice that saves the most on
    the path from there), and a sequence that extends a picked one only adds what it saves
    beyond it. Runs that merely overlap are left to the rewrite, which settles each one
    in favour of the choice that saves more; so this is an estimate, not a simulation."""
    candidates = {tuple(seq.split()): share for seq, share in mean_share.items()}
    chosen = []

    def marginal(seq):
        share = candidates[seq]
        work = work_saved(list(seq))
        for picked, _ in chosen:
            if picked != seq and contains(picked, seq) and work_saved(list(picked)) > work:
                share -= candidates[picked]
        base = max((work_saved(list(p)) for p, _ in chosen if contains(seq, p)), default=0)
        return max(share, 0.0) * (work - base)

    while len(chosen) < top:
        remaining = [seq for seq in candidates if seq not in dict(chosen)]
        if not remaining:
            break
        best = max(remaining, key=lambda seq: (marginal(seq), seq))
        chosen.append((best, marginal(best)))
    return [(" ".join(seq), saved) for seq, saved in chosen]

if __name__ == "__main__":
    sys.exit(main())
