//! Python exceptions as runtime values. Runtime functions return `PyResult`; an instruction
//! that fails parks the exception in the VM and the engine unwinds frames, adding a traceback
//! entry for each, exactly as CPython reports them. A panic is never the mechanism.

use std::cell::RefCell;
use std::rc::Rc;

use super::types::TypeId;
use super::value::Value;

impl std::fmt::Debug for PyException {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.kind.name())
    }
}

pub struct PyException {
    pub kind: TypeId,
    pub args: Vec<Value>,
    /// Frames the exception passed through, innermost first.
    pub traceback: RefCell<Vec<TraceEntry>>,
}

pub struct TraceEntry {
    pub filename: Rc<str>,
    pub function: Rc<str>,
    pub line: u32,
}

pub type PyErr = Rc<PyException>;
pub type PyResult<T> = Result<T, PyErr>;

impl PyException {
    pub fn new(kind: TypeId, args: Vec<Value>) -> PyErr {
        Rc::new(PyException {
            kind,
            args,
            traceback: RefCell::new(Vec::new()),
        })
    }
}

/// An exception of `kind` whose single argument is `msg`.
#[cold]
pub fn error(kind: TypeId, msg: impl Into<String>) -> PyErr {
    PyException::new(kind, vec![Value::string(msg.into())])
}

#[cold]
pub fn type_error(msg: impl Into<String>) -> PyErr {
    error(TypeId::TypeError, msg)
}

#[cold]
pub fn value_error(msg: impl Into<String>) -> PyErr {
    error(TypeId::ValueError, msg)
}

#[cold]
pub fn index_error(msg: impl Into<String>) -> PyErr {
    error(TypeId::IndexError, msg)
}

#[cold]
pub fn overflow_error(msg: impl Into<String>) -> PyErr {
    error(TypeId::OverflowError, msg)
}

#[cold]
pub fn zero_division(msg: &str) -> PyErr {
    error(TypeId::ZeroDivisionError, msg)
}

#[cold]
pub fn attribute_error(msg: impl Into<String>) -> PyErr {
    error(TypeId::AttributeError, msg)
}

#[cold]
pub fn name_error(name: &str) -> PyErr {
    error(TypeId::NameError, format!("name '{name}' is not defined"))
}

#[cold]
pub fn key_error(key: Value) -> PyErr {
    PyException::new(TypeId::KeyError, vec![key])
}

#[cold]
pub fn no_attribute(value: &Value, name: &str) -> PyErr {
    match value {
        Value::Module(m) => {
            attribute_error(format!("module '{}' has no attribute '{name}'", m.name))
        }
        Value::Type(t) => attribute_error(format!(
            "type object '{}' has no attribute '{name}'",
            t.name()
        )),
        _ => attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            value.type_name()
        )),
    }
}
