//! The set object. `SetTable` hides the hash table so its layout (and with it the iteration
//! order that `print` shows) can follow CPython's.

use std::cell::RefCell;
use std::hash::BuildHasherDefault;

use indexmap::IndexSet;
use rustc_hash::FxHasher;

use super::dict::{HashKey, KeyRef};

#[derive(Clone, Default)]
pub struct SetTable {
    entries: IndexSet<HashKey, BuildHasherDefault<FxHasher>>,
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a key; false if it was already present.
    pub fn insert(&mut self, key: HashKey) -> bool {
        self.entries.insert(key)
    }

    pub fn contains(&self, key: &KeyRef<'_>) -> bool {
        self.entries.contains(key)
    }

    pub fn remove(&mut self, key: &KeyRef<'_>) -> Option<HashKey> {
        self.entries.shift_take(key)
    }

    /// Removes an arbitrary element (the one `set.pop` picks).
    pub fn pop(&mut self) -> Option<HashKey> {
        self.entries.shift_remove_index(0)
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// The keys in iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &HashKey> {
        self.entries.iter()
    }
}

#[derive(Default)]
pub struct PySet {
    pub table: RefCell<SetTable>,
}

impl PySet {
    pub fn new(table: SetTable) -> PySet {
        PySet {
            table: RefCell::new(table),
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
