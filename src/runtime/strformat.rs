//! The three string-formatting front ends — `format()`/f-strings, `%`, and `str.format` —
//! over the shared number and text formatters in `format`.

use dashu_int::IBig;
use dashu_int::ops::UnsignedAbs;

use super::exceptions::{
    PyErr, PyResult, error, index_error, key_error, overflow_error, type_error, value_error,
};
use super::format::{self, Count, FormatError, PercentPiece, PercentTemplatePiece};
use super::int::to_ibig;
use super::repr::{try_ascii, try_repr, try_to_str};
use super::str::StrBuilder;
use super::types::TypeId;
use super::value::Value;
use super::vm::Vm;

fn format_error(e: FormatError) -> PyErr {
    match e {
        FormatError::Value(msg) => value_error(msg),
        FormatError::Type(msg) => type_error(msg),
        FormatError::Overflow(msg) => overflow_error(msg),
        FormatError::Memory => error(TypeId::MemoryError, ""),
    }
}

/// `format(value, spec)`.
pub fn format(value: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return try_to_str(value);
    }
    let type_name = value.type_name();
    let parsed = format::parse_format_spec_for(spec, type_name).map_err(format_error)?;
    match value {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let n = to_ibig(value).unwrap_or_default();
            format::format_int_named(&n, &parsed, type_name).map_err(format_error)
        }
        Value::Float(f) => format::format_float_named(*f, &parsed, type_name).map_err(format_error),
        Value::Str(s) => {
            format::format_str_named(s.as_str(), &parsed, type_name).map_err(format_error)
        }
        other => Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            other.type_name()
        ))),
    }
}

/// `template % args`.
pub fn percent_format(_vm: &mut Vm, template: &str, args: &Value) -> PyResult<Value> {
    if let Some(done) = percent_format_plain(template, args) {
        return Ok(done);
    }
    let pieces = format::parse_percent_lazy(template);
    let (positional, mapping): (Vec<Value>, Option<&Value>) = match args {
        Value::Tuple(items) => ((**items).clone(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args)),
        other => (vec![other.clone()], None),
    };
    let mut next = 0usize;
    let mut take = || -> PyResult<Value> {
        let v = positional
            .get(next)
            .cloned()
            .ok_or_else(|| type_error("not enough arguments for format string"))?;
        next += 1;
        Ok(v)
    };
    let mut out = String::new();
    for piece in pieces {
        let (spec, unsupported) = match piece {
            PercentTemplatePiece::Piece(PercentPiece::Literal(text)) => {
                out.push_str(text);
                continue;
            }
            PercentTemplatePiece::Piece(PercentPiece::Spec(spec)) => (spec, None),
            PercentTemplatePiece::Unsupported(spec, e) => (spec, Some(e)),
            PercentTemplatePiece::Error(e) => return Err(format_error(e)),
        };
        let width = match spec.width {
            Some(Count::Star) => count_arg(take()?)?,
            Some(Count::Fixed(w)) => w as i64,
            None => 0,
        };
        let precision = match spec.precision {
            Some(Count::Star) => Some(count_arg(take()?)?.max(0) as usize),
            Some(Count::Fixed(p)) => Some(p),
            None => None,
        };
        let mut spec = spec.clone();
        let width = if width < 0 {
            spec.left = true;
            width.unsigned_abs() as usize
        } else {
            width as usize
        };
        if width > format::MAX_FIELD || precision.is_some_and(|p| p > format::MAX_FIELD) {
            return Err(error(TypeId::MemoryError, ""));
        }
        let value = match &spec.key {
            Some(key) => match mapping {
                Some(Value::Dict(d)) => d
                    .get(&Value::str(key))?
                    .ok_or_else(|| key_error(Value::str(key)))?,
                _ => return Err(type_error("format requires a mapping")),
            },
            None => take()?,
        };
        if let Some(e) = unsupported {
            return Err(format_error(e));
        }
        out.push_str(&match spec.conversion {
            's' => format::percent_str(&try_to_str(&value)?, &spec, width, precision),
            'r' => format::percent_str(&try_repr(&value)?, &spec, width, precision),
            'a' => format::percent_str(&try_ascii(&value)?, &spec, width, precision),
            'c' => {
                let c = match &value {
                    Value::Str(s) if s.char_len() == 1 => s.as_str().to_owned(),
                    Value::Int(i) => {
                        char::from_u32(*i as u32).map(String::from).ok_or_else(|| {
                            error(TypeId::OverflowError, "%c arg not in range(0x110000)")
                        })?
                    }
                    _ => return Err(type_error("%c requires int or char")),
                };
                format::percent_str(&c, &spec, width, None)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = match &value {
                    Value::Float(f) if matches!(spec.conversion, 'd' | 'i' | 'u') => {
                        to_ibig(&super::int::float_to_int(*f)?).unwrap_or_default()
                    }
                    v => to_ibig(v).ok_or_else(|| {
                        let kind = if matches!(spec.conversion, 'd' | 'i' | 'u') {
                            "a real number"
                        } else {
                            "an integer"
                        };
                        type_error(format!(
                            "%{} format: {kind} is required, not {}",
                            spec.conversion,
                            v.type_name()
                        ))
                    })?,
                };
                format::percent_int(&n, &spec, width, precision).map_err(format_error)?
            }
            _ => {
                let f = match &value {
                    Value::Float(f) => *f,
                    Value::Int(i) => *i as f64,
                    Value::Bool(b) => *b as i64 as f64,
                    Value::BigInt(n) => super::int::ibig_to_f64(n)?,
                    v => {
                        return Err(type_error(format!(
                            "must be real number, not {}",
                            v.type_name()
                        )));
                    }
                };
                format::percent_float(f, &spec, width, precision)
            }
        });
    }
    if mapping.is_none() && next < positional.len() {
        return Err(type_error(
            "not all arguments converted during string formatting",
        ));
    }
    Ok(Value::string(out))
}

/// `template % args` for the common shape: conversions are bare `%s` (of a str or an int) and
/// `%d` (of an int), `%%` are escapes, and `args` supplies exactly one value per conversion.
/// Anything else — flags, widths, keys, other types, a count mismatch — gives `None`, and the
/// general path formats (or reports the error) from the start: nothing here has side effects.
fn percent_format_plain(template: &str, args: &Value) -> Option<Value> {
    let positional: &[Value] = match args {
        Value::Tuple(items) => items,
        Value::Dict(_) => return None,
        single => std::slice::from_ref(single),
    };
    let mut values = positional.iter();
    let mut out = StrBuilder::with_capacity(template.len() + 8 * positional.len());
    let mut rest = template;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let conversion = *rest.as_bytes().get(at + 1)?;
        if !matches!(conversion, b'%' | b's' | b'd') {
            return None;
        }
        // Both bytes are ASCII, so this slices at a character boundary.
        rest = &rest[at + 2..];
        if conversion == b'%' {
            out.push('%');
            continue;
        }
        match (conversion, values.next()?) {
            (b's', Value::Str(text)) => out.push_str(text.as_str()),
            (b's' | b'd', Value::Int(i)) => out.push_str(super::int::decimal(*i, &mut [0; 20])),
            _ => return None,
        }
    }
    if values.next().is_some() {
        return None;
    }
    out.push_str(rest);
    Some(Value::built_str(out))
}

fn count_arg(v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        _ => Err(type_error("* wants int")),
    }
}

/// `template.format(*positional, **keywords)`.
pub fn str_format(
    vm: &mut Vm,
    template: &str,
    positional: &[Value],
    kw_names: &[Value],
    kw_values: &[Value],
) -> PyResult<String> {
    let mut formatter = FieldFormatter {
        positional,
        kw_names,
        kw_values,
        auto_index: 0,
        manual: None,
    };
    formatter.format(vm, template)
}

/// Reads one replacement field after its `{`, as CPython's `parse_field` does: the field name
/// (up to `}`, `:` or `!`, skipping `[...]`), an optional `!c` conversion, then a format spec in
/// which braces nest.
fn parse_field(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
) -> PyResult<(String, Option<char>, String)> {
    let mut name = String::new();
    let mut end = None;
    while let Some(c) = chars.next() {
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                name.push(c);
                while let Some(&d) = chars.peek() {
                    if d == ']' {
                        break;
                    }
                    name.push(d);
                    chars.next();
                }
            }
            '}' | ':' | '!' => {
                end = Some(c);
                break;
            }
            _ => name.push(c),
        }
    }
    let mut conversion = None;
    match end {
        Some('}') => return Ok((name, None, String::new())),
        None => return Err(value_error("expected '}' before end of string")),
        Some('!') => {
            let c = chars.next().ok_or_else(|| {
                value_error("end of string while looking for conversion specifier")
            })?;
            conversion = Some(c);
            match chars.next() {
                Some('}') => return Ok((name, conversion, String::new())),
                Some(':') | None => {}
                Some(_) => return Err(value_error("expected ':' after conversion specifier")),
            }
        }
        Some(_) => {}
    }
    let mut spec = String::new();
    let mut depth = 1;
    for c in chars.by_ref() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return Ok((name, conversion, spec));
                }
            }
            _ => {}
        }
        spec.push(c);
    }
    Err(value_error("unmatched '{' in format spec"))
}

/// `str.format`'s state: nested fields in a spec (`{:{}}`) share the automatic numbering.
struct FieldFormatter<'a> {
    positional: &'a [Value],
    kw_names: &'a [Value],
    kw_values: &'a [Value],
    auto_index: usize,
    /// `Some(true)` once a field was numbered by hand, `Some(false)` once automatically.
    manual: Option<bool>,
}

impl FieldFormatter<'_> {
    fn format(&mut self, vm: &mut Vm, template: &str) -> PyResult<String> {
        let mut out = String::new();
        let mut chars = template.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    out.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    out.push('}');
                }
                '}' => return Err(value_error("Single '}' encountered in format string")),
                '{' if chars.peek().is_none() => {
                    return Err(value_error("Single '{' encountered in format string"));
                }
                '{' => {
                    let (name, conversion, spec) = parse_field(&mut chars)?;
                    out.push_str(&self.field(vm, &name, conversion, &spec)?);
                }
                other => out.push(other),
            }
        }
        Ok(out)
    }

    fn field(
        &mut self,
        vm: &mut Vm,
        name_part: &str,
        conversion: Option<char>,
        spec: &str,
    ) -> PyResult<String> {
        let (first, rest) = split_field_name(name_part);
        let mut value = self.lookup(first)?;
        for accessor in rest {
            value = match accessor {
                Accessor::Attr(name) => super::attr::get_attr(&value, &name)?,
                Accessor::Index(key) => {
                    let key = match key.parse::<i64>() {
                        Ok(i) => Value::Int(i),
                        Err(_) => Value::str(&key),
                    };
                    super::subscript::get_item(vm, &value, &key)?
                }
            };
        }
        let value = match conversion {
            None => value,
            Some('r') => Value::string(try_repr(&value)?),
            Some('s') => Value::string(try_to_str(&value)?),
            Some('a') => Value::string(try_ascii(&value)?),
            Some(c) if c > ' ' && c < '\u{7f}' => {
                return Err(value_error(format!("Unknown conversion specifier {c}")));
            }
            Some(c) => {
                return Err(value_error(format!(
                    "Unknown conversion specifier \\x{:x}",
                    u32::from(c)
                )));
            }
        };
        let spec = if spec.contains('{') {
            self.format(vm, spec)?
        } else {
            spec.to_owned()
        };
        format(&value, &spec)
    }

    fn lookup(&mut self, first: &str) -> PyResult<Value> {
        if first.is_empty() {
            if self.manual == Some(true) {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            self.manual = Some(false);
            let i = self.auto_index;
            self.auto_index += 1;
            return self.positional.get(i).cloned().ok_or_else(|| {
                index_error(format!(
                    "Replacement index {i} out of range for positional args tuple"
                ))
            });
        }
        if let Ok(i) = first.parse::<usize>() {
            if self.manual == Some(false) {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            self.manual = Some(true);
            return self.positional.get(i).cloned().ok_or_else(|| {
                index_error(format!(
                    "Replacement index {i} out of range for positional args tuple"
                ))
            });
        }
        self.kw_names
            .iter()
            .position(|n| matches!(n, Value::Str(s) if s.as_str() == first))
            .map(|i| self.kw_values[i].clone())
            .ok_or_else(|| key_error(Value::str(first)))
    }
}

enum Accessor {
    Attr(String),
    Index(String),
}

fn split_field_name(name: &str) -> (&str, Vec<Accessor>) {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(end);
    let mut accessors = Vec::new();
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            accessors.push(Accessor::Attr(after[..end].to_owned()));
            rest = &after[end..];
        } else if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']').unwrap_or(after.len());
            accessors.push(Accessor::Index(after[..end].to_owned()));
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            break;
        }
    }
    (first, accessors)
}

/// Int → text in `radix` with Python's prefix (`bin`, `oct`, `hex`).
pub fn int_with_prefix(n: &IBig, radix: u32, prefix: &str) -> String {
    let digits = format::int_to_radix(&n.unsigned_abs().into(), radix);
    if *n < IBig::ZERO {
        format!("-{prefix}{digits}")
    } else {
        format!("{prefix}{digits}")
    }
}
