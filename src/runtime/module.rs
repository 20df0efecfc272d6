//! Module objects: a name and a namespace dictionary (the globals of the module's code).

use std::cell::Cell;
use std::rc::Rc;

use super::dict::PyDict;

pub struct PyModule {
    pub name: String,
    pub dict: Rc<PyDict>,
    /// True while the module's body runs: a circular `from m import x` then reports the
    /// module as partially initialized, as CPython does.
    pub initializing: Cell<bool>,
}

impl PyModule {
    /// The module's `__file__`, when it came from a file.
    pub fn file(&self) -> Option<String> {
        match self.dict.get_str("__file__") {
            Some(super::value::Value::Str(s)) => Some(s.as_str().to_owned()),
            _ => None,
        }
    }
}
