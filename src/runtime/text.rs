//! String algorithms behind the str methods, with Python semantics.
