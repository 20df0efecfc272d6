"""Regenerates src/runtime/format/tests/cases.rs from CPython 3.11 (the oracle).

Run with: python3.11 scripts/gen_format_tests.py > src/runtime/format/tests/cases.rs
"""

import math
import random
import struct
import sys

assert sys.version_info[:2] == (3, 11), "expected values must come from CPython 3.11"

random.seed(3011)
INF = float("inf")
NAN = float("nan")


def rs(text):
    """A Rust string literal for text."""
    out = []
    for c in text:
        if c in '\\"':
            out.append("\\" + c)
        elif " " <= c <= "~":
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    return '"' + "".join(out) + '"'


def bits(x):
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def outcome(thunk):
    """(exception type name or "", text) for calling thunk."""
    try:
        return "", thunk()
    except (ValueError, OverflowError, TypeError, KeyError) as error:
        return type(error).__name__, str(error)


def nearby(x):
    return [math.nextafter(x, -INF), x, math.nextafter(x, INF)]


def repr_values():
    values = [0.0, -0.0, INF, -INF, NAN, 0.1 + 0.2, 1 / 3, 2 / 3, 0.1, 0.5, 1.5, 100.0]
    values += [2.0**53, 2.0**53 + 2, 2.0**63, 2.0**64, float(10**22), float(10**23)]
    values += [5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308]
    values += [sys.float_info.max, -sys.float_info.max, 123456789012345.6, 1234567890123456.7]
    for exponent in range(-8, 24):
        values += nearby(10.0**exponent)
    values += [9999999999999998.0, 999999999999999.9, 0.00009999999999999999, 0.0001000000001]
    # Two shortest candidates equally near: CPython takes the even one.
    ties = [0x42EDFE8F591EDBE4, 0xC312145398A73205, 0x43151C77EF50C9ED, 0xC31F8D9A582D00D5]
    values += [struct.unpack("<d", struct.pack("<Q", tie))[0] for tie in ties]
    values += [-1e-5, -12.5, 3.14159, 2.675, 1e100, 1.7e308, 4.35, 0.3, 1e-7]
    while len(values) < 230:
        raw = random.getrandbits(64)
        x = struct.unpack("<d", struct.pack("<Q", raw))[0]
        if random.random() < 0.5:
            x = random.uniform(-1e6, 1e6)
        values.append(x)
    return values


INT_VALUES = [0, 1, -1, 7, 42, -42, 255, -255, 1234, 123456789, -123456789, 2**64, -(2**70),
              10**30, 65, 0x10FFFF, 2**53 + 1, -(2**53 + 3), 2**1024 - 2**970, 10**400]
INT_SPECS = ["d", "5", "-5", "<5", ">8", "^9", "=8", "+", " ", "-", "+d", " d", "05", "010",
             "x", "X", "#x", "#X", "o", "#o", "b", "#b", "#010x", "#010b", "_b", "_x", "#_x",
             "#012_x", "_o", ",", "_", "015,", "015_", "0=15,", "*^+12,", "n", "010n", "e",
             ".3e", "f", ".2f", "g", "G", "%", ".1%", "E", "F", ".0f", "c", "5c", "<3c",
             "x<#10x", "^+#10x", "08,", "09,", "z", ".2", "s", "zd", "+c", "#c", ",c", ",x",
             "_n", ",s", "abc", "é", "10.2fx", "z+c", "\x00<5", "{<5", "+_X", "#020_b",
             "9999999999999999999", ".", ",_", "__", ",,", "#.2c", "  ", "#-10o"]
FLOAT_VALUES = [0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 1234.5678, -1234.5678, 1e16, 1e-5, 0.0001,
                123456789.123, 1e300, 5e-324, INF, -INF, NAN, 0.125, 2.675, 9.995, 99.5, 1e22,
                -1e-10, 0.07, 1234567.0, 3.0, 123.0, 1e15]
FLOAT_SPECS = ["e", "E", "f", "F", "g", "G", "n", "%", ".0", ".1", ".3", ".17", "#", "#.0",
               "#.3", "#g", "#.0e", "#.0f", "#.0%", ".0e", ".10e", ".0f", ".2f", ".20f",
               ".0g", ".1g", ".12g", "#.5g", ".0%", ",", "_", ",.2f", "_.3e", "020,.2f",
               "020_", "0=20,", "*^20,.2f", "<12", ">12", "^12", "=12", "+", " ", "-",
               "+.3", " g", "z", "z.1f", "z.0e", "z%", "z.3", "010", "010.3f", "+012.3e",
               "012,", "x<15.4G", "10n", ".5n", "d", ",n", "x", ".2d", "z#.3x",
               ".2147483648f", ".9999999999999999999", "2.1", ",.20", "%", "=+10"]
STR_VALUES = ["", "a", "abc", "héllo", "日本語", "a b"]
STR_SPECS = ["s", "5", "<5", ">5", "^5", "^6", "x^7", "05", "<05", ".2", ".0", "10.3",
             "*>8.1s", "é<6", "+", "-", " ", "z", "#", "=", "=5", "d", ",", "_", "#=",
             "=#", "=+", "+z", "é", "ab"]

PERCENT_INTS = [0, 3, -3, 255, -255, 8, 123456789, -(2**70)]
PERCENT_INT_SPECS = ["%d", "%i", "%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%5d", "%-5d|",
                     "%05d", "%.5d", "%05.3d", "%-05d", "%+d", "% d", "%+ d", "%#08x", "%.4x",
                     "%#.4x", "%#010.4x", "%ld", "%hd", "%Ld", "[%*d]", "[%-*d]", "%(k)d"]
PERCENT_FLOATS = [0.0, -0.0, 1.5, 2.25, -3.14159, 1234.5, 2.5, 1e-10, 1e100, 0.1, INF, -INF, NAN]
PERCENT_FLOAT_SPECS = ["%f", "%F", "%e", "%E", "%g", "%G", "%5.1f", "%-8.3e|", "%#.0f", "%#g",
                       "%.0e", "%010f", "%-10f|", "%+f", "% f", "%010.2f", "%.100f", "%.f",
                       "%#.3g", "%.*f", "%+.2E", "%#.0e", "%12.4G"]
PERCENT_STRS = ["", "ab", "héllo", "日本"]
PERCENT_STR_SPECS = ["%s", "%.2s", "%7s", "%-7s|", "%07s", "%+s", "%r", "%a", "%5.1r",
                     "%*s", "%.*s", "<%s>", "a%%b%sc"]
PERCENT_ERRORS = ["%y", "abc%", "%(a", "%(a)y", "%5", "%.", "%lld", "%é", "%(a)", "x%-5",
                  "%99999999999999999999d", "%.99999999999999999999d", "%.2147483648d", "%5%",
                  "%(a(b)c", "ab %z cd"]
ROUND_VALUES = [0.125, 0.375, 2.675, 2.5, 3.5, -2.5, 5.5, 0.5, 1.5, 1234.5678, -1234.5678,
                1e300, 1.7976931348623157e308, 5e-324, 0.1, 1e-300, 123456789.987654321,
                -0.0, 0.0, INF, NAN, 1e22, 0.285, 1.005, 4.35, 9.995]
ROUND_DIGITS = [0, 1, 2, 3, -1, -2, -308, -309, 323, 324, 17, 300, -300, 10**18, -(10**18)]


def random_spec(types):
    """A random, mostly well-formed format spec."""
    parts = []
    if random.random() < 0.4:
        parts.append(random.choice(["", "", "*", "0", "é", "_"]) + random.choice("<>^="))
    parts.append(random.choice(["", "", "", "+", "-", " "]))
    parts.append(random.choice(["", "", "", "", "z"]))
    parts.append(random.choice(["", "", "#"]))
    parts.append(random.choice(["", "", "", "0"]))
    parts.append(random.choice(["", "", "1", "7", "12", "25"]))
    parts.append(random.choice(["", "", "", ",", "_"]))
    parts.append(random.choice(["", "", "", ".0", ".1", ".4", ".12"]))
    parts.append(random.choice(types))
    return "".join(parts)


def random_float():
    choice = random.random()
    if choice < 0.3:
        return random.uniform(-1e4, 1e4)
    if choice < 0.6:
        return random.choice([-1, 1]) * 10 ** random.uniform(-12, 25)
    if choice < 0.8:
        return round(random.uniform(-1000, 1000), random.randint(0, 4))
    return random.choice([0.0, -0.0, INF, -INF, NAN, 0.5, 2.5, -0.0004, 9.9999, 99999.5])


class AnyKey(dict):
    """A mapping that has every key, so templates report their own errors."""

    def __missing__(self, key):
        return self.value


def percent_text(conversion, value):
    return {"r": repr, "a": ascii}.get(conversion, str)(value)


def main():
    print("//! Expected values generated by `python3.11 scripts/gen_format_tests.py`.")
    print()
    print("use super::Arg;")
    print()

    print("/// (bits of the double, repr)")
    print("pub(super) const FLOAT_REPR: &[(u64, &str)] = &[")
    for x in repr_values():
        print(f"    ({bits(x)}, {rs(repr(x))}),")
    print("];")
    print()

    print("/// (int as decimal text, spec, exception type or \"\", result or message)")
    print("pub(super) const FORMAT_INT: &[(&str, &str, &str, &str)] = &[")
    for v in INT_VALUES:
        for s in INT_SPECS:
            kind, text = outcome(lambda: format(v, s))
            print(f"    ({rs(str(v))}, {rs(s)}, {rs(kind)}, {rs(text)}),")
    print("];")
    print()

    print("/// (bits of the double, spec, exception type or \"\", result or message)")
    print("pub(super) const FORMAT_FLOAT: &[(u64, &str, &str, &str)] = &[")
    for v in FLOAT_VALUES:
        for s in FLOAT_SPECS:
            kind, text = outcome(lambda: format(v, s))
            print(f"    ({bits(v)}, {rs(s)}, {rs(kind)}, {rs(text)}),")
    print("];")
    print()

    print("/// Random specs: (int as decimal text, spec, exception type or \"\", result or message)")
    print("pub(super) const FUZZ_INT: &[(&str, &str, &str, &str)] = &[")
    for _ in range(400):
        v = random.choice([0, 1, -1, 5, -77, 1000, 65535, -(10**random.randint(3, 25)), 2**random.randint(1, 80)])
        s = random_spec(["", "", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "E", "G"])
        kind, text = outcome(lambda: format(v, s))
        print(f"    ({rs(str(v))}, {rs(s)}, {rs(kind)}, {rs(text)}),")
    print("];")
    print()

    print("/// Random specs: (bits of the double, spec, exception type or \"\", result or message)")
    print("pub(super) const FUZZ_FLOAT: &[(u64, &str, &str, &str)] = &[")
    for _ in range(600):
        v = random_float()
        s = random_spec(["", "", "", "e", "E", "f", "F", "g", "G", "n", "%"])
        kind, text = outcome(lambda: format(v, s))
        print(f"    ({bits(v)}, {rs(s)}, {rs(kind)}, {rs(text)}),")
    print("];")
    print()

    print("/// (string, spec, exception type or \"\", result or message)")
    print("pub(super) const FORMAT_STR: &[(&str, &str, &str, &str)] = &[")
    for v in STR_VALUES:
        for s in STR_SPECS:
            kind, text = outcome(lambda: format(v, s))
            print(f"    ({rs(v)}, {rs(s)}, {rs(kind)}, {rs(text)}),")
    print("];")
    print()

    print("/// (template with one conversion, `*` arguments, value, exception type or \"\",")
    print("/// result or message); values are ints as decimal text, floats as bits, or the")
    print("/// already converted text for %s %r %a.")
    print("pub(super) const PERCENT: &[(&str, &[i64], Arg, &str, &str)] = &[")
    cases = []
    for spec in PERCENT_INT_SPECS:
        cases += [(spec, v, f"Arg::Int({rs(str(v))})") for v in PERCENT_INTS]
    for spec in PERCENT_FLOAT_SPECS:
        cases += [(spec, v, f"Arg::Float({bits(v)})") for v in PERCENT_FLOATS]
    for spec in PERCENT_STR_SPECS:
        conversion = spec.replace("%%", "").rstrip("|>c")[-1]
        cases += [(spec, v, f"Arg::Text({rs(percent_text(conversion, v))})") for v in PERCENT_STRS]
    cases += [(spec, 1, "Arg::Int(\"1\")") for spec in PERCENT_ERRORS]
    for template, value, arg in cases:
        stars = [7, -9, 3][: template.count("*")]
        if "(" in template:
            mapping = AnyKey()
            mapping.value = value
            kind, text = outcome(lambda: template % mapping)
        else:
            kind, text = outcome(lambda: template % (*stars, value))
        stars_rs = "&[" + ", ".join(map(str, stars)) + "]"
        print(f"    ({rs(template)}, {stars_rs}, {arg}, {rs(kind)}, {rs(text)}),")
    print("];")
    print()

    print("/// (bits of x, ndigits, exception type or \"\", bits of round(x, ndigits) or message)")
    print("pub(super) const ROUND: &[(u64, i64, &str, &str)] = &[")
    for x in ROUND_VALUES:
        for n in ROUND_DIGITS:
            kind, result = outcome(lambda: round(x, n))
            text = result if kind else bits(result)
            print(f"    ({bits(x)}, {n}, {rs(kind)}, {rs(text)}),")
    for _ in range(40):
        x = random.uniform(-1000, 1000)
        n = random.randint(-3, 12)
        print(f"    ({bits(x)}, {n}, \"\", {rs(bits(round(x, n)))}),")
    print("];")


main()
