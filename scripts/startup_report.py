#!/usr/bin/env python3
"""Measure pvm's start-up against issue 4's bars and write a Markdown report.

Three comparisons, each as whole processes timed by hyperfine (`-N`, no shell), in several
rounds so that a slow phase of a shared machine shows up as spread instead of a verdict:

- the generated large module (scripts/gen_large_module.py) cold (no `__pvmcache__`: compile,
  run, write the entry) against warm (a fresh entry);
- `print("hello")` warm, pvm against CPython 3.11 (its own `.pyc` files are warm too);
- compiling the large module: pvm's read+parse+compile time as `pvm run --timings` reports
  it (a fresh process each time, no cache entry) against CPython's `compile()` timed in one
  process, in the same rounds; pvm's `startup/compile/large` criterion figure can be added
  (`--pvm-compile-ms`).

Every program's stdout is checked against CPython's before timing. Figures are medians with
min-max over the rounds; the verdict uses the median over rounds of each round's ratio.

    scripts/startup_report.py [--pvm PATH] [--rounds 3] [--out results/F.md]
"""

import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from pvm_binary import release_binary

ROOT = Path(__file__).resolve().parent.parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pvm", type=Path, default=release_binary(),
                        help="the pvm binary (default: the release build)")
    parser.add_argument("--python", default="/usr/bin/python3.11", help="reference CPython")
    parser.add_argument("--rounds", type=int, default=3, help="hyperfine rounds per comparison")
    parser.add_argument("--cold-runs", type=int, default=40, help="runs per cold round")
    parser.add_argument("--warm-runs", type=int, default=200, help="runs per warm round")
    parser.add_argument("--pvm-compile-ms", type=float,
                        help="pvm's startup/compile/large median from `cargo bench --bench startup`")
    parser.add_argument("--out", type=Path, help="also write the report here")
    return parser.parse_args()


def hyperfine(commands, runs, warmup, prepare=None):
    """Median, min and user+sys seconds of each command, from one hyperfine run."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        argv = ["hyperfine", "-N", "-w", str(warmup), "-r", str(runs), "--export-json", out.name]
        if prepare:
            argv += ["--prepare", prepare]
        subprocess.run(argv + commands, check=True, capture_output=True)
        results = json.load(open(out.name))["results"]
    return [{"median": r["median"], "min": r["min"], "cpu": r["user"] + r["system"]}
            for r in results]


def same_output(argv_a, argv_b):
    a = subprocess.run(argv_a, capture_output=True, check=True).stdout
    b = subprocess.run(argv_b, capture_output=True, check=True).stdout
    return a == b


def cpython_compile_seconds(python, path, repeat=30):
    """Median seconds of CPython's compile() of `path`, in one process (source read once)."""
    code = ("import sys, time, statistics\n"
            "src = open(sys.argv[1]).read()\n"
            "times = []\n"
            f"for _ in range({repeat}):\n"
            "    t = time.perf_counter(); compile(src, sys.argv[1], 'exec')\n"
            "    times.append(time.perf_counter() - t)\n"
            "print(statistics.median(times), min(times))\n")
    out = subprocess.run([python, "-c", code, str(path)], capture_output=True, check=True,
                         text=True).stdout.split()
    return float(out[0]), float(out[1])


def pvm_compile_seconds(pvm, path, empty_cache, runs=20):
    """Median and minimum seconds pvm reports for reading, parsing and compiling `path` from
    source (`--timings`), each in a fresh process with no cache entry to load."""
    env = dict(os.environ, PVM_CACHE_PREFIX=str(empty_cache))
    times = []
    for _ in range(runs):
        stderr = subprocess.run([pvm, "run", "-B", "--timings", str(path)], env=env,
                                capture_output=True, check=True, text=True).stderr
        line = next(line for line in stderr.splitlines() if "read+parse+compile" in line)
        times.append(float(line.split()[-2]) / 1e3)
    return statistics.median(times), min(times)


def spread(values, scale=1e3, digits=2):
    values = sorted(values)
    middle = statistics.median(values)
    return f"{middle * scale:.{digits}f} ({values[0] * scale:.{digits}f}–{values[-1] * scale:.{digits}f})"


def main():
    args = parse_args()
    pvm = str(args.pvm.resolve())
    work = Path(tempfile.mkdtemp(prefix="pvm-startup-"))
    try:
        large = work / "large.py"
        subprocess.run([sys.executable, str(ROOT / "scripts/gen_large_module.py"), str(large)],
                       check=True)
        hello = work / "hello.py"
        hello.write_text('print("hello")\n')
        for program in (large, hello):
            if not same_output([pvm, "run", str(program)], [args.python, str(program)]):
                sys.exit(f"pvm's output differs from CPython's on {program.name}")
        cache = work / "__pvmcache__"

        rows = {"cold": [], "warm": [], "pvm_hello": [], "py_hello": []}
        compiles = {"pvm": [], "py": []}
        empty_cache = work / "empty-cache"
        empty_cache.mkdir()
        for _ in range(args.rounds):
            cold, = hyperfine([f"{pvm} run {large}"], args.cold_runs, 3,
                              prepare=f"rm -rf {cache}")
            subprocess.run([pvm, "run", str(large)], check=True, capture_output=True)
            warm, = hyperfine([f"{pvm} run {large}"], args.warm_runs, 20)
            pvm_hello, py_hello = hyperfine(
                [f"{pvm} run {hello}", f"{args.python} {hello}"], args.warm_runs, 20)
            for key, result in zip(rows, (cold, warm, pvm_hello, py_hello)):
                rows[key].append(result)
            compiles["pvm"].append(pvm_compile_seconds(pvm, large, empty_cache)[0])
            compiles["py"].append(cpython_compile_seconds(args.python, large)[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def column(key, field):
        return [r[field] for r in rows[key]]

    cold_warm = [c["median"] / w["median"] for c, w in zip(rows["cold"], rows["warm"])]
    cold_warm_cpu = [c["cpu"] / w["cpu"] for c, w in zip(rows["cold"], rows["warm"])]
    hello = [p["median"] / c["median"] for p, c in zip(rows["pvm_hello"], rows["py_hello"])]
    compile_speedup = [py / pvm for pvm, py in zip(compiles["pvm"], compiles["py"])]
    lines = [
        f"# Start-up and the compiled-file cache ({datetime.date.today()})",
        "",
        f"`{' '.join(sys.argv)}` — {args.rounds} rounds of hyperfine (`-N`); medians of each "
        "round, shown as median (min–max) over the rounds. Machine: "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} at the end.",
        "",
        "| comparison | pvm | other side | ratio per round (median, range) | bar |",
        "|---|---|---|---|---|",
        f"| large module: warm vs cold (ms) | warm {spread(column('warm', 'median'))} | "
        f"cold {spread(column('cold', 'median'))} | {spread(cold_warm, 1, 2)}× "
        f"(CPU time {spread(cold_warm_cpu, 1, 2)}×) | ≥ 10× |",
        f"| hello, both warm (ms) | {spread(column('pvm_hello', 'median'))} | "
        f"CPython {spread(column('py_hello', 'median'))} | {spread(hello, 1, 3)} | ≤ 0.2 |",
        f"| compile the large module (ms) | {spread(compiles['pvm'])} (`--timings`) | "
        f"CPython `compile()` {spread(compiles['py'])} | {spread(compile_speedup, 1, 2)}× "
        "faster | ≥ 3× |",
    ]
    if args.pvm_compile_ms:
        py_compile = statistics.median(compiles["py"])
        lines.append(
            f"| compile the large module in-process (ms) | {args.pvm_compile_ms:.2f} "
            f"(criterion, separately) | CPython `compile()` {py_compile * 1e3:.2f} | "
            f"{py_compile * 1e3 / args.pvm_compile_ms:.2f}× faster | ≥ 3× |")
    lines.append("")
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report)


if __name__ == "__main__":
    main()
