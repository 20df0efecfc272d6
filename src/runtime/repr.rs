//! `repr()` and `str()` of built-in values, byte-identical to CPython's, including
//! `[...]` for a container that contains itself.

use std::cell::RefCell;

use super::format::float_repr;
use super::text;
use super::types::TypeId;
use super::value::Value;

thread_local! {
    /// Containers being printed, to print a self-reference as `[...]` instead of recursing.
    static IN_PROGRESS: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

/// `str(v)`.
pub fn to_str(v: &Value) -> String {
    match v {
        Value::Str(s) => s.as_str().to_owned(),
        Value::Exception(e) => exception_message(&e.args, e.kind),
        _ => repr(v),
    }
}

/// The text after `TypeName: ` in a traceback, as `str(exception)` gives it.
pub fn exception_message(args: &[Value], kind: TypeId) -> String {
    match args {
        [] => String::new(),
        [single] if kind == TypeId::KeyError => repr(single),
        [single] => to_str(single),
        many => repr(&Value::tuple(many.to_vec())),
    }
}

/// `ascii(v)`.
pub fn ascii(v: &Value) -> String {
    let mut out = String::new();
    for c in repr(v).chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            code @ 0x80..=0xff => out.push_str(&format!("\\x{code:02x}")),
            code @ 0x100..=0xffff => out.push_str(&format!("\\u{code:04x}")),
            code => out.push_str(&format!("\\U{code:08x}")),
        }
    }
    out
}

/// `repr(v)`.
pub fn repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, v);
    out
}

fn with_guard(out: &mut String, v: &Value, placeholder: &str, body: impl FnOnce(&mut String)) {
    let address = v.heap_address().unwrap_or(0);
    let recursing = IN_PROGRESS.with(|p| p.borrow().contains(&address));
    if recursing {
        out.push_str(placeholder);
        return;
    }
    IN_PROGRESS.with(|p| p.borrow_mut().push(address));
    body(out);
    IN_PROGRESS.with(|p| p.borrow_mut().pop());
}

fn write_items<'a>(out: &mut String, items: impl Iterator<Item = &'a Value>) {
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, item);
    }
}

pub fn write_repr(out: &mut String, v: &Value) {
    match v {
        Value::Undef => out.push_str("<NULL>"),
        Value::None => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => {
            use std::fmt::Write;
            let _ = write!(out, "{i}");
        }
        Value::BigInt(n) => out.push_str(&n.to_string()),
        Value::Float(f) => out.push_str(&float_repr(*f)),
        Value::Str(s) => out.push_str(&text::repr(s.as_str())),
        Value::List(l) => with_guard(out, v, "[...]", |out| {
            out.push('[');
            write_items(out, l.borrow().iter());
            out.push(']');
        }),
        Value::Tuple(t) => with_guard(out, v, "(...)", |out| {
            out.push('(');
            write_items(out, t.iter());
            if t.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }),
        Value::Dict(d) => with_guard(out, v, "{...}", |out| {
            out.push('{');
            for (i, (k, val)) in d.items().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, k);
                out.push_str(": ");
                write_repr(out, val);
            }
            out.push('}');
        }),
        Value::Set(s) | Value::FrozenSet(s) => {
            let frozen = matches!(v, Value::FrozenSet(_));
            let items: Vec<Value> = s.table.borrow().iter().map(|k| k.value.clone()).collect();
            if items.is_empty() {
                out.push_str(if frozen { "frozenset()" } else { "set()" });
                return;
            }
            with_guard(out, v, "{...}", |out| {
                if frozen {
                    out.push_str("frozenset(");
                }
                out.push('{');
                write_items(out, items.iter());
                out.push('}');
                if frozen {
                    out.push(')');
                }
            });
        }
        Value::Range(r) => {
            if r.step == 1 {
                out.push_str(&format!("range({}, {})", r.start, r.stop));
            } else {
                out.push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
            }
        }
        Value::Slice(s) => {
            out.push_str("slice(");
            write_repr(out, &s.start);
            out.push_str(", ");
            write_repr(out, &s.stop);
            out.push_str(", ");
            write_repr(out, &s.step);
            out.push(')');
        }
        Value::Function(f) => out.push_str(&format!(
            "<function {} at {:#x}>",
            f.qualname.as_str(),
            v.heap_address().unwrap_or(0)
        )),
        Value::Builtin(b) => out.push_str(&format!("<built-in function {}>", b.name)),
        Value::BoundMethod(m) => out.push_str(&format!(
            "<built-in method {} of {} object at {:#x}>",
            m.method.name,
            m.receiver.type_name(),
            m.receiver.heap_address().unwrap_or(0)
        )),
        Value::Iter(it) => out.push_str(&format!(
            "<{} object at {:#x}>",
            it.borrow().type_id().name(),
            v.heap_address().unwrap_or(0)
        )),
        Value::Module(m) => {
            if m.name == "sys" || m.name == "math" || m.name == "time" {
                out.push_str(&format!("<module '{}' (built-in)>", m.name));
            } else {
                out.push_str(&format!("<module '{}'>", m.name));
            }
        }
        Value::Type(t) => out.push_str(&format!("<class '{}'>", t.name())),
        Value::Exception(e) => {
            out.push_str(e.kind.name());
            out.push('(');
            write_items(out, e.args.iter());
            out.push(')');
        }
        Value::Cell(_) => out.push_str(&format!("<cell at {:#x}>", v.heap_address().unwrap_or(0))),
        Value::Code(c) => out.push_str(&format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            c.code.name,
            v.heap_address().unwrap_or(0),
            c.code.filename,
            c.code.first_line
        )),
        Value::Ellipsis => out.push_str("Ellipsis"),
        Value::DictView(view) => with_guard(out, v, "...", |out| {
            out.push_str(view.kind.name());
            out.push_str("([");
            match view.kind {
                TypeId::DictKeys => write_items(out, view.dict.keys().iter()),
                TypeId::DictValues => write_items(out, view.dict.values().iter()),
                _ => {
                    let pairs: Vec<Value> = view
                        .dict
                        .items()
                        .into_iter()
                        .map(|(k, v)| Value::tuple(vec![k, v]))
                        .collect();
                    write_items(out, pairs.iter());
                }
            }
            out.push_str("])");
        }),
    }
}
