//! Iterators over the built-in types, and the lazy built-in iterators (`map`, `filter`,
//! `zip`, `enumerate`, `reversed`, `iter(callable, sentinel)`). `for` over a range or a list
//! takes an inline fast path; iterators that call back into Python (`map`, `filter`, the
//! callable iterator) go through the VM.

use std::cell::RefCell;
use std::rc::Rc;

use super::compare::values_equal;
use super::dict::{HashKey, KeyRef, PyDict};
use super::exceptions::{PyResult, error, type_error};
use super::set::{PySet, SetTable};
use super::str::PyStr;
use super::types::TypeId;
use super::value::{PyList, Value};
use super::vm::Vm;

pub enum PyIter {
    Range {
        next: i128,
        remaining: i128,
        step: i128,
    },
    List {
        list: Rc<PyList>,
        index: usize,
    },
    ListReverse {
        list: Rc<PyList>,
        index: usize,
    },
    Tuple {
        tuple: Rc<Vec<Value>>,
        index: usize,
    },
    Str {
        text: PyStr,
        byte_index: usize,
    },
    DictKeys {
        dict: Rc<PyDict>,
        index: usize,
        len: usize,
    },
    DictValues {
        dict: Rc<PyDict>,
        index: usize,
        len: usize,
    },
    DictItems {
        dict: Rc<PyDict>,
        index: usize,
        len: usize,
    },
    /// A snapshot (sets, and sequences materialized up front).
    Items {
        items: Vec<Value>,
        index: usize,
        kind: TypeId,
    },
    Enumerate {
        inner: Value,
        count: i64,
    },
    Zip {
        inners: Rc<[Value]>,
    },
    Map {
        func: Value,
        inners: Rc<[Value]>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(callable, sentinel)`: calls `func` until it returns `sentinel`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    Exhausted {
        kind: TypeId,
    },
}

impl PyIter {
    pub fn type_id(&self) -> TypeId {
        match self {
            PyIter::Range { .. } => TypeId::RangeIterator,
            PyIter::List { .. } => TypeId::ListIterator,
            PyIter::ListReverse { .. } => TypeId::ListReverseIterator,
            PyIter::Tuple { .. } => TypeId::TupleIterator,
            PyIter::Str { text, .. } if text.is_ascii() => TypeId::StrAsciiIterator,
            PyIter::Str { .. } => TypeId::StrIterator,
            PyIter::DictKeys { .. } => TypeId::DictKeyIterator,
            PyIter::DictValues { .. } => TypeId::DictValueIterator,
            PyIter::DictItems { .. } => TypeId::DictItemIterator,
            PyIter::Items { kind, .. } | PyIter::Exhausted { kind } => *kind,
            PyIter::Enumerate { .. } => TypeId::Enumerate,
            PyIter::Zip { .. } => TypeId::Zip,
            PyIter::Map { .. } => TypeId::Map,
            PyIter::Filter { .. } => TypeId::Filter,
            PyIter::Callable { .. } => TypeId::CallableIterator,
        }
    }
}

fn wrap(it: PyIter) -> Value {
    Value::Iter(Rc::new(RefCell::new(it)))
}

/// `iter(v)`.
pub fn get_iter(v: &Value) -> PyResult<Value> {
    Ok(wrap(match v {
        Value::Range(r) => PyIter::Range {
            next: r.start,
            remaining: r.len(),
            step: r.step,
        },
        Value::List(l) => PyIter::List {
            list: l.clone(),
            index: 0,
        },
        Value::Tuple(t) => PyIter::Tuple {
            tuple: t.clone(),
            index: 0,
        },
        Value::Str(s) => PyIter::Str {
            text: s.clone(),
            byte_index: 0,
        },
        Value::Dict(d) => PyIter::DictKeys {
            dict: d.clone(),
            index: 0,
            len: d.len(),
        },
        Value::Set(s) | Value::FrozenSet(s) => PyIter::Items {
            items: s.table.borrow().iter().map(|k| k.value.clone()).collect(),
            index: 0,
            kind: TypeId::SetIterator,
        },
        Value::Iter(_) => return Ok(v.clone()),
        Value::DictView(view) => return Ok(dict_view_iter(&view.dict, view.kind)),
        _ => {
            return Err(type_error(format!(
                "'{}' object is not iterable",
                v.type_name()
            )));
        }
    }))
}

/// The next item without calling back into Python, or `None` when the iterator needs the VM
/// (or is exhausted — `next_slow` tells which).
#[inline(always)]
pub fn next_fast(it: &Rc<RefCell<PyIter>>) -> Option<Option<Value>> {
    let mut it = it.borrow_mut();
    match &mut *it {
        PyIter::Range {
            next,
            remaining,
            step,
        } => {
            if *remaining <= 0 {
                return Some(None);
            }
            let v = *next;
            *remaining -= 1;
            *next += *step;
            Some(Some(Value::from_i128(v)))
        }
        PyIter::List { list, index } => {
            let item = list.borrow().get(*index).cloned();
            // Once exhausted it stays so, as CPython's drops its list: items appended later
            // are not seen.
            *index = if item.is_some() {
                *index + 1
            } else {
                usize::MAX
            };
            Some(item)
        }
        PyIter::Str { text, byte_index } => Some(next_char(text, byte_index)),
        _ => None,
    }
}

/// The char of `text` at `byte_index` as a str, stepping past it.
fn next_char(text: &PyStr, byte_index: &mut usize) -> Option<Value> {
    let rest = text.as_str().get(*byte_index..)?;
    if let Some(&byte) = rest.as_bytes().first()
        && byte.is_ascii()
    {
        *byte_index += 1;
        return Some(Value::char(char::from(byte)));
    }
    let c = rest.chars().next()?;
    *byte_index += c.len_utf8();
    Some(Value::char(c))
}

/// What one step of an iterator that calls back into Python needs, cloned out of its cell:
/// the iterator's state stays in place while Python runs (as in CPython), so a callback that
/// advances the same iterator sees and updates its real state.
enum VmStep {
    Enumerate { inner: Value },
    Zip { inners: Rc<[Value]> },
    Map { func: Value, inners: Rc<[Value]> },
    Filter { func: Value, inner: Value },
    Callable { func: Value, sentinel: Value },
}

/// The next item of any iterator; `Ok(None)` when exhausted.
pub fn next_slow(vm: &mut Vm, it: &Rc<RefCell<PyIter>>) -> PyResult<Option<Value>> {
    match next_fast(it) {
        Some(result) => Ok(result),
        None => next_not_fast(vm, it),
    }
}

/// The next item of an iterator that `next_fast` does not step.
#[inline(always)]
fn next_not_fast(vm: &mut Vm, it: &Rc<RefCell<PyIter>>) -> PyResult<Option<Value>> {
    let step = match &mut *it.borrow_mut() {
        PyIter::Enumerate { inner, .. } => VmStep::Enumerate {
            inner: inner.clone(),
        },
        PyIter::Zip { inners } => VmStep::Zip {
            inners: inners.clone(),
        },
        PyIter::Map { func, inners } => VmStep::Map {
            func: func.clone(),
            inners: inners.clone(),
        },
        PyIter::Filter { func, inner } => VmStep::Filter {
            func: func.clone(),
            inner: inner.clone(),
        },
        PyIter::Callable { func, sentinel } => VmStep::Callable {
            func: func.clone(),
            sentinel: sentinel.clone(),
        },
        other => return Ok(next_plain(other)),
    };
    next_with_vm(vm, it, step)
}

fn next_plain(it: &mut PyIter) -> Option<Value> {
    match it {
        PyIter::ListReverse { list, index } => {
            if *index == 0 {
                return None;
            }
            *index -= 1;
            list.borrow().get(*index).cloned()
        }
        PyIter::Tuple { tuple, index } => {
            let item = tuple.get(*index).cloned();
            *index += 1;
            item
        }
        PyIter::Str { text, byte_index } => next_char(text, byte_index),
        PyIter::DictKeys { dict, index, .. } => {
            let (k, _) = dict.entry_at(*index)?;
            *index += 1;
            Some(k)
        }
        PyIter::DictValues { dict, index, .. } => {
            let (_, v) = dict.entry_at(*index)?;
            *index += 1;
            Some(v)
        }
        PyIter::DictItems { dict, index, .. } => {
            let (k, v) = dict.entry_at(*index)?;
            *index += 1;
            Some(Value::tuple(vec![k, v]))
        }
        PyIter::Items { items, index, .. } => {
            let item = items.get(*index).cloned();
            *index += 1;
            item
        }
        _ => None,
    }
}

fn dict_size_check(it: &PyIter) -> PyResult<()> {
    match it {
        PyIter::DictKeys { dict, len, .. }
        | PyIter::DictValues { dict, len, .. }
        | PyIter::DictItems { dict, len, .. }
            if dict.len() != *len =>
        {
            Err(error(
                TypeId::RuntimeError,
                "dictionary changed size during iteration",
            ))
        }
        _ => Ok(()),
    }
}

fn next_with_vm(vm: &mut Vm, it: &Rc<RefCell<PyIter>>, step: VmStep) -> PyResult<Option<Value>> {
    match step {
        VmStep::Enumerate { inner } => {
            let Some(item) = next(vm, &inner)? else {
                return Ok(None);
            };
            // The count is read after the inner step, which may have advanced it (CPython
            // does the same).
            let n = match &mut *it.borrow_mut() {
                PyIter::Enumerate { count, .. } => {
                    let n = *count;
                    *count += 1;
                    n
                }
                _ => return Ok(None),
            };
            Ok(Some(Value::tuple(vec![Value::Int(n), item])))
        }
        VmStep::Zip { inners } => {
            let mut items = Vec::with_capacity(inners.len());
            for inner in inners.iter() {
                match next(vm, inner)? {
                    Some(item) => items.push(item),
                    None => return Ok(None),
                }
            }
            if items.is_empty() {
                return Ok(None);
            }
            Ok(Some(Value::tuple(items)))
        }
        // The common single-iterable map passes its item without building an argument vector.
        VmStep::Map { func, inners } if inners.len() == 1 => {
            let Some(item) = next(vm, &inners[0])? else {
                return Ok(None);
            };
            vm.call(&func, std::slice::from_ref(&item)).map(Some)
        }
        VmStep::Map { func, inners } => {
            let mut args = Vec::with_capacity(inners.len());
            for inner in inners.iter() {
                match next(vm, inner)? {
                    Some(item) => args.push(item),
                    None => return Ok(None),
                }
            }
            vm.call(&func, &args).map(Some)
        }
        VmStep::Filter { func, inner } => loop {
            let Some(item) = next(vm, &inner)? else {
                return Ok(None);
            };
            let keep = match &func {
                Value::None => item.is_truthy(),
                f => vm.call(f, std::slice::from_ref(&item))?.is_truthy(),
            };
            if keep {
                return Ok(Some(item));
            }
        },
        VmStep::Callable { func, sentinel } => {
            let ended = match vm.call(&func, &[]) {
                Ok(v) if v.is(&sentinel) || values_equal(&v, &sentinel) => Ok(None),
                Ok(v) => return Ok(Some(v)),
                // As CPython's `calliter_iternext`, a `StopIteration` from the callable ends
                // the iteration instead of propagating.
                Err(e) if e.kind.is_subtype_of(TypeId::StopIteration) => Ok(None),
                Err(e) => Err(e),
            };
            if matches!(ended, Ok(None)) {
                *it.borrow_mut() = PyIter::Exhausted {
                    kind: TypeId::CallableIterator,
                };
            }
            ended
        }
    }
}

/// `next(it)` on an iterator value; `Ok(None)` when exhausted.
pub fn next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    match it {
        Value::Iter(cell) => {
            // Range, list and str iterators step first, before the dict size check.
            if let Some(result) = next_fast(cell) {
                return Ok(result);
            }
            dict_size_check(&cell.borrow())?;
            next_not_fast(vm, cell)
        }
        other => Err(type_error(format!(
            "'{}' object is not an iterator",
            other.type_name()
        ))),
    }
}

/// All items of an iterable.
pub fn collect(vm: &mut Vm, iterable: &Value) -> PyResult<Vec<Value>> {
    match iterable {
        Value::List(l) => return Ok(l.borrow().clone()),
        Value::Tuple(t) => return Ok((**t).clone()),
        _ => {}
    }
    let it = get_iter(iterable)?;
    let mut items = Vec::new();
    if let Value::Iter(cell) = &it {
        // `list(map(f, xs))` and `list(filter(f, xs))`: the function and the inner iterator
        // are taken once instead of at every step. All of either iterator's state is in its
        // inner iterator, so stepping that directly is stepping the map or filter.
        let step = match &*cell.borrow() {
            PyIter::Map { func, inners } if inners.len() == 1 => {
                Some((func.clone(), inners[0].clone(), true))
            }
            PyIter::Filter { func, inner } => Some((func.clone(), inner.clone(), false)),
            _ => None,
        };
        if let Some((func, inner, is_map)) = step {
            // The inner iterator is usually a list or range iterator, stepped inline.
            let step_inner = |vm: &mut Vm| match &inner {
                Value::Iter(cell) => match next_fast(cell) {
                    Some(result) => Ok(result),
                    None => next(vm, &inner),
                },
                _ => next(vm, &inner),
            };
            while let Some(item) = step_inner(vm)? {
                if is_map {
                    items.push(vm.call(&func, std::slice::from_ref(&item))?);
                    continue;
                }
                let keep = match &func {
                    Value::None => item.is_truthy(),
                    f => vm.call(f, std::slice::from_ref(&item))?.is_truthy(),
                };
                if keep {
                    items.push(item);
                }
            }
            return Ok(items);
        }
    }
    while let Some(item) = next(vm, &it)? {
        items.push(item);
    }
    Ok(items)
}

pub fn set_from_values(items: Vec<Value>) -> PyResult<PySet> {
    let mut table = SetTable::new();
    for item in items {
        table.insert(HashKey::new(item)?);
    }
    Ok(PySet::new(table))
}

pub fn new_enumerate(inner: Value, start: i64) -> Value {
    wrap(PyIter::Enumerate {
        inner,
        count: start,
    })
}

pub fn new_zip(inners: Vec<Value>) -> Value {
    wrap(PyIter::Zip {
        inners: inners.into(),
    })
}

pub fn new_map(func: Value, inners: Vec<Value>) -> Value {
    wrap(PyIter::Map {
        func,
        inners: inners.into(),
    })
}

pub fn new_filter(func: Value, inner: Value) -> Value {
    wrap(PyIter::Filter { func, inner })
}

pub fn new_callable_iter(func: Value, sentinel: Value) -> Value {
    wrap(PyIter::Callable { func, sentinel })
}

pub fn new_reversed(v: &Value) -> PyResult<Value> {
    Ok(wrap(match v {
        Value::List(l) => PyIter::ListReverse {
            list: l.clone(),
            index: l.borrow().len(),
        },
        Value::Tuple(t) => PyIter::Items {
            items: t.iter().rev().cloned().collect(),
            index: 0,
            kind: TypeId::Reversed,
        },
        Value::Str(s) => PyIter::Items {
            items: s
                .as_str()
                .chars()
                .rev()
                .map(|c| Value::string(c.to_string()))
                .collect(),
            index: 0,
            kind: TypeId::Reversed,
        },
        Value::Range(r) => {
            let n = r.len();
            PyIter::Range {
                next: r.start + (n - 1) * r.step,
                remaining: n,
                step: -r.step,
            }
        }
        Value::Dict(d) => PyIter::Items {
            items: d.keys().into_iter().rev().collect(),
            index: 0,
            kind: TypeId::Reversed,
        },
        _ => {
            return Err(type_error(format!(
                "'{}' object is not reversible",
                v.type_name()
            )));
        }
    }))
}

pub fn dict_view_iter(dict: &Rc<PyDict>, kind: TypeId) -> Value {
    let (index, len, dict) = (0, dict.len(), dict.clone());
    wrap(match kind {
        TypeId::DictValues => PyIter::DictValues { dict, index, len },
        TypeId::DictItems => PyIter::DictItems { dict, index, len },
        _ => PyIter::DictKeys { dict, index, len },
    })
}

/// `item in container`.
pub fn contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    match container {
        Value::List(l) => Ok(l
            .borrow()
            .iter()
            .any(|x| x.is(item) || values_equal(x, item))),
        Value::Tuple(t) => Ok(t.iter().any(|x| x.is(item) || values_equal(x, item))),
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
            _ => Err(type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                item.type_name()
            ))),
        },
        Value::Dict(d) => d.contains(item),
        Value::DictView(view) => match view.kind {
            TypeId::DictKeys => view.dict.contains(item),
            TypeId::DictItems => {
                let Value::Tuple(pair) = item else {
                    return Ok(false);
                };
                if pair.len() != 2 {
                    return Ok(false);
                }
                Ok(matches!(view.dict.get(&pair[0])?, Some(v) if values_equal(&v, &pair[1])))
            }
            _ => Ok(view
                .dict
                .values()
                .iter()
                .any(|v| v.is(item) || values_equal(v, item))),
        },
        Value::Set(s) | Value::FrozenSet(s) => {
            let key = KeyRef::new(item)?;
            Ok(s.table.borrow().contains(&key))
        }
        Value::Range(r) => Ok(match item {
            Value::Int(i) => {
                let n = r.len();
                n > 0 && {
                    let offset = *i as i128 - r.start;
                    offset % r.step == 0 && {
                        let k = offset / r.step;
                        (0..n).contains(&k)
                    }
                }
            }
            Value::Bool(b) => contains(vm, container, &Value::Int(*b as i64))?,
            other => collect(vm, container)?
                .iter()
                .any(|x| values_equal(x, other)),
        }),
        Value::Iter(_) => {
            while let Some(x) = next(vm, container)? {
                if x.is(item) || values_equal(&x, item) {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(format!(
            "argument of type '{}' is not iterable",
            container.type_name()
        ))),
    }
}
