//! `container[key]`, `container[key] = value` and `del container[key]` for the built-in
//! types, including slices with steps and slice assignment.

use std::borrow::Cow;
use std::rc::Rc;

use super::exceptions::{PyResult, index_error, key_error, type_error, value_error};
use super::text;
use super::value::{PySlice, Value};
use super::vm::Vm;

/// A sequence index from an int-like key, made non-negative; `None` when out of range.
fn sequence_index(key: &Value, len: usize, type_name: &str) -> PyResult<Option<usize>> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Ok(None),
        other if type_name == "string" => {
            return Err(type_error(format!(
                "string indices must be integers, not '{}'",
                other.type_name()
            )));
        }
        other => {
            return Err(type_error(format!(
                "{type_name} indices must be integers or slices, not {}",
                other.type_name()
            )));
        }
    };
    let i = if i < 0 { i + len as i64 } else { i };
    Ok((0..len as i64).contains(&i).then_some(i as usize))
}

fn slice_bound(v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::BigInt(n) => Ok(Some(if **n > dashu_int::IBig::ZERO {
            i64::MAX
        } else {
            i64::MIN + 1
        })),
        _ => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// Resolves a slice against a sequence length: (start, stop, step, count).
pub fn resolve_slice(slice: &PySlice, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let step = slice_bound(&slice.step)?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    let (start, stop, count) = text::adjust_slice(
        len as i64,
        slice_bound(&slice.start)?,
        slice_bound(&slice.stop)?,
        step,
    );
    Ok((start, stop, step, count.max(0) as usize))
}

fn slice_indices(slice: &PySlice, len: usize) -> PyResult<Vec<usize>> {
    let (start, _, step, count) = resolve_slice(slice, len)?;
    Ok((0..count)
        .map(|k| (start + k as i64 * step) as usize)
        .collect())
}

/// The items a slice selects from a sequence, in order. A step of 1 selects a contiguous
/// run, copied in one pass without building the index list.
fn sliced_items(items: &[Value], slice: &PySlice) -> PyResult<Vec<Value>> {
    let (start, _, step, count) = resolve_slice(slice, items.len())?;
    if step == 1 {
        let start = start.max(0) as usize;
        return Ok(items
            .get(start..start + count)
            .map(<[Value]>::to_vec)
            .unwrap_or_default());
    }
    Ok((0..count)
        .filter_map(|k| items.get((start + k as i64 * step) as usize).cloned())
        .collect())
}

pub fn get_item(_vm: &mut Vm, container: &Value, key: &Value) -> PyResult<Value> {
    match container {
        Value::List(list) => {
            let items = list.borrow();
            if let Value::Slice(s) = key {
                return Ok(Value::list(sliced_items(&items, s)?));
            }
            match sequence_index(key, items.len(), "list")? {
                Some(i) => Ok(items[i].clone()),
                None => Err(index_error("list index out of range")),
            }
        }
        Value::Tuple(items) => {
            if let Value::Slice(s) = key {
                return Ok(Value::tuple(sliced_items(items, s)?));
            }
            match sequence_index(key, items.len(), "tuple")? {
                Some(i) => Ok(items[i].clone()),
                None => Err(index_error("tuple index out of range")),
            }
        }
        Value::Str(s) => {
            if let Value::Slice(slice) = key {
                let (start, stop, step, count) = resolve_slice(slice, s.char_len())?;
                // The whole str in order: the str itself, as in CPython.
                if step == 1 && count == s.char_len() {
                    return Ok(container.clone());
                }
                return Ok(match text::slice(s.as_str(), start, stop, step) {
                    // A slice of ASCII text is ASCII: its character count is its length.
                    Cow::Borrowed(part) if s.is_ascii() => Value::str_of_chars(part, part.len()),
                    Cow::Borrowed(part) => Value::str(part),
                    Cow::Owned(text) => Value::string(text),
                });
            }
            match sequence_index(key, s.char_len(), "string")? {
                Some(i) => Ok(Value::char(s.char_at(i))),
                None => Err(index_error("string index out of range")),
            }
        }
        Value::Dict(d) => match d.get(key)? {
            Some(v) => Ok(v),
            None => Err(key_error(key.clone())),
        },
        Value::Range(r) => {
            if let Value::Slice(slice) = key {
                let len = usize::try_from(r.len()).map_err(|_| {
                    super::exceptions::overflow_error("range too large to slice in pvm")
                })?;
                let (start, stop, step, _) = resolve_slice(slice, len)?;
                let (start, stop, step) = (start as i128, stop as i128, step as i128);
                return Ok(Value::Range(Rc::new(super::value::PyRange {
                    start: r.item(start),
                    stop: r.item(stop),
                    step: r.step * step,
                })));
            }
            let index = match key {
                Value::Int(i) => *i as i128,
                Value::Bool(b) => *b as i128,
                other => {
                    return Err(type_error(format!(
                        "range indices must be integers or slices, not {}",
                        other.type_name()
                    )));
                }
            };
            let n = r.len();
            let index = if index < 0 { index + n } else { index };
            if (0..n).contains(&index) {
                Ok(Value::from_i128(r.item(index)))
            } else {
                Err(index_error("range object index out of range"))
            }
        }
        Value::Type(t) => Ok(Value::Type(*t)),
        other => Err(type_error(format!(
            "'{}' object is not subscriptable",
            other.type_name()
        ))),
    }
}

pub fn set_item(vm: &mut Vm, container: &Value, key: Value, value: Value) -> PyResult<()> {
    match container {
        Value::List(list) => {
            if let Value::Slice(s) = &key {
                let new_items = super::iter::collect(vm, &value)
                    .map_err(|_| type_error("can only assign an iterable"))?;
                return assign_slice(&mut list.borrow_mut(), s, new_items);
            }
            let mut items = list.borrow_mut();
            match sequence_index(&key, items.len(), "list")? {
                Some(i) => {
                    let old = std::mem::replace(&mut items[i], value);
                    drop(items);
                    drop(old);
                    Ok(())
                }
                None => Err(index_error("list assignment index out of range")),
            }
        }
        Value::Dict(d) => d.set(key, value),
        other => Err(type_error(format!(
            "'{}' object does not support item assignment",
            other.type_name()
        ))),
    }
}

fn assign_slice(items: &mut Vec<Value>, slice: &PySlice, new_items: Vec<Value>) -> PyResult<()> {
    let (start, stop, step, count) = resolve_slice(slice, items.len())?;
    if step == 1 {
        let start = start as usize;
        let stop = (stop.max(start as i64)) as usize;
        let removed: Vec<Value> = items.splice(start..stop, new_items).collect();
        drop(removed);
        return Ok(());
    }
    if new_items.len() != count {
        return Err(value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {count}",
            new_items.len()
        )));
    }
    for (k, v) in new_items.into_iter().enumerate() {
        items[(start + k as i64 * step) as usize] = v;
    }
    Ok(())
}

pub fn del_item(container: &Value, key: &Value) -> PyResult<()> {
    match container {
        Value::List(list) => {
            let mut items = list.borrow_mut();
            if let Value::Slice(s) = key {
                let mut doomed = slice_indices(s, items.len())?;
                doomed.sort_unstable();
                let mut removed = Vec::with_capacity(doomed.len());
                for i in doomed.into_iter().rev() {
                    removed.push(items.remove(i));
                }
                drop(items);
                drop(removed);
                return Ok(());
            }
            match sequence_index(key, items.len(), "list")? {
                Some(i) => {
                    let old = items.remove(i);
                    drop(items);
                    drop(old);
                    Ok(())
                }
                None => Err(index_error("list assignment index out of range")),
            }
        }
        Value::Dict(d) => match d.remove(key)? {
            Some(_) => Ok(()),
            None => Err(key_error(key.clone())),
        },
        // CPython words it by path: an int key on a type with sequence methods goes through
        // `PySequence_DelItem` ("doesn't"), anything else through `PyObject_DelItem`.
        other => {
            let sequence_like = matches!(
                other,
                Value::Str(_)
                    | Value::Tuple(_)
                    | Value::Range(_)
                    | Value::Set(_)
                    | Value::FrozenSet(_)
                    | Value::DictView(..)
            );
            let index_key = matches!(key, Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
            Err(type_error(format!(
                "'{}' object {} support item deletion",
                other.type_name(),
                if sequence_like && index_key {
                    "doesn't"
                } else {
                    "does not"
                }
            )))
        }
    }
}
