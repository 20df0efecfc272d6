//! Module objects: a name and a namespace dictionary (the globals of the module's code).

use std::rc::Rc;

use super::dict::PyDict;

pub struct PyModule {
    pub name: String,
    pub dict: Rc<PyDict>,
}
