#!/usr/bin/env python3
"""How far each engine's instruction counts move across equally reasonable builds of one source.

An engine comparison is only worth something if the difference between engines is larger than
what the compiler's own choices move each engine by. The dispatch loops are large functions
whose register allocation LLVM redoes from scratch on every build, and a change far from a
loop (an inlining decision, how functions are split into codegen units) can decide whether the
loop keeps its instruction pointer in a register or in a stack slot. This script builds the
tree several times with one such setting changed at a time (codegen units, the inlining
threshold; none changes what the program computes), counts every engine's instructions on
every workload with callgrind at the sizes of `scripts/instruction_counts.py`, and prints, per
build, each engine's geometric mean relative to the default build and each engine's ratio to
the first engine.

Each build goes to its own directory under `target/codegen-spread/` (a full build, dependencies
included, about a minute and a half on two cores); the counts take two to three minutes a build.

Usage: scripts/codegen_spread.py [--engines match fused closure] [--workloads W ...]
                                 [--out FILE]
"""

import argparse
import os
import subprocess
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from instruction_counts import SIZES, count, geomean, warm_cache  # noqa: E402
from pvm_binary import release_binary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# (label, cargo profile overrides, extra rustc flags): one setting away from the default each.
VARIANTS = [
    ("default", {}, []),
    ("codegen-units=8", {"CARGO_PROFILE_RELEASE_CODEGEN_UNITS": "8"}, []),
    ("codegen-units=32", {"CARGO_PROFILE_RELEASE_CODEGEN_UNITS": "32"}, []),
    ("inline-threshold=200", {}, ["-C", "llvm-args=-inline-threshold=200"]),
    ("inline-threshold=300", {}, ["-C", "llvm-args=-inline-threshold=300"]),
]


def configured_rustflags():
    """The flags `.cargo/config.toml` gives this host. Setting `RUSTFLAGS` replaces them, so a
    variant passes them again with its own added."""
    config = tomllib.loads((ROOT / ".cargo" / "config.toml").read_text())
    flags = []
    for condition, table in config.get("target", {}).items():
        applies = condition == "cfg(all())" or (
            condition == 'cfg(all(target_os = "linux", target_env = "gnu"))'
            and sys.platform.startswith("linux") and os.confstr("CS_GNU_LIBC_VERSION")
        )
        if applies:
            flags += table.get("rustflags", [])
    return flags


def build(label, profile_env, extra_flags):
    target_dir = ROOT / "target" / "codegen-spread" / label
    env = dict(os.environ, CARGO_TARGET_DIR=str(target_dir), **profile_env)
    env["RUSTFLAGS"] = " ".join(configured_rustflags() + extra_flags)
    print(f"building {label} ...", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "pvm"],
                   cwd=ROOT, env=env, check=True)
    return release_binary(target_dir)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", nargs="+", default=["match", "fused", "closure"])
    parser.add_argument("--workloads", nargs="+", default=sorted(SIZES), metavar="W")
    parser.add_argument("--out", help="also write the table to this file")
    args = parser.parse_args()

    counts = {}
    for label, profile_env, extra_flags in VARIANTS:
        binary = build(label, profile_env, extra_flags)
        for workload in args.workloads:
            warm_cache(str(binary), f"workloads/{workload}.py", str(SIZES[workload]))
        counts[label] = {
            engine: {
                workload: count([str(binary), "run", "--engine", engine,
                                 f"workloads/{workload}.py", str(SIZES[workload])])
                for workload in args.workloads
            }
            for engine in args.engines
        }
        print(f"{label}: " + ", ".join(
            f"{engine} {sum(c.values()) / 1e6:.0f} M" for engine, c in counts[label].items()),
            file=sys.stderr)

    first = args.engines[0]
    default = counts[VARIANTS[0][0]]
    header = (["Build"] + [f"{engine} vs default" for engine in args.engines]
              + [f"{engine} / {first}" for engine in args.engines[1:]])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    ratios = {engine: [] for engine in args.engines[1:]}
    for label, by_engine in counts.items():
        cells = [label]
        for engine in args.engines:
            cells.append(f"{geomean([by_engine[engine][w] / default[engine][w] for w in args.workloads]):.3f}")
        for engine in args.engines[1:]:
            ratio = geomean([by_engine[engine][w] / by_engine[first][w] for w in args.workloads])
            ratios[engine].append(ratio)
            cells.append(f"{ratio:.3f}")
        lines.append("| " + " | ".join(cells) + " |")
    spread = ["**range**"] + [""] * len(args.engines)
    spread += [f"**{min(r):.3f}–{max(r):.3f}**" for r in ratios.values()]
    lines.append("| " + " | ".join(spread) + " |")
    table = "\n".join(lines) + "\n"
    note = (
        "\nGeometric means over the workloads of callgrind instruction counts (whole process, "
        f"sizes of `scripts/instruction_counts.py`; workloads: {', '.join(args.workloads)}). "
        "\"vs default\": the engine in this build against the same engine in the default build; "
        f"\"/ {first}\": the engine against {first} in the same build.\n"
    )
    print(table + note)
    if args.out:
        Path(args.out).write_text(table + note)


if __name__ == "__main__":
    main()
