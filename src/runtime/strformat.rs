//! The three string-formatting front ends — `format()`/f-strings, `%`, and `str.format` —
//! over the shared number and text formatters in `format`.

use dashu_int::IBig;
use dashu_int::ops::UnsignedAbs;

use super::exceptions::{
    PyErr, PyResult, error, index_error, key_error, overflow_error, type_error, value_error,
};
use super::format::{self, Count, FormatError, PercentPiece};
use super::int::to_ibig;
use super::repr::{ascii, repr, to_str};
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
        return Ok(to_str(value));
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
    let pieces = format::parse_percent(template).map_err(format_error)?;
    let (positional, mapping): (Vec<Value>, Option<&Value>) = match args {
        Value::Tuple(items) => ((**items).clone(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args)),
        other => (vec![other.clone()], None),
    };
    let mut next = 0usize;
    let mut take = |what: &str| -> PyResult<Value> {
        let _ = what;
        let v = positional
            .get(next)
            .cloned()
            .ok_or_else(|| type_error("not enough arguments for format string"))?;
        next += 1;
        Ok(v)
    };
    let mut out = String::new();
    let mut used_mapping = false;
    for piece in &pieces {
        let spec = match piece {
            PercentPiece::Literal(text) => {
                out.push_str(text);
                continue;
            }
            PercentPiece::Spec(spec) => spec,
        };
        let width = match spec.width {
            Some(Count::Star) => count_arg(take("*")?)?,
            Some(Count::Fixed(w)) => w as i64,
            None => 0,
        };
        let precision = match spec.precision {
            Some(Count::Star) => Some(count_arg(take("*")?)?.max(0) as usize),
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
            Some(key) => {
                used_mapping = true;
                match mapping {
                    Some(Value::Dict(d)) => d
                        .get(&Value::str(key))?
                        .ok_or_else(|| key_error(Value::str(key)))?,
                    _ => return Err(type_error("format requires a mapping")),
                }
            }
            None => take("value")?,
        };
        out.push_str(&match spec.conversion {
            's' => format::percent_str(&to_str(&value), &spec, width, precision),
            'r' => format::percent_str(&repr(&value), &spec, width, precision),
            'a' => format::percent_str(&ascii(&value), &spec, width, precision),
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
                format::percent_int(&n, &spec, width, precision)
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
    let _ = used_mapping;
    Ok(Value::string(out))
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
                '{' => {
                    let mut field = String::new();
                    let mut depth = 1;
                    loop {
                        match chars.next() {
                            Some('{') => {
                                depth += 1;
                                field.push('{');
                            }
                            Some('}') => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                                field.push('}');
                            }
                            Some(ch) => field.push(ch),
                            None => return Err(value_error("expected '}' before end of string")),
                        }
                    }
                    out.push_str(&self.field(vm, &field)?);
                }
                other => out.push(other),
            }
        }
        Ok(out)
    }

    fn field(&mut self, vm: &mut Vm, field: &str) -> PyResult<String> {
        let (name_part, spec) = match field.find(':') {
            Some(i) => (&field[..i], &field[i + 1..]),
            None => (field, ""),
        };
        let (name_part, conversion) = match name_part.find('!') {
            Some(i) => (&name_part[..i], Some(&name_part[i + 1..])),
            None => (name_part, None),
        };
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
            Some("r") => Value::string(repr(&value)),
            Some("s") => Value::string(to_str(&value)),
            Some("a") => Value::string(ascii(&value)),
            Some(_) => return Err(value_error("Unknown conversion specifier")),
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
