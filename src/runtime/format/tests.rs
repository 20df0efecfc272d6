//! Checks every function against tables produced by CPython 3.11 (see `cases.rs`).

#[rustfmt::skip]
mod cases;

use super::*;

/// An argument of a `%` test case.
pub(super) enum Arg {
    Int(&'static str),
    Float(u64),
    /// `str(x)`, `repr(x)` or `ascii(x)`, already converted.
    Text(&'static str),
}

fn int(text: &str) -> IBig {
    text.parse().expect("test int")
}

/// Renders a result the way the tables spell it: `("", text)` or `(exception, message)`.
fn outcome(result: Result<String, FormatError>) -> (String, String) {
    match result {
        Ok(text) => (String::new(), text),
        Err(FormatError::Value(message)) => ("ValueError".into(), message),
        Err(FormatError::Type(message)) => ("TypeError".into(), message),
        Err(FormatError::Overflow(message)) => ("OverflowError".into(), message),
        Err(FormatError::Memory) => ("MemoryError".into(), String::new()),
    }
}

/// Fails with every mismatch at once, so one run shows all differences.
fn check_all(mismatches: Vec<String>, total: usize) {
    assert!(
        mismatches.is_empty(),
        "{} of {total} cases differ from CPython:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn float_repr_matches_cpython() {
    let mismatches = cases::FLOAT_REPR
        .iter()
        .filter_map(|&(bits, expected)| {
            let got = float_repr(f64::from_bits(bits));
            (got != expected).then(|| format!("{bits:#x}: got {got:?}, want {expected:?}"))
        })
        .collect();
    check_all(mismatches, cases::FLOAT_REPR.len());
}

fn check_format_table<T: std::fmt::Debug>(
    table: &[(T, &str, &str, &str)],
    type_name: &str,
    format: impl Fn(&T, &FormatSpec) -> Result<String, FormatError>,
) {
    let mismatches = table
        .iter()
        .filter_map(|(value, spec, kind, text)| {
            let got =
                outcome(parse_format_spec_for(spec, type_name).and_then(|p| format(value, &p)));
            let want = (kind.to_string(), text.to_string());
            (got != want).then(|| format!("{value:?} {spec:?}: got {got:?}, want {want:?}"))
        })
        .collect();
    check_all(mismatches, table.len());
}

#[test]
fn format_int_matches_cpython() {
    check_format_table(cases::FORMAT_INT, "int", |value, spec| {
        format_int(&int(value), spec)
    });
}

#[test]
fn format_float_matches_cpython() {
    check_format_table(cases::FORMAT_FLOAT, "float", |&bits, spec| {
        format_float(f64::from_bits(bits), spec)
    });
}

#[test]
fn random_int_specs_match_cpython() {
    check_format_table(cases::FUZZ_INT, "int", |value, spec| {
        format_int(&int(value), spec)
    });
}

#[test]
fn random_float_specs_match_cpython() {
    check_format_table(cases::FUZZ_FLOAT, "float", |&bits, spec| {
        format_float(f64::from_bits(bits), spec)
    });
}

#[test]
fn format_str_matches_cpython() {
    check_format_table(cases::FORMAT_STR, "str", |value, spec| {
        format_str(value, spec)
    });
}

/// Formats one `%` case the way the interpreter will: `*` counts come from `stars`, a negative
/// `*` width left-aligns, a negative `*` precision counts as zero.
fn apply_percent(template: &str, stars: &[i64], arg: &Arg) -> Result<String, FormatError> {
    let mut stars = stars.iter().copied();
    let mut out = String::new();
    for piece in parse_percent(template)? {
        let mut spec = match piece {
            PercentPiece::Literal(text) => {
                out.push_str(text);
                continue;
            }
            PercentPiece::Spec(spec) => spec,
        };
        let width = match spec.width {
            Some(Count::Star) => {
                let star = stars.next().expect("star width");
                spec.left |= star < 0;
                star.unsigned_abs() as usize
            }
            Some(Count::Fixed(width)) => width,
            None => 0,
        };
        let precision = spec.precision.map(|count| match count {
            Count::Star => stars.next().expect("star precision").max(0) as usize,
            Count::Fixed(precision) => precision,
        });
        out.push_str(&match *arg {
            Arg::Int(text) => percent_int(&int(text), &spec, width, precision)?,
            Arg::Float(bits) => percent_float(f64::from_bits(bits), &spec, width, precision),
            Arg::Text(text) => percent_str(text, &spec, width, precision),
        });
    }
    Ok(out)
}

#[test]
fn percent_matches_cpython() {
    let mismatches = cases::PERCENT
        .iter()
        .filter_map(|(template, stars, arg, kind, text)| {
            let got = outcome(apply_percent(template, stars, arg));
            let want = (kind.to_string(), text.to_string());
            (got != want).then(|| format!("{template:?}: got {got:?}, want {want:?}"))
        })
        .collect();
    check_all(mismatches, cases::PERCENT.len());
}

#[test]
fn round_float_matches_cpython() {
    let mismatches = cases::ROUND
        .iter()
        .filter_map(|&(bits, ndigits, kind, expected)| {
            let got = match round_float(f64::from_bits(bits), ndigits) {
                Ok(x) => (String::new(), format!("0x{:016x}", x.to_bits())),
                Err(message) => ("OverflowError".into(), message),
            };
            let want = (kind.to_string(), expected.to_string());
            (got != want).then(|| format!("{bits:#x} {ndigits}: got {got:?}, want {want:?}"))
        })
        .collect();
    check_all(mismatches, cases::ROUND.len());
}

#[test]
fn parse_percent_splits_literals_and_specs() {
    let pieces = parse_percent("a%%b%(x)-5.2fc").expect("valid template");
    assert_eq!(pieces.len(), 5);
    assert_eq!(pieces[0], PercentPiece::Literal("a"));
    assert_eq!(pieces[1], PercentPiece::Literal("%"));
    assert_eq!(pieces[2], PercentPiece::Literal("b"));
    let PercentPiece::Spec(spec) = &pieces[3] else {
        panic!("expected a conversion, got {:?}", pieces[3]);
    };
    assert_eq!(spec.key.as_deref(), Some("x"));
    assert!(spec.left);
    assert_eq!(spec.width, Some(Count::Fixed(5)));
    assert_eq!(spec.precision, Some(Count::Fixed(2)));
    assert_eq!(spec.conversion, 'f');
    assert_eq!(pieces[4], PercentPiece::Literal("c"));
}

#[test]
fn int_to_radix_matches_cpython() {
    // Expected values from CPython: bin(), oct(), hex() without prefixes, and int.__format__.
    assert_eq!(int_to_radix(&int("255"), 16), "ff");
    assert_eq!(int_to_radix(&int("-255"), 2), "-11111111");
    assert_eq!(int_to_radix(&int("0"), 8), "0");
    assert_eq!(
        int_to_radix(&int("1180591620717411303424"), 36),
        "6x5kxtvuwilukg"
    );
    assert_eq!(int_to_radix(&int("-35"), 36), "-z");
}

#[test]
fn huge_widths_work_or_fail_cleanly() {
    let spec = parse_format_spec_for("1000000", "int").expect("valid spec");
    assert_eq!(format_int(&int("5"), &spec).map(|s| s.len()), Ok(1_000_000));
    let spec = parse_format_spec_for("99999999999", "int").expect("valid spec");
    assert_eq!(format_int(&int("5"), &spec), Err(FormatError::Memory));
}
