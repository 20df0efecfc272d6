#!/usr/bin/env bash
# Regenerate the expected results of the conformance corpus (tests/py) with CPython.
#
# For every tests/py/NAME.py (except the mod_*.py modules that programs import):
#   NAME.out  exact stdout
#   NAME.err  only when the exit status is non-zero: two lines,
#             "exit status: N" and the last line of stderr (empty if none).
# Stale NAME.err files of programs that now exit 0 are deleted.
#
# Usage: scripts/regen-expected.sh [NAME ...]   (default: all programs)
# Env:   PYTHON (default python3), TIMEOUT seconds (default 10)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

PYTHON="${PYTHON:-python3}"
TIMEOUT="${TIMEOUT:-10}"

if [ "$#" -gt 0 ]; then
    progs=()
    for name in "$@"; do
        name="$(basename "$name" .py)"
        progs+=("tests/py/$name.py")
    done
else
    progs=()
    for prog in tests/py/*.py; do
        # mod_*.py are modules that programs import, not programs.
        case "$(basename "$prog")" in mod_*) ;; *) progs+=("$prog") ;; esac
    done
    # Full run: drop expectations whose program no longer exists.
    for exp in tests/py/*.out tests/py/*.err; do
        [ -e "$exp" ] || continue
        [ -f "${exp%.*}.py" ] || rm -f "$exp"
    done
fi

tmp_err="$(mktemp)"
trap 'rm -f "$tmp_err"' EXIT

# PYTHONHASHSEED is deliberately left alone: programs must not depend on it.
export PYTHONIOENCODING=utf-8
export PYTHONDONTWRITEBYTECODE=1

count=0
failed=0
for prog in "${progs[@]}"; do
    [ -f "$prog" ] || { echo "missing: $prog" >&2; exit 2; }
    base="${prog%.py}"
    status=0
    timeout "$TIMEOUT" "$PYTHON" "$prog" >"$base.out" 2>"$tmp_err" </dev/null || status=$?
    if [ "$status" -eq 124 ]; then
        echo "TIMEOUT: $prog" >&2
        failed=$((failed + 1))
    fi
    if [ "$status" -ne 0 ]; then
        last="$(tail -n 1 "$tmp_err")"
        printf 'exit status: %s\n%s\n' "$status" "$last" >"$base.err"
    else
        rm -f "$base.err"
    fi
    count=$((count + 1))
done

echo "regenerated $count program(s) with $("$PYTHON" --version 2>&1)"
if [ "$failed" -ne 0 ]; then
    echo "$failed program(s) timed out" >&2
    exit 1
fi
