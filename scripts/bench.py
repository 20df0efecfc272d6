#!/usr/bin/env python3
"""Time pvm engines against CPython on workloads/*.py and report in Markdown.

Every workload is run as whole processes in paired rounds: each round runs
CPython and every engine once, in an order rotated by one each round, so that
slow phases of the machine hit all commands alike. Each run's stdout must
equal CPython's. Speeds are CPython time / engine time (> 1: engine faster).

Exit status is 1 if any run failed or printed something different from
CPython, 0 otherwise.
"""

import argparse
import datetime
import math
import os
import shlex
import statistics
import subprocess
import sys
import time
from pathlib import Path

from pvm_binary import release_binary

ROOT = Path(__file__).resolve().parent.parent
WORKLOADS_DIR = ROOT / "workloads"
CPYTHON = "CPython"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pvm", default=str(release_binary()),
                        help="the pvm binary (default: the release build)")
    parser.add_argument("--engines", nargs="+", default=["match"],
                        help="engines to compare; the first is the baseline for the others")
    parser.add_argument("--runs", type=int, default=5, help="timed rounds per workload")
    parser.add_argument("--warmup", type=int, default=0, help="untimed rounds before the timed ones")
    parser.add_argument("--workloads", nargs="+", metavar="W",
                        help="workload names (default: every workloads/*.py)")
    parser.add_argument("--python", default="/usr/bin/python3.11", help="reference CPython")
    parser.add_argument("--size", action="append", default=[], metavar="W=N",
                        help="size passed as argv[1] to workload W (repeatable)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run counts as failed")
    parser.add_argument("--out", type=Path, help="also write the report to this Markdown file")
    args = parser.parse_args()

    available = sorted(p.stem for p in WORKLOADS_DIR.glob("*.py"))
    args.workloads = args.workloads or available
    unknown = [w for w in args.workloads if w not in available]
    if unknown:
        parser.error(f"unknown workloads: {', '.join(unknown)} (have: {', '.join(available)})")
    sizes = {}
    for item in args.size:
        name, _, value = item.partition("=")
        if name not in available or not value.isdigit():
            parser.error(f"bad --size {item!r}: expected W=N with W a workload and N an integer")
        sizes[name] = value
    args.sizes = sizes
    if args.runs < 1 or args.warmup < 0:
        parser.error("--runs must be at least 1 and --warmup at least 0")
    return args


def commands_for(args, workload):
    """(label, argv) pairs, CPython first."""
    script = str(WORKLOADS_DIR / f"{workload}.py")
    size = [args.sizes[workload]] if workload in args.sizes else []
    commands = [(CPYTHON, [args.python, script, *size])]
    for engine in args.engines:
        commands.append((engine, [args.pvm, "run", "--engine", engine, script, *size]))
    return commands


def run_once(argv, timeout):
    """Run argv; return (seconds, stdout, error message or None)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, b"", f"timed out after {timeout:g}s"
    except OSError as err:
        return time.perf_counter() - start, b"", str(err)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        lines = proc.stderr.decode(errors="replace").strip().splitlines()
        last = lines[-1] if lines else "no stderr"
        return elapsed, proc.stdout, f"exit {proc.returncode}: {last}"
    return elapsed, proc.stdout, None


def first_difference(expected, actual):
    """Describe the first line where two outputs differ."""
    expected_lines = expected.splitlines()
    actual_lines = actual.splitlines()
    for number, (want, got) in enumerate(zip(expected_lines, actual_lines), 1):
        if want != got:
            return f"line {number}: expected {want[:120]!r}, got {got[:120]!r}"
    return (f"expected {len(expected_lines)} lines, got {len(actual_lines)}"
            if len(expected_lines) != len(actual_lines) else "outputs differ in line endings")


def bench_workload(args, workload):
    """Run the paired rounds of one workload.

    Returns {label: {"times": [...], "error": str|None, "mismatch": bool}}
    and the list of per-round {label: seconds} dicts (timed rounds only).
    """
    commands = commands_for(args, workload)
    results = {label: {"times": [], "error": None, "mismatch": False} for label, _ in commands}
    rounds = []
    expected = None
    for round_index in range(args.warmup + args.runs):
        # Rotation 0 puts CPython first, so its output is known before any
        # engine's output needs checking.
        shift = round_index % len(commands)
        timings = {}
        for label, argv in commands[shift:] + commands[:shift]:
            result = results[label]
            if result["error"]:
                continue
            elapsed, stdout, error = run_once(argv, args.timeout)
            if error:
                result["error"] = error
                print(f"  FAILED {workload} [{label}]: {error}", file=sys.stderr)
                continue
            if label == CPYTHON and expected is None:
                expected = stdout
            elif expected is not None and stdout != expected and not result["mismatch"]:
                result["mismatch"] = True
                print(f"  MISMATCH {workload} [{label}]: {first_difference(expected, stdout)}",
                      file=sys.stderr)
            if round_index >= args.warmup:
                timings[label] = elapsed
                result["times"].append(elapsed)
        if round_index >= args.warmup:
            rounds.append(timings)
    return results, rounds


def ratio_pair(rounds, results, slow, fast):
    """(ratio of medians, median of per-round ratios) of slow/fast times, or None."""
    if not results[slow]["times"] or not results[fast]["times"]:
        return None
    if results[slow]["error"] or results[fast]["error"]:
        return None
    by_medians = statistics.median(results[slow]["times"]) / statistics.median(results[fast]["times"])
    paired = [r[slow] / r[fast] for r in rounds if slow in r and fast in r]
    return by_medians, statistics.median(paired)


def timing_cell(result):
    if result["error"]:
        return f"FAILED ({result['error']})".replace("|", "\\|")
    times = result["times"]
    cell = f"{statistics.median(times):.3f} ({min(times):.3f}–{max(times):.3f})"
    return cell + " **MISMATCH**" if result["mismatch"] else cell


def ratio_cell(ratios, mismatch):
    if ratios is None:
        return "—"
    cell = f"{ratios[0]:.2f}× / {ratios[1]:.2f}×"
    return cell + " **MISMATCH**" if mismatch else cell


def geomean_cell(values, total):
    if not values:
        return "—"
    by_medians = math.exp(statistics.fmean([math.log(v[0]) for v in values]))
    paired = math.exp(statistics.fmean([math.log(v[1]) for v in values]))
    suffix = "" if len(values) == total else f" ({len(values)}/{total})"
    return f"**{by_medians:.2f}× / {paired:.2f}×**{suffix}"


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] * len(header)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def build_tables(args, all_results):
    labels = [CPYTHON] + args.engines
    timing_rows = []
    for workload, (results, _) in all_results.items():
        size = args.sizes.get(workload, "default")
        timing_rows.append([workload, size] + [timing_cell(results[label]) for label in labels])
    timing = markdown_table(["Workload", "Size"] + [f"{label} s" for label in labels], timing_rows)

    # Each comparison: (column title, slower-is-numerator label, engine label).
    comparisons = [(f"{engine} vs CPython", CPYTHON, engine) for engine in args.engines]
    comparisons += [(f"{engine} vs {args.engines[0]}", args.engines[0], engine)
                    for engine in args.engines[1:]]
    ratio_rows = []
    collected = [[] for _ in comparisons]
    for workload, (results, rounds) in all_results.items():
        row = [workload]
        for column, (_, base, engine) in enumerate(comparisons):
            ratios = ratio_pair(rounds, results, base, engine)
            mismatch = results[base]["mismatch"] or results[engine]["mismatch"]
            if ratios is not None and not mismatch:
                collected[column].append(ratios)
            row.append(ratio_cell(ratios, mismatch))
        ratio_rows.append(row)
    ratio_rows.append(["**geometric mean**"]
                      + [geomean_cell(values, len(all_results)) for values in collected])
    ratios = markdown_table(["Workload"] + [title for title, _, _ in comparisons], ratio_rows)
    return timing, ratios


def tool_version(argv):
    try:
        proc = subprocess.run(argv, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as err:
        return f"unknown ({err})"
    text = (proc.stdout or proc.stderr).strip()
    return text if proc.returncode == 0 and text else f"unknown (exit {proc.returncode}: {text})"


def cpu_model():
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def report_header(args):
    return "\n".join([
        "# pvm benchmark report",
        "",
        f"- Date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- Machine: {len(os.sched_getaffinity(0))} CPUs (nproc), {cpu_model()}",
        f"- Command: `{shlex.join(sys.orig_argv)}`",
        f"- pvm: `{tool_version([args.pvm, '--version'])}` ({args.pvm})",
        f"- Python: `{tool_version([args.python, '--version'])}` ({args.python})",
        f"- Rounds: {args.runs} timed" + (f", {args.warmup} warm-up" if args.warmup else "")
        + ", command order rotated each round",
    ])


def main():
    args = parse_args()
    all_results = {}
    for workload in args.workloads:
        print(f"{workload} ...", file=sys.stderr, flush=True)
        all_results[workload] = bench_workload(args, workload)

    timing, ratios = build_tables(args, all_results)
    body = "\n".join([
        "## Wall-clock time per process",
        "",
        "Seconds: median (min–max) over the timed rounds.",
        "",
        timing,
        "",
        "## Speed relative to the baseline",
        "",
        "Baseline time / engine time (> 1 means the engine is faster), given as "
        "ratio of medians / median of the per-round paired ratios.",
        "",
        ratios,
        "",
    ])
    print(body)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report_header(args) + "\n\n" + body)
        print(f"report written to {args.out}", file=sys.stderr)

    bad = [(w, label) for w, (results, _) in all_results.items()
           for label, result in results.items() if result["error"] or result["mismatch"]]
    if bad:
        print("FAILED OR MISMATCHED: " + ", ".join(f"{w} [{label}]" for w, label in bad),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
