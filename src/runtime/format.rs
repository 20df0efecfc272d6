//! Formatting of numbers and strings (interim versions).

use dashu_int::IBig;

pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let e = format!("{x:e}");
    let (mantissa, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    if (-4..16).contains(&exp) {
        let s = format!("{x}");
        if s.contains('.') { s } else { format!("{s}.0") }
    } else {
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    }
}

#[derive(Clone, Debug)]
pub struct FormatSpec {
    pub precision: Option<usize>,
    pub ty: Option<char>,
    pub width: Option<usize>,
}
pub enum FormatError {
    Value(String),
    Type(String),
}

pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, FormatError> {
    let ty = spec
        .chars()
        .last()
        .filter(|c| c.is_ascii_alphabetic() || *c == '%');
    let body = if ty.is_some() {
        &spec[..spec.len() - 1]
    } else {
        spec
    };
    let (w, p) = match body.split_once('.') {
        Some((w, p)) => (w, Some(p)),
        None => (body, None),
    };
    Ok(FormatSpec {
        width: w.parse().ok(),
        precision: p.and_then(|p| p.parse().ok()),
        ty,
    })
}
fn pad(s: String, spec: &FormatSpec, right: bool) -> String {
    match spec.width {
        Some(w) if right => format!("{s:>w$}"),
        Some(w) => format!("{s:<w$}"),
        None => s,
    }
}
pub fn format_int(value: &IBig, spec: &FormatSpec) -> Result<String, FormatError> {
    match spec.ty {
        Some('x') => Ok(pad(format!("{value:x}"), spec, true)),
        Some('f') => format_float(value.to_f64().value(), spec),
        _ => Ok(pad(value.to_string(), spec, true)),
    }
}
pub fn format_float(value: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let p = spec.precision.unwrap_or(6);
    Ok(pad(
        match spec.ty {
            Some('e') => format!("{value:.p$e}"),
            _ => format!("{value:.p$}"),
        },
        spec,
        true,
    ))
}
pub fn format_str(value: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    Ok(pad(value.to_owned(), spec, false))
}
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, String> {
    if !x.is_finite() {
        return Ok(x);
    }
    let n = ndigits.clamp(0, 300) as usize;
    Ok(format!("{x:.n$}").parse().unwrap_or(x))
}
pub enum PercentPiece<'a> {
    Literal(&'a str),
    Spec(PercentSpec),
}
#[derive(Clone, Debug, Default)]
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
#[derive(Clone, Copy, Debug)]
pub enum Count {
    Star,
    Fixed(usize),
}
pub fn parse_percent(template: &str) -> Result<Vec<PercentPiece<'_>>, FormatError> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('%') {
        out.push(PercentPiece::Literal(&rest[..i]));
        let after = &rest[i + 1..];
        let end = after
            .find(|c: char| c.is_ascii_alphabetic() || c == '%')
            .ok_or(FormatError::Value("incomplete format".into()))?;
        let conv = after[end..].chars().next().unwrap_or('s');
        if conv == '%' {
            out.push(PercentPiece::Literal("%"));
        } else {
            let body = &after[..end];
            let (w, p) = match body.split_once('.') {
                Some((w, p)) => (w, Some(p)),
                None => (body, None),
            };
            out.push(PercentPiece::Spec(PercentSpec {
                width: w.parse().ok().map(Count::Fixed),
                precision: p.and_then(|p| p.parse().ok()).map(Count::Fixed),
                conversion: conv,
                ..Default::default()
            }));
        }
        rest = &after[end + 1..];
    }
    out.push(PercentPiece::Literal(rest));
    Ok(out)
}
pub fn percent_int(
    value: &IBig,
    spec: &PercentSpec,
    width: usize,
    _precision: Option<usize>,
) -> String {
    let s = if spec.conversion == 'x' {
        format!("{value:x}")
    } else {
        value.to_string()
    };
    format!("{s:>width$}")
}
pub fn percent_float(
    value: f64,
    _spec: &PercentSpec,
    width: usize,
    precision: Option<usize>,
) -> String {
    let p = precision.unwrap_or(6);
    format!("{value:>width$.p$}")
}
pub fn percent_str(
    text: &str,
    _spec: &PercentSpec,
    width: usize,
    _precision: Option<usize>,
) -> String {
    format!("{text:>width$}")
}
pub fn int_to_radix(value: &IBig, radix: u32) -> String {
    match radix {
        2 => format!("{value:b}"),
        8 => format!("{value:o}"),
        16 => format!("{value:x}"),
        _ => value.to_string(),
    }
}
