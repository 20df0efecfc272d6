//! Formatting of numbers and strings: repr of floats, the format-spec mini-language, % formatting
//! and `round()`.
//!
//! Python programs observe these strings byte for byte (doctests, logs, file formats), so every
//! function here reproduces CPython 3.11 exactly, including its error messages. The module is pure:
//! it works on `f64`, `&str` and `IBig` and knows nothing about interpreter objects.
//!
//! Decimal digits come from Rust's float formatting, which is correctly rounded (round-half-even on
//! the exact binary value) and yields the shortest round-tripping digits for `{:e}`; the layout rules
//! (when to switch to exponent notation, trailing zeros, grouping, padding) are Python's.

#[cfg(test)]
mod tests;

use dashu_int::ops::{BitTest, UnsignedAbs};
use dashu_int::{IBig, UBig};

/// Longest field (width or float precision) we are willing to materialise. CPython would try to
/// allocate anything that fits in `Py_ssize_t`; we report `FormatError::Memory` instead of aborting.
pub const MAX_FIELD: usize = 1 << 28;

/// Why a format request failed: the Python exception type and CPython's exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    Value(String),
    Type(String),
    Overflow(String),
    /// The requested output is too large to build (CPython's `MemoryError`).
    Memory,
}

fn value_error(message: impl Into<String>) -> FormatError {
    FormatError::Value(message.into())
}

/// Alignment of a formatted value inside its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    /// `=`: padding goes between the sign (and base prefix) and the digits.
    AfterSign,
}

/// The sign option of a format spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    Minus,
    Plus,
    Space,
}

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character; `'0'` when the `0` flag was given without an explicit fill.
    pub fill: char,
    pub align: Option<Align>,
    /// `None` when no sign option was written (strings reject even an explicit `-`).
    pub sign: Option<Sign>,
    /// The `z` flag: turn negative zero into positive zero after rounding (floats only).
    pub no_neg_zero: bool,
    pub alternate: bool,
    /// The `0` flag (numbers then default to `=` alignment).
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `','` or `'_'`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Parses a format spec, naming the object's type in the "Invalid format specifier" message.
pub fn parse_format_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut pos = 0;
    let mut parsed = FormatSpec {
        fill: ' ',
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };

    let mut fill_given = false;
    if let Some(align) = chars.get(1).copied().and_then(align_of) {
        parsed.fill = chars[0];
        parsed.align = Some(align);
        fill_given = true;
        pos = 2;
    } else if let Some(align) = chars.first().copied().and_then(align_of) {
        parsed.align = Some(align);
        pos = 1;
    }

    parsed.sign = match chars.get(pos) {
        Some('+') => Some(Sign::Plus),
        Some('-') => Some(Sign::Minus),
        Some(' ') => Some(Sign::Space),
        _ => None,
    };
    if parsed.sign.is_some() {
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        parsed.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        parsed.alternate = true;
        pos += 1;
    }
    if !fill_given && chars.get(pos) == Some(&'0') {
        parsed.fill = '0';
        parsed.zero_pad = true;
        pos += 1;
    }

    let (width, next) = parse_decimal(&chars, pos)?;
    parsed.width = width;
    pos = next;

    if let Some(&sep @ (',' | '_')) = chars.get(pos) {
        parsed.grouping = Some(sep);
        pos += 1;
        let other = if sep == ',' { '_' } else { ',' };
        if chars.get(pos) == Some(&other) {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
    }

    if chars.get(pos) == Some(&'.') {
        pos += 1;
        let (precision, next) = parse_decimal(&chars, pos)?;
        if precision.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
        parsed.precision = precision;
        pos = next;
    }

    match chars.len() - pos {
        0 => {}
        1 => parsed.ty = Some(chars[pos]),
        _ => {
            return Err(value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
    }

    if let Some(sep) = parsed.grouping {
        let allowed = match parsed.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => sep == '_',
            Some(_) => false,
        };
        if !allowed {
            return Err(grouping_not_allowed(sep, parsed.ty.unwrap_or('\0')));
        }
    }
    Ok(parsed)
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads a run of ASCII digits starting at `pos`; `None` when there are none.
fn parse_decimal(chars: &[char], mut pos: usize) -> Result<(Option<usize>, usize), FormatError> {
    let start = pos;
    let mut value: i64 = 0;
    while let Some(digit) = chars.get(pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(digit)))
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
        pos += 1;
    }
    let parsed = (pos > start).then(|| usize::try_from(value).unwrap_or(usize::MAX));
    Ok((parsed, pos))
}

/// A presentation type as CPython quotes it in messages: printable ASCII as is, else `\x..`.
fn quoted_code(code: char) -> String {
    if ('!'..='\x7f').contains(&code) {
        code.to_string()
    } else {
        format!("\\x{:x}", u32::from(code))
    }
}

fn unknown_code(code: char, type_name: &str) -> FormatError {
    let code = quoted_code(code);
    value_error(format!(
        "Unknown format code '{code}' for object of type '{type_name}'"
    ))
}

fn grouping_not_allowed(separator: char, code: char) -> FormatError {
    let code = quoted_code(code);
    value_error(format!("Cannot specify '{separator}' with '{code}'."))
}

/// A number split into the pieces that padding and grouping treat differently.
struct NumberParts {
    sign: &'static str,
    /// `0x`-style base prefix (integers with `#`).
    prefix: &'static str,
    /// Leading integer digits, ungrouped; grouping and `0`-padding apply here.
    digits: String,
    /// Everything after the integer digits: fraction, exponent, `%`, or `inf`/`nan`.
    rest: String,
}

fn sign_text(negative: bool, sign: Option<Sign>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some(Sign::Plus)) => "+",
        (false, Some(Sign::Space)) => " ",
        (false, _) => "",
    }
}

fn checked_width(spec: &FormatSpec) -> Result<usize, FormatError> {
    match spec.width {
        Some(width) if width > MAX_FIELD => Err(FormatError::Memory),
        width => Ok(width.unwrap_or(0)),
    }
}

fn push_fill(out: &mut String, fill: char, count: usize) {
    out.extend(std::iter::repeat_n(fill, count));
}

/// Lays out a number in its field: sign, prefix, grouped digits, rest, with fill and alignment.
fn render_number(
    parts: &NumberParts,
    spec: &FormatSpec,
    grouping: Option<(char, usize)>,
) -> Result<String, FormatError> {
    let width = checked_width(spec)?;
    let align = spec.align.unwrap_or(if spec.zero_pad {
        Align::AfterSign
    } else {
        Align::Right
    });
    let fixed_len = parts.sign.len() + parts.prefix.len() + parts.rest.chars().count();
    let digits = match grouping {
        Some((separator, size)) if !parts.digits.is_empty() => {
            let zero_fill = align == Align::AfterSign && spec.fill == '0';
            let min_width = if zero_fill {
                width.saturating_sub(fixed_len)
            } else {
                0
            };
            group_digits(&parts.digits, separator, size, min_width)
        }
        _ => parts.digits.clone(),
    };
    let padding = width.saturating_sub(fixed_len + digits.chars().count());
    let (before, middle, after) = match align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    let mut out = String::with_capacity(fixed_len + digits.len() + padding * spec.fill.len_utf8());
    push_fill(&mut out, spec.fill, before);
    out.push_str(parts.sign);
    out.push_str(parts.prefix);
    push_fill(&mut out, spec.fill, middle);
    out.push_str(&digits);
    out.push_str(&parts.rest);
    push_fill(&mut out, spec.fill, after);
    Ok(out)
}

/// Inserts `separator` every `size` digits from the right. When `min_width` asks for more, the
/// number is widened with grouped leading zeros; the result never starts with a separator.
fn group_digits(digits: &str, separator: char, size: usize, min_width: usize) -> String {
    let digits = digits.as_bytes();
    let mut remaining = digits.len();
    let mut width_left = min_width;
    let mut groups: Vec<u8> = Vec::with_capacity(min_width.max(digits.len() * 2));
    loop {
        let group_len = remaining.max(width_left).max(1).min(size);
        let taken = group_len.min(remaining);
        groups.extend(digits[remaining - taken..remaining].iter().rev());
        groups.extend(std::iter::repeat_n(b'0', group_len - taken));
        remaining -= taken;
        width_left = width_left.saturating_sub(group_len);
        if remaining == 0 && width_left == 0 {
            break;
        }
        groups.push(b'\0');
        width_left = width_left.saturating_sub(1);
    }
    groups
        .iter()
        .rev()
        .map(|&b| if b == b'\0' { separator } else { char::from(b) })
        .collect()
}

/// `format(int, spec)`.
pub fn format_int(value: &IBig, spec: &FormatSpec) -> Result<String, FormatError> {
    format_int_named(value, spec, "int")
}

/// `format(int, spec)` for an int subclass such as `bool`, named in error messages.
pub fn format_int_named(
    value: &IBig,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    let radix = match spec.ty {
        None | Some('d' | 'n' | 'c') => 10,
        Some('b') => 2,
        Some('o') => 8,
        Some('x' | 'X') => 16,
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let as_float = int_to_f64(value)
                .ok_or_else(|| FormatError::Overflow("int too large to convert to float".into()))?;
            return format_float_named(as_float, spec, type_name);
        }
        Some(code) => return Err(unknown_code(code, type_name)),
    };
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let negative = value < &IBig::ZERO;
    let parts = if spec.ty == Some('c') {
        if spec.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        NumberParts {
            sign: "",
            prefix: "",
            digits: code_point_char(value)?.to_string(),
            rest: String::new(),
        }
    } else {
        let mut digits = if radix == 10 {
            super::int::decimal_digits(value).map_err(FormatError::Value)?
        } else {
            value.unsigned_abs().in_radix(radix as u8).to_string()
        };
        if spec.ty == Some('X') {
            digits.make_ascii_uppercase();
        }
        let prefix = match (spec.alternate, spec.ty) {
            (true, Some('b')) => "0b",
            (true, Some('o')) => "0o",
            (true, Some('x')) => "0x",
            (true, Some('X')) => "0X",
            _ => "",
        };
        NumberParts {
            sign: sign_text(negative, spec.sign),
            prefix,
            digits,
            rest: String::new(),
        }
    };
    let group_size = if radix == 10 { 3 } else { 4 };
    let grouping = spec.grouping.map(|separator| (separator, group_size));
    render_number(&parts, spec, grouping)
}

/// The character for `format(n, 'c')`.
fn code_point_char(value: &IBig) -> Result<char, FormatError> {
    let code = i64::try_from(value)
        .map_err(|_| FormatError::Overflow("Python int too large to convert to C long".into()))?;
    if !(0..0x11_0000).contains(&code) {
        return Err(FormatError::Overflow(
            "%c arg not in range(0x110000)".into(),
        ));
    }
    u32::try_from(code)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| value_error("surrogate code points cannot be formatted"))
}

/// Python's `float(int)`: round-half-even, `None` when the result would overflow.
fn int_to_f64(value: &IBig) -> Option<f64> {
    Some(value.to_f64().value()).filter(|x| x.is_finite())
}

/// How a float's digits are chosen and laid out (CPython's presentation types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FloatStyle {
    /// `e`: one digit before the point, `precision` after.
    Exponent,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, trailing zeros removed unless alternate.
    General,
    /// `repr`: shortest round-tripping digits.
    Shortest,
}

#[derive(Debug, Clone, Copy)]
struct FloatLayout {
    style: FloatStyle,
    precision: usize,
    alternate: bool,
    /// Fixed notation always shows a digit after the point (`1.0`), and for `General` the switch
    /// to exponent notation happens one digit earlier (format type omitted, precision given).
    add_dot_zero: bool,
}

/// Formats `abs` (finite and non-negative) without a sign.
fn format_finite(abs: f64, layout: FloatLayout) -> String {
    let FloatLayout {
        style,
        precision,
        alternate,
        add_dot_zero,
    } = layout;
    match style {
        FloatStyle::Fixed => {
            let mut text = format!("{abs:.precision$}");
            if alternate && precision == 0 {
                text.push('.');
            }
            text
        }
        FloatStyle::Exponent => {
            let (digits, exponent) = scientific_digits(abs, precision + 1);
            place_digits(&digits, exponent, true, alternate, false)
        }
        FloatStyle::General => {
            let precision = precision.max(1);
            let (mut digits, exponent) = scientific_digits(abs, precision);
            let limit = precision as i64 - i64::from(add_dot_zero);
            let use_exponent = exponent < -4 || exponent >= limit;
            if !alternate {
                trim_trailing_zeros(&mut digits);
            }
            place_digits(&digits, exponent, use_exponent, alternate, add_dot_zero)
        }
        FloatStyle::Shortest => {
            let (digits, exponent) = shortest_digits(abs);
            let use_exponent = !(-4..16).contains(&exponent);
            place_digits(&digits, exponent, use_exponent, alternate, add_dot_zero)
        }
    }
}

/// The fewest significant digits that read back as `abs`, and the exponent of the first. When
/// several such digit strings exist, Python takes the one nearest the exact value (ties to even),
/// which is the correctly rounded one whenever that reads back too; Rust may pick another.
fn shortest_digits(abs: f64) -> (String, i64) {
    let (digits, exponent) = split_scientific(&format!("{abs:e}"));
    let (nearest, nearest_exponent) = scientific_digits(abs, digits.len());
    if nearest != digits {
        let scale = nearest_exponent - (nearest.len() as i64 - 1);
        if format!("{nearest}e{scale}").parse() == Ok(abs) {
            return (nearest, nearest_exponent);
        }
    }
    (digits, exponent)
}

/// `count` significant digits of `abs`, correctly rounded, and the decimal exponent of the first.
fn scientific_digits(abs: f64, count: usize) -> (String, i64) {
    let decimals = count - 1;
    split_scientific(&format!("{abs:.decimals$e}"))
}

/// Splits Rust's `d.ddde±x` into the digit string and the exponent.
fn split_scientific(text: &str) -> (String, i64) {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits = mantissa.chars().filter(char::is_ascii_digit).collect();
    (digits, exponent.parse().unwrap_or(0))
}

fn trim_trailing_zeros(digits: &mut String) {
    let kept = digits.trim_end_matches('0').len().max(1);
    digits.truncate(kept);
}

/// Writes `digits` (first digit has weight `10**exponent`) in fixed or exponent notation.
/// Zeros are added to reach the point; the point is shown when digits follow it, when
/// `alternate`, or (fixed notation with `add_dot_zero`) with a single `0` after it.
fn place_digits(
    digits: &str,
    exponent: i64,
    use_exponent: bool,
    alternate: bool,
    add_dot_zero: bool,
) -> String {
    let mut out = String::with_capacity(digits.len() + 8);
    if use_exponent {
        out.push_str(&digits[..1]);
        if digits.len() > 1 || alternate {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        out.push_str(&format!("e{exponent_sign}{:02}", exponent.unsigned_abs()));
        return out;
    }
    let point = exponent + 1;
    if point <= 0 {
        out.push_str("0.");
        push_fill(&mut out, '0', point.unsigned_abs() as usize);
        out.push_str(digits);
        return out;
    }
    let point = point as usize;
    if digits.len() > point {
        out.push_str(&digits[..point]);
        out.push('.');
        out.push_str(&digits[point..]);
    } else {
        out.push_str(digits);
        push_fill(&mut out, '0', point - digits.len());
        if add_dot_zero {
            out.push_str(".0");
        } else if alternate {
            out.push('.');
        }
    }
    out
}

/// `repr(x)` (equal to `str(x)`) for a Python float.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    let layout = FloatLayout {
        style: FloatStyle::Shortest,
        precision: 0,
        alternate: false,
        add_dot_zero: true,
    };
    format!("{sign}{}", format_finite(x.abs(), layout))
}

/// `format(float, spec)`.
pub fn format_float(value: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    format_float_named(value, spec, "float")
}

/// `format(float, spec)` for a float subclass, named in error messages.
pub fn format_float_named(
    value: f64,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    let (style, upper) = match spec.ty {
        None => (FloatStyle::Shortest, false),
        Some('e') => (FloatStyle::Exponent, false),
        Some('E') => (FloatStyle::Exponent, true),
        Some('f' | '%') => (FloatStyle::Fixed, false),
        Some('F') => (FloatStyle::Fixed, true),
        Some('g' | 'n') => (FloatStyle::General, false),
        Some('G') => (FloatStyle::General, true),
        Some(code) => return Err(unknown_code(code, type_name)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    if spec.precision.is_some_and(|p| p > MAX_FIELD) {
        return Err(FormatError::Memory);
    }
    let percent = spec.ty == Some('%');
    let layout = match (style, spec.precision) {
        (FloatStyle::Shortest, None) => FloatLayout {
            style,
            precision: 0,
            alternate: spec.alternate,
            add_dot_zero: true,
        },
        (FloatStyle::Shortest, Some(precision)) => FloatLayout {
            style: FloatStyle::General,
            precision,
            alternate: spec.alternate,
            add_dot_zero: true,
        },
        (_, precision) => FloatLayout {
            style,
            precision: precision.unwrap_or(6),
            alternate: spec.alternate,
            add_dot_zero: false,
        },
    };
    let value = if percent { value * 100.0 } else { value };
    let (negative, mut body) = signed_float_body(value, layout, upper, spec.no_neg_zero);
    if percent {
        body.push('%');
    }
    let digits_end = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let rest = body.split_off(digits_end);
    let parts = NumberParts {
        sign: sign_text(negative, spec.sign),
        prefix: "",
        digits: body,
        rest,
    };
    render_number(&parts, spec, spec.grouping.map(|separator| (separator, 3)))
}

/// Formats `value` without its sign; returns whether a minus sign is due. NaN never gets one;
/// with `no_neg_zero`, a value that rounds to zero loses it.
fn signed_float_body(
    value: f64,
    layout: FloatLayout,
    upper: bool,
    no_neg_zero: bool,
) -> (bool, String) {
    if value.is_nan() {
        let text = if upper { "NAN" } else { "nan" };
        return (false, text.into());
    }
    let mut negative = value.is_sign_negative();
    let mut body = if value.is_infinite() {
        "inf".into()
    } else {
        format_finite(value.abs(), layout)
    };
    if upper {
        body.make_ascii_uppercase();
    }
    if negative && no_neg_zero {
        let mantissa = body.split(['e', 'E']).next().unwrap_or("");
        negative = mantissa.bytes().any(|b| matches!(b, b'1'..=b'9')) || value.is_infinite();
    }
    (negative, body)
}

/// `format(str, spec)`.
pub fn format_str(value: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    format_str_named(value, spec, "str")
}

/// `format(str, spec)` for a str subclass, named in error messages.
pub fn format_str_named(
    value: &str,
    spec: &FormatSpec,
    type_name: &str,
) -> Result<String, FormatError> {
    match spec.ty {
        None | Some('s') => {}
        Some(code) => return Err(unknown_code(code, type_name)),
    }
    if let Some(separator) = spec.grouping {
        return Err(grouping_not_allowed(separator, 's'));
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(value_error("Space not allowed in string format specifier"));
        }
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let width = checked_width(spec)?;
    let text = truncate_chars(value, spec.precision);
    Ok(pad_text(
        text,
        width,
        spec.fill,
        spec.align.unwrap_or(Align::Left),
    ))
}

/// The first `limit` characters of `text` (all of it when `limit` is `None`).
fn truncate_chars(text: &str, limit: Option<usize>) -> &str {
    match limit.and_then(|n| text.char_indices().nth(n)) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

fn pad_text(text: &str, width: usize, fill: char, align: Align) -> String {
    let padding = width.saturating_sub(text.chars().count());
    let (before, after) = match align {
        Align::Left => (0, padding),
        Align::Center => (padding / 2, padding - padding / 2),
        Align::Right | Align::AfterSign => (padding, 0),
    };
    let mut out = String::with_capacity(text.len() + padding * fill.len_utf8());
    push_fill(&mut out, fill, before);
    out.push_str(text);
    push_fill(&mut out, fill, after);
    out
}

/// `round(x, ndigits)` for a float: the double nearest to `x` rounded half-even at `ndigits`
/// decimal places, where the tie test uses the exact binary value of `x`.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, String> {
    // Beyond these, rounding cannot change a double (CPython uses the same bounds).
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0f64.copysign(x));
    }
    // x = mantissa * 2**exponent exactly.
    let bits = x.abs().to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    };
    let mut numerator = UBig::from(mantissa);
    let mut denominator = UBig::ONE;
    if exponent >= 0 {
        numerator <<= exponent as usize;
    } else {
        denominator <<= exponent.unsigned_abs() as usize;
    }
    let scale = UBig::from(10u8).pow(ndigits.unsigned_abs() as usize);
    if ndigits >= 0 {
        numerator *= scale;
    } else {
        denominator *= scale;
    }
    let mut quotient = &numerator / &denominator;
    let twice_remainder = (numerator % &denominator) << 1;
    if twice_remainder > denominator || (twice_remainder == denominator && quotient.bit(0)) {
        quotient += UBig::ONE;
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let rounded: f64 = format!("{sign}{quotient}e{}", -ndigits)
        .parse()
        .map_err(|_| "rounded value too large to represent".to_string())?;
    if rounded.is_infinite() {
        return Err("rounded value too large to represent".into());
    }
    Ok(rounded)
}

/// One piece of a `%`-format template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece<'a> {
    Literal(&'a str),
    Spec(PercentSpec),
}

/// A `%` width or precision: `*` takes it from the arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Star,
    Fixed(usize),
}

/// One `%` conversion: `%[(key)][flags][width][.precision][length]conversion`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PercentSpec {
    pub key: Option<String>,
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    pub conversion: char,
}

/// Splits a `%` template into literals and conversions. `%%` becomes `Literal("%")`.
///
/// Errors are reported eagerly; the interpreter uses `parse_percent_lazy`, which reports them
/// where CPython does.
pub fn parse_percent(template: &str) -> Result<Vec<PercentPiece<'_>>, FormatError> {
    let mut pieces = Vec::new();
    for piece in parse_percent_lazy(template) {
        match piece {
            PercentTemplatePiece::Piece(p) => pieces.push(p),
            PercentTemplatePiece::Unsupported(_, e) | PercentTemplatePiece::Error(e) => {
                return Err(e);
            }
        }
    }
    Ok(pieces)
}

/// One piece of a `%` template as CPython meets it, left to right: a literal or conversion, a
/// conversion whose character is unsupported (CPython fetches its arguments before saying so),
/// or a malformed conversion (the template ends there).
#[derive(Debug)]
pub enum PercentTemplatePiece<'a> {
    Piece(PercentPiece<'a>),
    Unsupported(PercentSpec, FormatError),
    Error(FormatError),
}

/// `parse_percent` with errors kept in place, so formatting reports the first problem CPython
/// would (an earlier conversion's missing argument comes before a later malformed one).
pub fn parse_percent_lazy(template: &str) -> Vec<PercentTemplatePiece<'_>> {
    let mut pieces = Vec::new();
    let mut cursor = PercentCursor {
        chars: template.char_indices().collect(),
        index: 0,
    };
    let mut literal_start = 0;
    while let Some(c) = cursor.peek() {
        let byte = cursor.byte_offset(template);
        cursor.index += 1;
        if c != '%' {
            continue;
        }
        if literal_start < byte {
            pieces.push(PercentTemplatePiece::Piece(PercentPiece::Literal(
                &template[literal_start..byte],
            )));
        }
        if cursor.peek() == Some('%') {
            cursor.index += 1;
            pieces.push(PercentTemplatePiece::Piece(PercentPiece::Literal("%")));
        } else {
            match parse_percent_spec(&mut cursor) {
                Ok(spec) if "sracdiuoxXeEfFgG".contains(spec.conversion) => {
                    pieces.push(PercentTemplatePiece::Piece(PercentPiece::Spec(spec)));
                }
                Ok(spec) => {
                    let conversion = spec.conversion;
                    let shown = if (' '..='~').contains(&conversion) {
                        conversion
                    } else {
                        '?'
                    };
                    let error = value_error(format!(
                        "unsupported format character '{shown}' (0x{:x}) at index {}",
                        u32::from(conversion),
                        cursor.index - 1
                    ));
                    pieces.push(PercentTemplatePiece::Unsupported(spec, error));
                    return pieces;
                }
                Err(e) => {
                    pieces.push(PercentTemplatePiece::Error(e));
                    return pieces;
                }
            }
        }
        literal_start = cursor.byte_offset(template);
    }
    if literal_start < template.len() {
        pieces.push(PercentTemplatePiece::Piece(PercentPiece::Literal(
            &template[literal_start..],
        )));
    }
    pieces
}

/// Position in a `%` template, counted in characters (CPython reports character indices).
struct PercentCursor {
    chars: Vec<(usize, char)>,
    index: usize,
}

impl PercentCursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.index).map(|&(_, c)| c)
    }

    /// The current character, which must exist inside a conversion.
    fn current(&self) -> Result<char, FormatError> {
        self.peek().ok_or_else(|| value_error("incomplete format"))
    }

    fn byte_offset(&self, template: &str) -> usize {
        self.chars
            .get(self.index)
            .map_or(template.len(), |&(byte, _)| byte)
    }

    /// A width or precision: `*`, digits, or nothing.
    fn count(&mut self, what: &str, limit: usize) -> Result<Option<Count>, FormatError> {
        if self.current()? == '*' {
            self.index += 1;
            return Ok(Some(Count::Star));
        }
        let mut value: Option<usize> = None;
        while let Some(digit) = self.current()?.to_digit(10) {
            let grown = value
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|v| v.checked_add(digit as usize))
                .filter(|&v| v <= limit)
                .ok_or_else(|| value_error(format!("{what} too big")))?;
            value = Some(grown);
            self.index += 1;
        }
        match value {
            Some(v) if v > MAX_FIELD => Err(FormatError::Memory),
            v => Ok(v.map(Count::Fixed)),
        }
    }
}

/// Parses one conversion; the cursor starts just after its `%`.
fn parse_percent_spec(cursor: &mut PercentCursor) -> Result<PercentSpec, FormatError> {
    let mut spec = PercentSpec {
        key: None,
        left: false,
        plus: false,
        space: false,
        alternate: false,
        zero: false,
        width: None,
        precision: None,
        conversion: ' ',
    };
    if cursor.current()? == '(' {
        cursor.index += 1;
        let mut key = String::new();
        let mut depth = 1;
        loop {
            let c = cursor
                .peek()
                .ok_or_else(|| value_error("incomplete format key"))?;
            cursor.index += 1;
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            key.push(c);
        }
        spec.key = Some(key);
    }
    loop {
        match cursor.current()? {
            '-' => spec.left = true,
            '+' => spec.plus = true,
            ' ' => spec.space = true,
            '#' => spec.alternate = true,
            '0' => spec.zero = true,
            _ => break,
        }
        cursor.index += 1;
    }
    spec.width = cursor.count("width", i64::MAX as usize)?;
    if cursor.current()? == '.' {
        cursor.index += 1;
        let precision = cursor.count("precision", i32::MAX as usize)?;
        spec.precision = Some(precision.unwrap_or(Count::Fixed(0)));
    }
    if matches!(cursor.current()?, 'h' | 'l' | 'L') {
        cursor.index += 1;
    }
    // An unsupported conversion character is reported by the caller, after its arguments.
    let conversion = cursor.current()?;
    cursor.index += 1;
    spec.conversion = conversion;
    Ok(spec)
}

fn percent_sign(negative: bool, spec: &PercentSpec) -> &'static str {
    if negative {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

/// Pads `sign + prefix + body` to `width` the way `%` does: `-` pads on the right with spaces,
/// `0` pads with zeros after the sign and prefix, otherwise spaces on the left.
fn percent_pad(sign: &str, prefix: &str, body: &str, spec: &PercentSpec, width: usize) -> String {
    let length = sign.len() + prefix.len() + body.chars().count();
    let padding = width.saturating_sub(length);
    let mut out = String::with_capacity(length + padding);
    if spec.left {
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
        push_fill(&mut out, ' ', padding);
    } else if spec.zero {
        out.push_str(sign);
        out.push_str(prefix);
        push_fill(&mut out, '0', padding);
        out.push_str(body);
    } else {
        push_fill(&mut out, ' ', padding);
        out.push_str(sign);
        out.push_str(prefix);
        out.push_str(body);
    }
    out
}

/// `%d %i %u %x %X %o`: `precision` is a minimum digit count; `#` adds `0x`/`0X`/`0o`.
/// Decimal digits obey the int/str digit limit (see `int`).
pub fn percent_int(
    value: &IBig,
    spec: &PercentSpec,
    width: usize,
    precision: Option<usize>,
) -> Result<String, FormatError> {
    let (radix, prefix) = match spec.conversion {
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        'o' => (8, "0o"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        super::int::decimal_digits(value).map_err(FormatError::Value)?
    } else {
        value.unsigned_abs().in_radix(radix).to_string()
    };
    if spec.conversion == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(missing) = precision.and_then(|p| p.checked_sub(digits.len())) {
        digits.insert_str(0, &"0".repeat(missing));
    }
    let prefix = if spec.alternate { prefix } else { "" };
    let sign = percent_sign(value < &IBig::ZERO, spec);
    Ok(percent_pad(sign, prefix, &digits, spec, width))
}

/// `%f %F %e %E %g %G` (precision defaults to 6; `#` keeps the point and `g`'s trailing zeros).
pub fn percent_float(
    value: f64,
    spec: &PercentSpec,
    width: usize,
    precision: Option<usize>,
) -> String {
    let (style, upper) = match spec.conversion {
        'e' => (FloatStyle::Exponent, false),
        'E' => (FloatStyle::Exponent, true),
        'F' => (FloatStyle::Fixed, true),
        'g' => (FloatStyle::General, false),
        'G' => (FloatStyle::General, true),
        _ => (FloatStyle::Fixed, false),
    };
    let layout = FloatLayout {
        style,
        precision: precision.unwrap_or(6),
        alternate: spec.alternate,
        add_dot_zero: false,
    };
    let (negative, body) = signed_float_body(value, layout, upper, false);
    percent_pad(percent_sign(negative, spec), "", &body, spec, width)
}

/// `%s %r %a` given the already converted text: precision truncates, width pads (in characters).
pub fn percent_str(
    text: &str,
    spec: &PercentSpec,
    width: usize,
    precision: Option<usize>,
) -> String {
    let align = if spec.left { Align::Left } else { Align::Right };
    pad_text(truncate_chars(text, precision), width, ' ', align)
}

/// `value` in base `radix` (2..=36) with lowercase digits and a leading `-` when negative.
pub fn int_to_radix(value: &IBig, radix: u32) -> String {
    let radix = radix.clamp(2, 36) as u8;
    value.in_radix(radix).to_string()
}
