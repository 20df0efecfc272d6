//! The set object. Python leaves a set's order unspecified, but programs print sets, iterate
//! them and `pop` from them, and CPython's answers are what people compare against. So
//! `SetTable` mirrors CPython 3.11's `Objects/setobject.c` slot for slot: a power-of-two table
//! probed in runs of neighbouring slots followed by perturbed jumps, deletions that leave
//! dummies, the same growth rule, and a `pop` finger. Iteration walks the slots in order. The
//! set operations below build their results in the order CPython does, because that order
//! decides the layout. Keys whose hashes match CPython's (numbers, `None`, tuples of those) then
//! come out in exactly CPython's order; strings hash differently from run to run in CPython
//! anyway.

use std::cell::RefCell;
use std::rc::Rc;

use super::compare::values_equal;
use super::dict::{HashKey, KeyRef, PyDict};
use super::exceptions::PyResult;
use super::iter;
use super::value::Value;
use super::vm::Vm;

/// The size of a new or cleared table.
const MIN_SIZE: usize = 8;
/// How many slots after the first a probe run examines before jumping.
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// Above this many keys a growing table only doubles instead of quadrupling.
const LARGE_SET: usize = 50_000;

#[derive(Clone, Default)]
enum Slot {
    #[default]
    Empty,
    /// A deleted key: lookups probe past it and an insertion may reuse it.
    Dummy,
    Active(HashKey),
}

#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Active and dummy slots; an insertion into an empty slot grows the table when this
    /// reaches 3/5 of it.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where the next `pop` starts looking.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable::with_size(MIN_SIZE)
    }
}

/// The slots a key with a given hash visits, in CPython's order: a run of `LINEAR_PROBES + 1`
/// neighbours when it fits before the end of the table (else just one slot), then a jump
/// mixing in the next bits of the hash.
struct Probe {
    mask: usize,
    start: usize,
    offset: usize,
    run: usize,
    perturb: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        let start = hash as usize & mask;
        Probe {
            mask,
            start,
            offset: 0,
            run: run_length(start, mask),
            perturb: hash as usize,
        }
    }

    fn next_slot(&mut self) -> usize {
        if self.offset == self.run {
            self.perturb >>= PERTURB_SHIFT;
            self.start = self
                .start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb)
                & self.mask;
            self.offset = 0;
            self.run = run_length(self.start, self.mask);
        }
        let slot = self.start + self.offset;
        self.offset += 1;
        slot
    }
}

fn run_length(start: usize, mask: usize) -> usize {
    if start + LINEAR_PROBES <= mask {
        LINEAR_PROBES + 1
    } else {
        1
    }
}

/// The `used` value a full table is resized for.
fn growth_target(used: usize) -> usize {
    if used > LARGE_SET { used * 2 } else { used * 4 }
}

impl SetTable {
    pub fn new() -> SetTable {
        SetTable::default()
    }

    fn with_size(size: usize) -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; size],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// A table holding `keys`, added in order.
    pub fn from_keys(keys: impl IntoIterator<Item = HashKey>) -> SetTable {
        let mut table = SetTable::new();
        for key in keys {
            table.insert(key);
        }
        table
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    fn find(&self, key: &KeyRef<'_>) -> Option<usize> {
        let mut probe = Probe::new(key.hash, self.mask());
        loop {
            let index = probe.next_slot();
            match &self.slots[index] {
                Slot::Empty => return None,
                Slot::Active(k) if k.hash == key.hash && values_equal(&k.value, key.value) => {
                    return Some(index);
                }
                Slot::Active(_) | Slot::Dummy => {}
            }
        }
    }

    pub fn contains(&self, key: &KeyRef<'_>) -> bool {
        self.find(key).is_some()
    }

    /// Adds a key; false if an equal key was already present (the old key stays). A new key
    /// takes the last dummy on its probe path, if any, else the empty slot ending it.
    pub fn insert(&mut self, key: HashKey) -> bool {
        let mut probe = Probe::new(key.hash, self.mask());
        let mut dummy = None;
        let empty = loop {
            let index = probe.next_slot();
            match &self.slots[index] {
                Slot::Empty => break index,
                Slot::Dummy => dummy = Some(index),
                Slot::Active(k) if k.hash == key.hash && values_equal(&k.value, &key.value) => {
                    return false;
                }
                Slot::Active(_) => {}
            }
        };
        self.used += 1;
        if let Some(dummy) = dummy {
            self.slots[dummy] = Slot::Active(key);
            return true;
        }
        self.slots[empty] = Slot::Active(key);
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            self.resize(growth_target(self.used));
        }
        true
    }

    /// Places a key known to be absent into a table without dummies.
    fn insert_clean(&mut self, key: HashKey) {
        let mut probe = Probe::new(key.hash, self.mask());
        loop {
            let index = probe.next_slot();
            if let Slot::Empty = self.slots[index] {
                self.slots[index] = Slot::Active(key);
                return;
            }
        }
    }

    /// Rebuilds the table with the smallest size above `min_used`, re-adding the keys in slot
    /// order and dropping the dummies.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(key) = slot {
                self.insert_clean(key);
            }
        }
    }

    pub fn remove(&mut self, key: &KeyRef<'_>) -> Option<HashKey> {
        let index = self.find(key)?;
        self.used -= 1;
        match std::mem::replace(&mut self.slots[index], Slot::Dummy) {
            Slot::Active(key) => Some(key),
            Slot::Empty | Slot::Dummy => unreachable!("find returns active slots"),
        }
    }

    /// Removes the first key at or after the finger (the one `set.pop` picks).
    pub fn pop(&mut self) -> Option<HashKey> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut index = self.finger & mask;
        while !matches!(self.slots[index], Slot::Active(_)) {
            index = (index + 1) & mask;
        }
        self.used -= 1;
        self.finger = index + 1;
        match std::mem::replace(&mut self.slots[index], Slot::Dummy) {
            Slot::Active(key) => Some(key),
            Slot::Empty | Slot::Dummy => unreachable!("the loop stops at an active slot"),
        }
    }

    /// Empties the table back to its minimum size; the pop finger stays where it was.
    pub fn clear(&mut self) {
        let finger = self.finger;
        *self = SetTable {
            finger,
            ..SetTable::new()
        };
    }

    /// Replaces the contents with `other`'s, keeping this set's pop finger (what CPython's
    /// in-place intersection does when it swaps in the result).
    pub fn replace_contents(&mut self, other: SetTable) {
        let finger = self.finger;
        *self = SetTable { finger, ..other };
    }

    /// The keys in iteration (slot) order.
    pub fn iter(&self) -> impl Iterator<Item = &HashKey> {
        self.slots.iter().filter_map(|slot| match slot {
            Slot::Active(key) => Some(key),
            Slot::Empty | Slot::Dummy => None,
        })
    }

    /// Grows the table once up front for `incoming` new keys, as CPython does before merging
    /// a set or a dict into a set.
    fn reserve(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask() * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }

    /// Adds every key of `other` (a different set). An empty table of the same size as a
    /// dummy-free `other` takes its layout outright.
    pub fn merge(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        self.reserve(other.used);
        if self.fill == 0 {
            if self.mask() == other.mask() && other.fill == other.used {
                self.slots.clone_from(&other.slots);
            } else {
                for key in other.iter() {
                    self.insert_clean(key.clone());
                }
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for key in other.iter() {
            self.insert(key.clone());
        }
    }

    /// `set(s)` and `s.copy()`: a new table merged from this one.
    pub fn copy(&self) -> SetTable {
        let mut table = SetTable::new();
        table.merge(self);
        table
    }

    /// The keys of both tables: CPython walks the smaller one (`other` on a tie) and keeps
    /// the keys the larger one holds.
    pub fn intersection(&self, other: &SetTable) -> SetTable {
        let (walked, probed) = if other.len() > self.len() {
            (self, other)
        } else {
            (other, self)
        };
        probed.intersection_with(walked.iter())
    }

    /// The keys of `candidates`, in order, that this table also holds.
    pub fn intersection_with<'k>(
        &self,
        candidates: impl IntoIterator<Item = &'k HashKey>,
    ) -> SetTable {
        let mut result = SetTable::new();
        for key in candidates {
            if self.contains(&key_ref(key)) {
                result.insert(key.clone());
            }
        }
        result
    }

    /// The keys not in `other`. Far larger than `other`, the result is a copy with `other`'s
    /// keys removed; otherwise the keys are added one by one to a new table.
    pub fn difference(&self, other: &SetTable) -> SetTable {
        if self.len() >> 2 > other.len() {
            let mut result = self.copy();
            result.difference_update(other.iter());
            return result;
        }
        let mut result = SetTable::new();
        for key in self.iter() {
            if !other.contains(&key_ref(key)) {
                result.insert(key.clone());
            }
        }
        result
    }

    /// Removes `keys`, then rebuilds the table if more than a quarter of it is dummies.
    pub fn difference_update<'k>(&mut self, keys: impl IntoIterator<Item = &'k HashKey>) {
        for key in keys {
            self.remove(&key_ref(key));
        }
        if self.fill - self.used > self.mask() / 4 {
            self.resize(growth_target(self.used));
        }
    }

    /// Removes each of `keys` that is present and adds each that is not, in order.
    pub fn symmetric_difference_update<'k>(&mut self, keys: impl IntoIterator<Item = &'k HashKey>) {
        for key in keys {
            if self.remove(&key_ref(key)).is_none() {
                self.insert(key.clone());
            }
        }
    }
}

fn key_ref(key: &HashKey) -> KeyRef<'_> {
    KeyRef {
        hash: key.hash,
        value: &key.value,
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

/// The other operand of a set operation, told apart the way CPython's set code does: sets and
/// dicts have their own paths, any other iterable is consumed up front.
pub enum Operand {
    Set(Rc<PySet>),
    Dict(Rc<PyDict>),
    Keys(Vec<HashKey>),
}

impl Operand {
    pub fn new(vm: &mut Vm, value: &Value) -> PyResult<Operand> {
        Ok(match value {
            Value::Set(set) | Value::FrozenSet(set) => Operand::Set(set.clone()),
            Value::Dict(dict) => Operand::Dict(dict.clone()),
            other => Operand::Keys(
                iter::collect(vm, other)?
                    .into_iter()
                    .map(HashKey::new)
                    .collect::<PyResult<_>>()?,
            ),
        })
    }

    /// Whether this operand is the set `set` itself.
    pub fn is(&self, set: &Rc<PySet>) -> bool {
        matches!(self, Operand::Set(own) if Rc::ptr_eq(own, set))
    }

    /// `table.update(operand)`; `table` must not be the operand's own table.
    pub fn add_to(&self, table: &mut SetTable) {
        match self {
            Operand::Set(set) => table.merge(&set.table.borrow()),
            Operand::Dict(dict) => {
                let dict = dict.borrow();
                table.reserve(dict.len());
                for key in dict.keys() {
                    table.insert(key.clone());
                }
            }
            Operand::Keys(keys) => {
                for key in keys {
                    table.insert(key.clone());
                }
            }
        }
    }

    /// `set(operand)`.
    pub fn to_table(&self) -> SetTable {
        let mut table = SetTable::new();
        self.add_to(&mut table);
        table
    }

    /// `set & operand`.
    pub fn intersect(&self, set: &Rc<PySet>) -> SetTable {
        let table = set.table.borrow();
        match self {
            Operand::Set(other) if Rc::ptr_eq(other, set) => table.copy(),
            Operand::Set(other) => table.intersection(&other.table.borrow()),
            Operand::Dict(dict) => table.intersection_with(dict.borrow().keys()),
            Operand::Keys(keys) => table.intersection_with(keys),
        }
    }

    /// `set - operand`.
    pub fn subtract_from(&self, set: &PySet) -> SetTable {
        let table = set.table.borrow();
        match self {
            Operand::Set(other) => table.difference(&other.table.borrow()),
            Operand::Dict(dict) => {
                table.difference(&SetTable::from_keys(dict.borrow().keys().cloned()))
            }
            Operand::Keys(keys) => {
                let mut result = table.copy();
                result.difference_update(keys);
                result
            }
        }
    }

    /// `set -= operand`.
    pub fn remove_from(&self, set: &Rc<PySet>) {
        if self.is(set) {
            set.table.borrow_mut().clear();
            return;
        }
        let mut table = set.table.borrow_mut();
        match self {
            Operand::Set(other) => table.difference_update(other.table.borrow().iter()),
            Operand::Dict(dict) => table.difference_update(dict.borrow().keys()),
            Operand::Keys(keys) => table.difference_update(keys),
        }
    }

    /// `set ^= operand`: a set is walked in its slot order, a dict in its key order, and any
    /// other iterable first becomes a set.
    pub fn toggle_in(&self, set: &Rc<PySet>) {
        if self.is(set) {
            set.table.borrow_mut().clear();
            return;
        }
        let mut table = set.table.borrow_mut();
        match self {
            Operand::Set(other) => table.symmetric_difference_update(other.table.borrow().iter()),
            Operand::Dict(dict) => table.symmetric_difference_update(dict.borrow().keys()),
            Operand::Keys(_) => table.symmetric_difference_update(self.to_table().iter()),
        }
    }

    /// `set ^ operand`: a set made from the operand, toggled by `set`'s keys.
    pub fn symmetric_difference(&self, set: &PySet) -> SetTable {
        let mut result = self.to_table();
        result.symmetric_difference_update(set.table.borrow().iter());
        result
    }
}
