//! `repr()` and `str()` of built-in values, byte-identical to CPython's, including
//! `[...]` for a container that contains itself.
//!
//! The `try_` functions apply CPython's limit on decimal digits of ints (see `int`) and fail
//! as CPython does; `repr`, `to_str` and `ascii` ignore it, for texts that cannot fail, such
//! as error messages.

use std::cell::RefCell;

use super::exceptions::{PyResult, error};
use super::format::float_repr;
use super::int;
use super::text;
use super::types::TypeId;
use super::value::Value;

thread_local! {
    /// How deeply containers may nest in one repr: the VM's recursion limit, as CPython's
    /// repr recursion counts against it. Set by `set_depth_limit`.
    static DEPTH_LIMIT: std::cell::Cell<usize> =
        const { std::cell::Cell::new(super::vm::DEFAULT_RECURSION_LIMIT) };
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

/// `str(v)`, failing on an int over the digit limit.
pub fn try_to_str(v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        Value::Int(i) => {
            let mut s = String::with_capacity(20);
            int::push_decimal(&mut s, *i);
            Ok(s)
        }
        Value::Exception(e) => Ok(exception_message(&e.args, e.kind)),
        _ => try_repr(v),
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
    escape_non_ascii(&repr(v))
}

/// `ascii(v)`, failing on an int over the digit limit.
pub fn try_ascii(v: &Value) -> PyResult<String> {
    Ok(escape_non_ascii(&try_repr(v)?))
}

fn escape_non_ascii(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
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
/// Sets how deeply containers may nest in a repr (the recursion limit).
pub fn set_depth_limit(limit: usize) {
    DEPTH_LIMIT.with(|l| l.set(limit));
}

/// `repr(v)`: never fails (ints past the digit limit and too-deep nesting print in full or
/// as an ellipsis); for error messages and the like.
pub fn repr(v: &Value) -> String {
    let mut out = String::new();
    // Unchecked, writing cannot fail.
    let _ = Writer {
        out: &mut out,
        checked: false,
    }
    .value(v);
    out
}

/// `repr(v)`, failing on an int over the digit limit.
pub fn try_repr(v: &Value) -> PyResult<String> {
    let mut out = String::new();
    Writer {
        out: &mut out,
        checked: true,
    }
    .value(v)?;
    Ok(out)
}

/// The text being built, and whether ints obey the digit limit.
struct Writer<'a> {
    out: &'a mut String,
    checked: bool,
}

impl Writer<'_> {
    fn guarded(
        &mut self,
        v: &Value,
        placeholder: &str,
        body: impl FnOnce(&mut Self) -> PyResult<()>,
    ) -> PyResult<()> {
        let address = v.heap_address().unwrap_or(0);
        let (depth, recursing) = IN_PROGRESS.with(|p| {
            let p = p.borrow();
            (p.len(), p.contains(&address))
        });
        if recursing {
            self.out.push_str(placeholder);
            return Ok(());
        }
        if depth >= DEPTH_LIMIT.with(|limit| limit.get()) {
            // Too deep to print without exhausting the native stack: an error where the
            // caller can raise one, else an ellipsis (in error messages).
            if self.checked {
                return Err(error(
                    TypeId::RecursionError,
                    "maximum recursion depth exceeded while getting the repr of an object",
                ));
            }
            self.out.push_str("...");
            return Ok(());
        }
        IN_PROGRESS.with(|p| p.borrow_mut().push(address));
        let result = body(self);
        IN_PROGRESS.with(|p| p.borrow_mut().pop());
        result
    }

    fn items<'v>(&mut self, items: impl Iterator<Item = &'v Value>) -> PyResult<()> {
        for (i, item) in items.enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.value(item)?;
        }
        Ok(())
    }

    fn value(&mut self, v: &Value) -> PyResult<()> {
        match v {
            Value::Undef => self.out.push_str("<NULL>"),
            Value::None => self.out.push_str("None"),
            Value::Bool(true) => self.out.push_str("True"),
            Value::Bool(false) => self.out.push_str("False"),
            Value::Int(i) => int::push_decimal(self.out, *i),
            Value::BigInt(n) if self.checked => self.out.push_str(&int::to_decimal(n)?),
            Value::BigInt(n) => self.out.push_str(&n.to_string()),
            Value::Float(f) => self.out.push_str(&float_repr(*f)),
            Value::Str(s) => self.out.push_str(&text::repr(s.as_str())),
            Value::List(l) => self.guarded(v, "[...]", |w| {
                w.out.push('[');
                w.items(l.borrow().iter())?;
                w.out.push(']');
                Ok(())
            })?,
            Value::Tuple(t) => self.guarded(v, "(...)", |w| {
                w.out.push('(');
                w.items(t.iter())?;
                if t.len() == 1 {
                    w.out.push(',');
                }
                w.out.push(')');
                Ok(())
            })?,
            Value::Dict(d) => self.guarded(v, "{...}", |w| {
                w.out.push('{');
                for (i, (k, val)) in d.items().iter().enumerate() {
                    if i > 0 {
                        w.out.push_str(", ");
                    }
                    w.value(k)?;
                    w.out.push_str(": ");
                    w.value(val)?;
                }
                w.out.push('}');
                Ok(())
            })?,
            Value::Set(s) | Value::FrozenSet(s) => {
                let frozen = matches!(v, Value::FrozenSet(_));
                let items: Vec<Value> = s.table.borrow().iter().map(|k| k.value.clone()).collect();
                if items.is_empty() {
                    self.out
                        .push_str(if frozen { "frozenset()" } else { "set()" });
                    return Ok(());
                }
                self.guarded(v, "{...}", |w| {
                    if frozen {
                        w.out.push_str("frozenset(");
                    }
                    w.out.push('{');
                    w.items(items.iter())?;
                    w.out.push('}');
                    if frozen {
                        w.out.push(')');
                    }
                    Ok(())
                })?;
            }
            Value::Range(r) => {
                if r.step == 1 {
                    self.out
                        .push_str(&format!("range({}, {})", r.start, r.stop));
                } else {
                    self.out
                        .push_str(&format!("range({}, {}, {})", r.start, r.stop, r.step));
                }
            }
            Value::Slice(s) => {
                self.out.push_str("slice(");
                self.value(&s.start)?;
                self.out.push_str(", ");
                self.value(&s.stop)?;
                self.out.push_str(", ");
                self.value(&s.step)?;
                self.out.push(')');
            }
            Value::Function(f) => self.out.push_str(&format!(
                "<function {} at {:#x}>",
                f.qualname().as_str(),
                v.heap_address().unwrap_or(0)
            )),
            Value::Builtin(b) => self
                .out
                .push_str(&format!("<built-in function {}>", b.name)),
            Value::BoundMethod(m) => self.out.push_str(&format!(
                "<built-in method {} of {} object at {:#x}>",
                m.method.name,
                m.receiver.type_name(),
                m.receiver.heap_address().unwrap_or(0)
            )),
            Value::Iter(it) => self.out.push_str(&format!(
                "<{} object at {:#x}>",
                it.borrow().type_id().name(),
                v.heap_address().unwrap_or(0)
            )),
            Value::Module(m) => {
                if let Some(file) = m.file() {
                    self.out
                        .push_str(&format!("<module '{}' from '{file}'>", m.name));
                } else if m.name == "sys" || m.name == "math" || m.name == "time" {
                    self.out
                        .push_str(&format!("<module '{}' (built-in)>", m.name));
                } else {
                    self.out.push_str(&format!("<module '{}'>", m.name));
                }
            }
            Value::Type(t) => self.out.push_str(&format!("<class '{}'>", t.name())),
            Value::Exception(e) => {
                self.out.push_str(e.kind.name());
                self.out.push('(');
                self.items(e.args.iter())?;
                self.out.push(')');
            }
            Value::Cell(_) => self
                .out
                .push_str(&format!("<cell at {:#x}>", v.heap_address().unwrap_or(0))),
            Value::Code(c) => self.out.push_str(&format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name(),
                v.heap_address().unwrap_or(0),
                c.filename(),
                c.first_line()
            )),
            Value::Ellipsis => self.out.push_str("Ellipsis"),
            Value::MethodDescriptor(d) => self.out.push_str(&format!(
                "<method '{}' of '{}' objects>",
                d.method.name,
                d.owner.name()
            )),
            Value::DictView(view) => self.guarded(v, "...", |w| {
                w.out.push_str(view.kind.name());
                w.out.push_str("([");
                match view.kind {
                    TypeId::DictKeys => w.items(view.dict.keys().iter())?,
                    TypeId::DictValues => w.items(view.dict.values().iter())?,
                    _ => {
                        let pairs: Vec<Value> = view
                            .dict
                            .items()
                            .into_iter()
                            .map(|(k, v)| Value::tuple(vec![k, v]))
                            .collect();
                        w.items(pairs.iter())?;
                    }
                }
                w.out.push_str("])");
                Ok(())
            })?,
        }
        Ok(())
    }
}
