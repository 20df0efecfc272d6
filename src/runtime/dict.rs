//! The dict object: an insertion-ordered hash map (indexmap) keyed by a value together with its
//! Python hash. Lookups by a borrowed key build no key object. A layout version, bumped
//! whenever a key is added or removed, lets the global-variable cache keep entry indices.

use std::cell::{Cell, Ref, RefCell};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use indexmap::map::Entry;
use indexmap::{Equivalent, IndexMap};
use rustc_hash::FxHasher;

use super::compare::values_equal;
use super::exceptions::PyResult;
use super::hashing::hash_value;
use super::str::PyStr;
use super::value::{Value, discard};

/// A dictionary or set key: the value and its Python hash.
#[derive(Clone)]
pub struct HashKey {
    pub hash: i64,
    pub value: Value,
}

impl HashKey {
    pub fn new(value: Value) -> PyResult<HashKey> {
        Ok(HashKey {
            hash: hash_value(&value)?,
            value,
        })
    }
}

impl Hash for HashKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

/// Key equality once the hashes agree: str keys (usually the same interned object) and ints
/// inline, everything else out of line.
#[inline(always)]
fn same_key(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => {
            PyStr::ptr_eq(x, y) || (x.may_equal(y) && x.as_str() == y.as_str())
        }
        (Value::Int(x), Value::Int(y)) => x == y,
        _ => values_equal(a, b),
    }
}

impl PartialEq for HashKey {
    #[inline]
    fn eq(&self, other: &HashKey) -> bool {
        self.hash == other.hash && same_key(&self.value, &other.value)
    }
}

impl Eq for HashKey {}

/// A borrowed key for lookups.
pub struct KeyRef<'a> {
    pub hash: i64,
    pub value: &'a Value,
}

impl<'a> KeyRef<'a> {
    pub fn new(value: &'a Value) -> PyResult<KeyRef<'a>> {
        Ok(KeyRef {
            hash: hash_value(value)?,
            value,
        })
    }
}

impl Hash for KeyRef<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl Equivalent<HashKey> for KeyRef<'_> {
    #[inline]
    fn equivalent(&self, key: &HashKey) -> bool {
        self.hash == key.hash && same_key(self.value, &key.value)
    }
}

/// A borrowed `&str` key, equal to the str value with the same text.
struct StrKey<'a> {
    hash: i64,
    text: &'a str,
}

impl Hash for StrKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl Equivalent<HashKey> for StrKey<'_> {
    fn equivalent(&self, key: &HashKey) -> bool {
        self.hash == key.hash && matches!(&key.value, Value::Str(s) if s.as_str() == self.text)
    }
}

/// Dicts of at most this many entries are looked up by scanning their entries.
const SCANNED_DICT_LEN: usize = 8;

pub type Table = IndexMap<HashKey, Value, BuildHasherDefault<FxHasher>>;

#[derive(Default)]
pub struct PyDict {
    table: RefCell<Table>,
    layout_version: Cell<u64>,
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict::default()
    }

    /// A module's namespace, with room for the `names` its code uses (the globals it defines
    /// are among them; at most 16,384, whatever a compiled file claims), so that defining them
    /// does not grow the table step by step.
    pub fn for_module(names: usize) -> PyDict {
        let capacity = names.min(1 << 14);
        PyDict::from_table(Table::with_capacity_and_hasher(
            capacity,
            Default::default(),
        ))
    }

    pub fn from_table(table: Table) -> PyDict {
        PyDict {
            table: RefCell::new(table),
            layout_version: Cell::new(0),
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn layout_version(&self) -> u64 {
        self.layout_version.get()
    }

    fn layout_changed(&self) {
        self.layout_version.set(self.layout_version.get() + 1);
    }

    pub fn borrow(&self) -> Ref<'_, Table> {
        self.table.borrow()
    }

    #[inline]
    pub fn get(&self, key: &Value) -> PyResult<Option<Value>> {
        Ok(self.get_hashed(hash_value(key)?, key))
    }

    /// Looks up `key` whose hash the caller already has. Out of line: the subscript op in the
    /// dispatch loop calls it, and inlined there it cost the loop more than it saved.
    #[inline(never)]
    pub fn get_hashed(&self, hash: i64, key: &Value) -> Option<Value> {
        let table = self.table.borrow();
        // A small dict is scanned instead: the hashed probe compares keys through a function
        // pointer and costs more than checking a few stored hashes. Keys are unique, so both
        // find the same entry.
        if table.len() <= SCANNED_DICT_LEN {
            return table
                .iter()
                .find(|(k, _)| k.hash == hash && same_key(&k.value, key))
                .map(|(_, v)| v.clone());
        }
        table.get(&KeyRef { hash, value: key }).cloned()
    }

    pub fn get_with_index(&self, key: &Value) -> PyResult<Option<(usize, Value)>> {
        let key = KeyRef::new(key)?;
        Ok(self
            .table
            .borrow()
            .get_full(&key)
            .map(|(i, _, v)| (i, v.clone())))
    }

    /// Looks up a str key: first by identity at the entry where this str object was last
    /// found, then by hash.
    /// The remembered-entry check inlines into the subscript op; the hashed lookup stays out
    /// of line.
    #[inline(always)]
    pub fn get_by_str(&self, key: &PyStr, value: &Value) -> Option<Value> {
        // SAFETY: the table is only read, to clone one value (a count increment, which runs
        // no Python code and cannot touch the dict), and the reference is gone before
        // anything else runs. A table mutably borrowed elsewhere falls back to the hashed
        // lookup, as before.
        if let Ok(table) = unsafe { self.table.try_borrow_unguarded() }
            && let Some((k, v)) = table.get_index(key.slot_hint())
            && matches!(&k.value, Value::Str(s) if PyStr::ptr_eq(s, key))
        {
            return Some(v.clone());
        }
        self.get_by_str_hashed(key, value)
    }

    #[inline(never)]
    fn get_by_str_hashed(&self, key: &PyStr, value: &Value) -> Option<Value> {
        let table = self.table.borrow();
        let (index, _, v) = table.get_full(&KeyRef {
            hash: key.hash(),
            value,
        })?;
        key.set_slot_hint(index);
        Some(v.clone())
    }

    /// Stores under a str key, checking the entry where the str object was last found before
    /// hashing.
    /// The remembered-entry check inlines into the store op; the hashed store stays out of
    /// line.
    #[inline(always)]
    pub fn set_by_str(&self, key: PyStr, item: Value) {
        let old = {
            let mut table = self.table.borrow_mut();
            match table.get_index_mut(key.slot_hint()) {
                Some((k, slot)) if matches!(&k.value, Value::Str(s) if PyStr::ptr_eq(s, &key)) => {
                    std::mem::replace(slot, item)
                }
                _ => {
                    drop(table);
                    return self.set_by_str_hashed(key, item);
                }
            }
        };
        drop(key);
        drop(old);
    }

    #[inline(never)]
    fn set_by_str_hashed(&self, key: PyStr, item: Value) {
        let hash = key.hash();
        let index = self.set_hashed(
            HashKey {
                hash,
                value: Value::Str(key.clone()),
            },
            item,
        );
        key.set_slot_hint(index);
    }

    /// Looks up a str key without building a str object.
    pub fn get_str(&self, name: &str) -> Option<Value> {
        let key = StrKey {
            hash: super::text::hash_str(name),
            text: name,
        };
        self.table.borrow().get(&key).cloned()
    }

    /// Where the value of entry `index` lives; valid until the layout version changes.
    pub fn value_ptr(&self, index: usize) -> *const Value {
        self.table
            .borrow()
            .get_index(index)
            .map_or(std::ptr::null(), |(_, v)| v as *const Value)
    }

    pub fn contains(&self, key: &Value) -> PyResult<bool> {
        let key = KeyRef::new(key)?;
        Ok(self.table.borrow().contains_key(&key))
    }

    pub fn set(&self, key: Value, value: Value) -> PyResult<()> {
        let key = HashKey::new(key)?;
        self.set_hashed(key, value);
        Ok(())
    }

    /// Stores under a hashed key with one probe of the table. The old value (if any) is
    /// dropped after the table is released: its drop may run code that reads this dict.
    /// Returns the entry's index.
    pub fn set_hashed(&self, key: HashKey, value: Value) -> usize {
        let (index, old) = match self.table.borrow_mut().entry(key) {
            Entry::Occupied(mut slot) => {
                (slot.index(), Some(std::mem::replace(slot.get_mut(), value)))
            }
            Entry::Vacant(slot) => {
                let index = slot.index();
                slot.insert(value);
                (index, None)
            }
        };
        match old {
            // Counts and other immediates need no drop glue.
            Some(old) => discard(old),
            None => self.layout_changed(),
        }
        index
    }

    pub fn set_str(&self, name: &str, value: Value) {
        let key = HashKey::new(Value::str(name)).expect("str keys are hashable");
        self.set_hashed(key, value);
    }

    pub fn remove(&self, key: &Value) -> PyResult<Option<Value>> {
        let key = KeyRef::new(key)?;
        let removed = self.table.borrow_mut().shift_remove(&key);
        if removed.is_some() {
            self.layout_changed();
        }
        Ok(removed)
    }

    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let popped = self.table.borrow_mut().pop();
        if popped.is_some() {
            self.layout_changed();
        }
        popped.map(|(k, v)| (k.value, v))
    }

    pub fn clear(&self) {
        let old = std::mem::take(&mut *self.table.borrow_mut());
        self.layout_changed();
        drop(old);
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table
            .borrow()
            .keys()
            .map(|k| k.value.clone())
            .collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.table.borrow().values().cloned().collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table
            .borrow()
            .iter()
            .map(|(k, v)| (k.value.clone(), v.clone()))
            .collect()
    }

    pub fn entry_at(&self, index: usize) -> Option<(Value, Value)> {
        self.table
            .borrow()
            .get_index(index)
            .map(|(k, v)| (k.value.clone(), v.clone()))
    }

    pub fn copy(&self) -> PyDict {
        PyDict::from_table(self.table.borrow().clone())
    }
}
