//! Methods of the built-in types. Each is a plain built-in function whose first positional
//! argument is the receiver, so `LoadMethod` + `CallMethod` call it straight from the value
//! stack without building a bound-method object.

use std::cmp::Ordering;
use std::rc::Rc;

use dashu_int::ops::{BitTest, UnsignedAbs};

use super::compare::{sort_order, values_equal};
use super::dict::{HashKey, KeyRef, PyDict};
use super::exceptions::{PyErr, PyResult, index_error, key_error, type_error, value_error};
use super::function::{Args, BuiltinFunction};
use super::iter;
use super::set::{Operand, PySet, SetTable};
use super::str::StrBuilder;
use super::text;
use super::types::TypeId;
use super::value::{DictView, Value};
use super::vm::Vm;

macro_rules! method_table {
    ($table:ident: $($name:literal => $func:path $(| $stack_call:path)?),* $(,)?) => {
        static $table: &[BuiltinFunction] = &[
            $(crate::builtin_function!($name, $func $(, $stack_call)?),)*
        ];
    };
}

pub fn table(ty: TypeId) -> &'static [BuiltinFunction] {
    match ty {
        TypeId::List => LIST_METHODS,
        TypeId::Dict => DICT_METHODS,
        TypeId::Str => STR_METHODS,
        TypeId::Set => SET_METHODS,
        TypeId::FrozenSet => FROZENSET_METHODS,
        TypeId::Tuple => TUPLE_METHODS,
        TypeId::Int | TypeId::Bool => INT_METHODS,
        TypeId::Float => FLOAT_METHODS,
        TypeId::Range => RANGE_METHODS,
        _ => &[],
    }
}

/// Class methods of the built-in types (`dict.fromkeys`). Found through the type or an
/// instance, they are bound to the type object, which the function receives as its first
/// positional argument (the receiver), as CPython's `classmethod` descriptors do.
pub fn class_methods(ty: TypeId) -> &'static [BuiltinFunction] {
    match ty {
        TypeId::Dict => DICT_CLASS_METHODS,
        _ => &[],
    }
}

/// Checks the positional count (receiver excluded) and rejects keywords, with the wording of
/// CPython's argument parsing: `METH_NOARGS` / `METH_O` methods name the qualified method
/// (`list.pop() takes no keyword arguments`, `frozenset.copy() takes no arguments (1 given)`),
/// Argument Clinic's positional check names the bare method (`pop expected at most 1 argument,
/// got 2`). `name` may carry a type prefix; the owner comes from the receiver.
#[inline]
pub fn expect_args(args: &Args<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    let given = args.positional.len().saturating_sub(1);
    if !args.has_keywords() && given >= min && given <= max {
        return Ok(());
    }
    Err(arg_count_error(args, name, min, max))
}

#[cold]
fn arg_count_error(args: &Args<'_>, name: &str, min: usize, max: usize) -> PyErr {
    let given = args.positional.len().saturating_sub(1);
    let short = name.rsplit('.').next().unwrap_or(name);
    let owner = match args.positional.first() {
        Some(Value::Bool(_)) => "int",
        Some(receiver) => receiver.type_name(),
        None => "object",
    };
    if args.has_keywords() {
        return type_error(format!("{owner}.{short}() takes no keyword arguments"));
    }
    let msg = match (min, max) {
        (0, 0) => format!("{owner}.{short}() takes no arguments ({given} given)"),
        (1, 1) => format!("{owner}.{short}() takes exactly one argument ({given} given)"),
        _ if min == max => format!("{short} expected {min} arguments, got {given}"),
        _ if given < min => format!(
            "{short} expected at least {min} argument{}, got {given}",
            plural(min)
        ),
        _ => format!(
            "{short} expected at most {max} argument{}, got {given}",
            plural(max)
        ),
    };
    type_error(msg)
}

/// `expect_args` for methods that parse with `PyArg_ParseTuple` (`str.find`, `str.count`,
/// `str.startswith`...): `find() takes at least 1 argument (0 given)`.
#[inline]
fn expect_args_tuple(args: &Args<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    let given = args.positional.len().saturating_sub(1);
    if args.has_keywords() || (given >= min && given <= max) {
        return expect_args(args, name, 0, usize::MAX);
    }
    Err(tuple_arg_count_error(name, given, min, max))
}

#[cold]
fn tuple_arg_count_error(name: &str, given: usize, min: usize, max: usize) -> PyErr {
    let short = name.rsplit('.').next().unwrap_or(name);
    let (how, n) = match (given < min, min == max) {
        (_, true) => ("exactly", min),
        (true, false) => ("at least", min),
        (false, false) => ("at most", max),
    };
    type_error(format!(
        "{short}() takes {how} {n} argument{} ({given} given)",
        plural(n)
    ))
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn arg<'a>(args: &Args<'a>, i: usize) -> Option<&'a Value> {
    args.positional.get(i + 1)
}

fn receiver_list<'a>(args: &Args<'a>) -> &'a Rc<super::value::PyList> {
    match &args.positional[0] {
        Value::List(l) => l,
        _ => unreachable!("list method called on a list"),
    }
}

fn receiver_dict<'a>(args: &Args<'a>) -> &'a Rc<PyDict> {
    match &args.positional[0] {
        Value::Dict(d) => d,
        _ => unreachable!("dict method called on a dict"),
    }
}

fn receiver_set<'a>(args: &Args<'a>) -> &'a Rc<PySet> {
    match &args.positional[0] {
        Value::Set(s) | Value::FrozenSet(s) => s,
        _ => unreachable!("set method called on a set"),
    }
}

fn receiver_str<'a>(args: &Args<'a>) -> &'a str {
    match &args.positional[0] {
        Value::Str(s) => s.as_str(),
        _ => "",
    }
}

/// An index argument (`list.pop(i)`, `str.center(width)`).
pub fn index_arg(v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(n) => Ok(if **n > dashu_int::IBig::ZERO {
            i64::MAX
        } else {
            i64::MIN
        }),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

/// An optional start/end bound (None or an int).
fn bound_arg(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => index_arg(v).map(Some).map_err(|_| {
            type_error("slice indices must be integers or None or have an __index__ method")
        }),
    }
}

fn str_arg<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(type_error(format!(
            "{what}must be str, not {}",
            other.type_name()
        ))),
    }
}

fn str_or_none(v: Option<&Value>) -> PyResult<Option<&str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str())),
        Some(other) => Err(type_error(format!(
            "must be str or None, not {}",
            other.type_name()
        ))),
    }
}

method_table!(LIST_METHODS:
    "append" => list_append | super::stack_calls::append,
    "extend" => list_extend,
    "insert" => list_insert,
    "pop" => list_pop,
    "remove" => list_remove,
    "index" => list_index,
    "count" => list_count,
    "sort" => list_sort,
    "reverse" => list_reverse,
    "copy" => list_copy,
    "clear" => list_clear,
);

/// Inline into its `stack_call`: a hot built-in.
#[inline(always)]
pub(super) fn list_append(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "list.append", 1, 1)?;
    receiver_list(&args)
        .borrow_mut()
        .push(args.positional[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "list.extend", 1, 1)?;
    let items = iter::collect(vm, &args.positional[1])?;
    receiver_list(&args).borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "insert", 2, 2)?;
    let mut items = receiver_list(&args).borrow_mut();
    let len = items.len() as i64;
    let i = index_arg(&args.positional[1])?;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    items.insert(i as usize, args.positional[2].clone());
    Ok(Value::None)
}

/// Inline into its `stack_call`: a hot built-in.
#[inline(always)]
fn list_pop(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "pop", 0, 1)?;
    let mut items = receiver_list(&args).borrow_mut();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let len = items.len() as i64;
    let i = match arg(&args, 0) {
        Some(v) => index_arg(v)?,
        None => len - 1,
    };
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return Err(index_error("pop index out of range"));
    }
    Ok(items.remove(i as usize))
}

fn list_remove(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "list.remove", 1, 1)?;
    let target = &args.positional[1];
    let mut items = receiver_list(&args).borrow_mut();
    match items
        .iter()
        .position(|x| x.is(target) || values_equal(x, target))
    {
        Some(i) => {
            let removed = items.remove(i);
            drop(items);
            drop(removed);
            Ok(Value::None)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn list_index(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "index", 1, 3)?;
    let target = &args.positional[1];
    let items = receiver_list(&args).borrow();
    let len = items.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + len).max(0) } else { v.min(len) };
    let start = clamp(bound_arg(arg(&args, 1))?.unwrap_or(0));
    let stop = clamp(bound_arg(arg(&args, 2))?.unwrap_or(len));
    for i in start..stop.max(start) {
        let x = &items[i as usize];
        if x.is(target) || values_equal(x, target) {
            return Ok(Value::Int(i));
        }
    }
    Err(value_error(format!(
        "{} is not in list",
        super::repr::repr(target)
    )))
}

fn list_count(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "list.count", 1, 1)?;
    let target = &args.positional[1];
    let n = receiver_list(&args)
        .borrow()
        .iter()
        .filter(|x| x.is(target) || values_equal(x, target))
        .count();
    Ok(Value::Int(n as i64))
}

/// Sorts values stably by `key` (or themselves) with Python's `<`; the first comparison error
/// wins and is returned.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let keys: Vec<Value> = match key {
        Some(k) if !matches!(k, Value::None) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in items.iter() {
                keys.push(vm.call(k, std::slice::from_ref(item))?);
            }
            keys
        }
        _ => items.clone(),
    };
    let order = match int_keys(&keys) {
        Some(IntKeys::Ints(ints)) => stable_order(ints, reverse, i64::cmp),
        Some(IntKeys::IntTuples(tuples)) => {
            stable_order(tuples, reverse, |x, y| int_tuple_order(x, y))
        }
        None => general_order(&keys, reverse)?,
    };
    let mut taken: Vec<Option<Value>> = std::mem::take(items).into_iter().map(Some).collect();
    *items = order
        .into_iter()
        .map(|i| taken[i].take().unwrap_or_default())
        .collect();
    Ok(())
}

/// Sort keys whose order is total and cannot raise: all ints, or all tuples of ints. Sorting
/// them stably by that order gives exactly CPython's result without per-comparison error
/// handling (CPython's sort makes the same pre-check of the keys' types).
enum IntKeys<'a> {
    Ints(Vec<i64>),
    IntTuples(Vec<&'a [Value]>),
}

fn int_keys(keys: &[Value]) -> Option<IntKeys<'_>> {
    match keys.first()? {
        Value::Int(_) => keys
            .iter()
            .map(|k| match k {
                Value::Int(i) => Some(*i),
                _ => None,
            })
            .collect::<Option<Vec<i64>>>()
            .map(IntKeys::Ints),
        Value::Tuple(_) => keys
            .iter()
            .map(|k| match k {
                Value::Tuple(t) if t.iter().all(|v| matches!(v, Value::Int(_))) => Some(&t[..]),
                _ => None,
            })
            .collect::<Option<Vec<&[Value]>>>()
            .map(IntKeys::IntTuples),
        _ => None,
    }
}

/// Tuple order for tuples of ints (`int_keys` checked that every item is one).
fn int_tuple_order(x: &[Value], y: &[Value]) -> Ordering {
    for (p, q) in x.iter().zip(y) {
        if let (Value::Int(p), Value::Int(q)) = (p, q)
            && p != q
        {
            return p.cmp(q);
        }
    }
    x.len().cmp(&y.len())
}

/// The indices of `keys` in stable sorted order (equal keys keep their order, also reversed).
fn stable_order<K>(keys: Vec<K>, reverse: bool, order: impl Fn(&K, &K) -> Ordering) -> Vec<usize> {
    let mut keyed: Vec<(K, usize)> = keys.into_iter().zip(0..).collect();
    if reverse {
        keyed.sort_by(|(x, _), (y, _)| order(y, x));
    } else {
        keyed.sort_by(|(x, _), (y, _)| order(x, y));
    }
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The indices of `keys` in stable sorted order by Python's `<`, stopping at the first error.
fn general_order(keys: &[Value], reverse: bool) -> PyResult<Vec<usize>> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let mut failure: Option<PyErr> = None;
    let mut compare = |a: &usize, b: &usize| -> Ordering {
        if failure.is_some() {
            return Ordering::Equal;
        }
        let (x, y) = if reverse {
            (&keys[*b], &keys[*a])
        } else {
            (&keys[*a], &keys[*b])
        };
        match sort_order(x, y) {
            Ok(o) => o,
            Err(e) => {
                failure = Some(e);
                Ordering::Equal
            }
        }
    };
    order.sort_by(&mut compare);
    match failure {
        Some(e) => Err(e),
        None => Ok(order),
    }
}

fn list_sort(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [key, reverse] = args.bind("sort", 1, ["key", "reverse"], 0, 0, 0)?;
    let list = receiver_list(&args).clone();
    let mut items = std::mem::take(&mut *list.borrow_mut());
    let reverse = reverse.is_some_and(|v| v.is_truthy());
    let result = sort_values(vm, &mut items, key, reverse);
    *list.borrow_mut() = items;
    result.map(|_| Value::None)
}

fn list_reverse(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "list.reverse", 0, 0)?;
    receiver_list(&args).borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "list.copy", 0, 0)?;
    Ok(Value::list(receiver_list(&args).borrow().clone()))
}

fn list_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "list.clear", 0, 0)?;
    let old = std::mem::take(&mut *receiver_list(&args).borrow_mut());
    drop(old);
    Ok(Value::None)
}

method_table!(DICT_METHODS:
    "keys" => dict_keys,
    "values" => dict_values,
    "items" => dict_items,
    "get" => dict_get,
    "setdefault" => dict_setdefault,
    "update" => dict_update,
    "pop" => dict_pop,
    "popitem" => dict_popitem,
    "copy" => dict_copy,
    "clear" => dict_clear,
);

method_table!(DICT_CLASS_METHODS:
    "fromkeys" => dict_fromkeys,
);

/// `dict.fromkeys(iterable, value=None)`: the receiver is the class.
fn dict_fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.has_keywords() {
        return Err(type_error("dict.fromkeys() takes no keyword arguments"));
    }
    expect_args(&args, "fromkeys", 1, 2)?;
    let value = arg(&args, 1).cloned().unwrap_or(Value::None);
    let d = PyDict::new();
    let it = iter::get_iter(&args.positional[1])?;
    while let Some(key) = iter::next(vm, &it)? {
        d.set(key, value.clone())?;
    }
    Ok(Value::Dict(Rc::new(d)))
}

fn view(args: &Args<'_>, kind: TypeId) -> Value {
    Value::DictView(Rc::new(DictView {
        dict: receiver_dict(args).clone(),
        kind,
    }))
}

fn dict_keys(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "dict.keys", 0, 0)?;
    Ok(view(&args, TypeId::DictKeys))
}

fn dict_values(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "dict.values", 0, 0)?;
    Ok(view(&args, TypeId::DictValues))
}

fn dict_items(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "dict.items", 0, 0)?;
    Ok(view(&args, TypeId::DictItems))
}

/// Inline into its `stack_call`: a hot built-in.
#[inline(always)]
fn dict_get(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "get", 1, 2)?;
    let found = receiver_dict(&args).get(&args.positional[1])?;
    Ok(found.unwrap_or_else(|| arg(&args, 1).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "setdefault", 1, 2)?;
    let d = receiver_dict(&args);
    if let Some(v) = d.get(&args.positional[1])? {
        return Ok(v);
    }
    let default = arg(&args, 1).cloned().unwrap_or(Value::None);
    d.set(args.positional[1].clone(), default.clone())?;
    Ok(default)
}

/// Adds every pair of `source` (a dict or an iterable of pairs) to `target`.
pub fn update_dict(vm: &mut Vm, target: &PyDict, source: &Value) -> PyResult<()> {
    if let Value::Dict(d) = source {
        for (k, v) in d.items() {
            target.set(k, v)?;
        }
        return Ok(());
    }
    let pairs = iter::collect(vm, source)
        .map_err(|_| type_error(format!("'{}' object is not iterable", source.type_name())))?;
    for (i, pair) in pairs.iter().enumerate() {
        let items = iter::collect(vm, pair).map_err(|_| {
            type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if items.len() != 2 {
            return Err(value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                items.len()
            )));
        }
        let mut items = items.into_iter();
        if let (Some(k), Some(v)) = (items.next(), items.next()) {
            target.set(k, v)?;
        }
    }
    Ok(())
}

fn dict_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.positional.len() > 2 {
        return Err(type_error(format!(
            "update expected at most 1 argument, got {}",
            args.positional.len() - 1
        )));
    }
    let d = receiver_dict(&args).clone();
    if let Some(source) = arg(&args, 0) {
        update_dict(vm, &d, source)?;
    }
    for (k, v) in args.kw_names.iter().zip(args.kw_values) {
        d.set(k.clone(), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_pop(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "pop", 1, 2)?;
    match receiver_dict(&args).remove(&args.positional[1])? {
        Some(v) => Ok(v),
        None => arg(&args, 1)
            .cloned()
            .ok_or_else(|| key_error(args.positional[1].clone())),
    }
}

fn dict_popitem(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "popitem", 0, 0)?;
    match receiver_dict(&args).pop_last() {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(super::exceptions::error(
            TypeId::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn dict_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "dict.copy", 0, 0)?;
    Ok(Value::Dict(Rc::new(receiver_dict(&args).copy())))
}

fn dict_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "dict.clear", 0, 0)?;
    receiver_dict(&args).clear();
    Ok(Value::None)
}

method_table!(SET_METHODS:
    "add" => set_add,
    "discard" => set_discard,
    "remove" => set_remove,
    "pop" => set_pop,
    "clear" => set_clear,
    "copy" => set_copy,
    "union" => set_union,
    "intersection" => set_intersection,
    "difference" => set_difference,
    "symmetric_difference" => set_symmetric_difference,
    "update" => set_update,
    "intersection_update" => set_intersection_update,
    "difference_update" => set_difference_update,
    "symmetric_difference_update" => set_symmetric_difference_update,
    "issubset" => set_issubset,
    "issuperset" => set_issuperset,
    "isdisjoint" => set_isdisjoint,
);

method_table!(FROZENSET_METHODS:
    "copy" => set_copy,
    "union" => set_union,
    "intersection" => set_intersection,
    "difference" => set_difference,
    "symmetric_difference" => set_symmetric_difference,
    "issubset" => set_issubset,
    "issuperset" => set_issuperset,
    "isdisjoint" => set_isdisjoint,
);

fn set_add(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "set.add", 1, 1)?;
    let key = HashKey::new(args.positional[1].clone())?;
    receiver_set(&args).table.borrow_mut().insert(key);
    Ok(Value::None)
}

fn set_discard(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "set.discard", 1, 1)?;
    let key = KeyRef::new(&args.positional[1])?;
    let removed = receiver_set(&args).table.borrow_mut().remove(&key);
    drop(removed);
    Ok(Value::None)
}

fn set_remove(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "set.remove", 1, 1)?;
    let key = KeyRef::new(&args.positional[1])?;
    let removed = receiver_set(&args).table.borrow_mut().remove(&key);
    match removed {
        Some(_) => Ok(Value::None),
        None => Err(key_error(args.positional[1].clone())),
    }
}

fn set_pop(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "set.pop", 0, 0)?;
    let popped = receiver_set(&args).table.borrow_mut().pop();
    match popped {
        Some(k) => Ok(k.value),
        None => Err(super::exceptions::error(
            TypeId::KeyError,
            "pop from an empty set",
        )),
    }
}

fn set_clear(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "set.clear", 0, 0)?;
    receiver_set(&args).table.borrow_mut().clear();
    Ok(Value::None)
}

fn same_kind(receiver: &Value, table: SetTable) -> Value {
    let set = Rc::new(PySet::new(table));
    match receiver {
        Value::FrozenSet(_) => Value::FrozenSet(set),
        _ => Value::Set(set),
    }
}

fn set_copy(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "set.copy", 0, 0)?;
    let receiver = &args.positional[0];
    if let Value::FrozenSet(_) = receiver {
        return Ok(receiver.clone());
    }
    let table = receiver_set(&args).table.borrow().copy();
    Ok(same_kind(receiver, table))
}

/// The arguments after the receiver, as set operands (set methods take no keywords).
fn operands(vm: &mut Vm, args: &Args<'_>, method: &str) -> PyResult<Vec<Operand>> {
    if args.has_keywords() {
        return Err(type_error(format!(
            "{}.{method}() takes no keyword arguments",
            args.positional[0].type_name()
        )));
    }
    args.positional[1..]
        .iter()
        .map(|other| Operand::new(vm, other))
        .collect()
}

fn set_union(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let set = receiver_set(&args);
    let mut table = set.table.borrow().copy();
    for other in operands(vm, &args, "union")? {
        if !other.is(set) {
            other.add_to(&mut table);
        }
    }
    Ok(same_kind(&args.positional[0], table))
}

/// `s.intersection(a, b, ...)`: intersects with each argument in turn.
fn intersect_all(vm: &mut Vm, args: &Args<'_>) -> PyResult<SetTable> {
    let mut acc = receiver_set(args).clone();
    let others = operands(vm, args, "intersection")?;
    if others.is_empty() {
        return Ok(acc.table.borrow().copy());
    }
    for other in others {
        acc = Rc::new(PySet::new(other.intersect(&acc)));
    }
    Ok(acc.table.take())
}

fn set_intersection(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let table = intersect_all(vm, &args)?;
    Ok(same_kind(&args.positional[0], table))
}

fn set_intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let table = intersect_all(vm, &args)?;
    receiver_set(&args)
        .table
        .borrow_mut()
        .replace_contents(table);
    Ok(Value::None)
}

fn set_difference(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let set = receiver_set(&args);
    let mut others = operands(vm, &args, "difference")?.into_iter();
    let table = match others.next() {
        None => set.table.borrow().copy(),
        Some(first) => {
            let result = Rc::new(PySet::new(first.subtract_from(set)));
            for other in others {
                other.remove_from(&result);
            }
            result.table.take()
        }
    };
    Ok(same_kind(&args.positional[0], table))
}

fn set_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let set = receiver_set(&args);
    for other in operands(vm, &args, "difference_update")? {
        other.remove_from(set);
    }
    Ok(Value::None)
}

fn set_symmetric_difference(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "set.symmetric_difference", 1, 1)?;
    let other = Operand::new(vm, &args.positional[1])?;
    let table = other.symmetric_difference(receiver_set(&args));
    Ok(same_kind(&args.positional[0], table))
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "set.symmetric_difference_update", 1, 1)?;
    let other = Operand::new(vm, &args.positional[1])?;
    other.toggle_in(receiver_set(&args));
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "update", 0, usize::MAX)?;
    let set = receiver_set(&args);
    for other in operands(vm, &args, "update")? {
        if !other.is(set) {
            other.add_to(&mut set.table.borrow_mut());
        }
    }
    Ok(Value::None)
}

fn other_set(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<Value> {
    expect_args(args, name, 1, 1)?;
    Ok(match &args.positional[1] {
        v @ (Value::Set(_) | Value::FrozenSet(_)) => v.clone(),
        other => Value::Set(Rc::new(iter::set_from_values(iter::collect(vm, other)?)?)),
    })
}

fn set_issubset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let other = other_set(vm, &args, "set.issubset")?;
    super::compare::compare(
        &args.positional[0],
        &other,
        super::compare::Comparison::LessEqual,
    )
    .map(Value::Bool)
}

fn set_issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let other = other_set(vm, &args, "set.issuperset")?;
    super::compare::compare(
        &args.positional[0],
        &other,
        super::compare::Comparison::GreaterEqual,
    )
    .map(Value::Bool)
}

fn set_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let other = other_set(vm, &args, "set.isdisjoint")?;
    let common =
        super::arith::set_binary(super::arith::BinaryOp::And, &args.positional[0], &other)?;
    Ok(Value::Bool(!common.is_truthy()))
}

method_table!(TUPLE_METHODS:
    "index" => tuple_index,
    "count" => tuple_count,
);

fn tuple_items<'a>(args: &Args<'a>) -> &'a [Value] {
    match &args.positional[0] {
        Value::Tuple(t) => t,
        _ => &[],
    }
}

fn tuple_index(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "index", 1, 3)?;
    let target = &args.positional[1];
    tuple_items(&args)
        .iter()
        .position(|x| x.is(target) || values_equal(x, target))
        .map(|i| Value::Int(i as i64))
        .ok_or_else(|| value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "tuple.count", 1, 1)?;
    let target = &args.positional[1];
    let n = tuple_items(&args)
        .iter()
        .filter(|x| x.is(target) || values_equal(x, target))
        .count();
    Ok(Value::Int(n as i64))
}

method_table!(RANGE_METHODS:
    "index" => range_index,
    "count" => range_count,
);

/// Where an int `x` sits in range `r`, if it does.
fn range_position(r: &super::value::PyRange, x: &Value) -> Option<Option<i128>> {
    let x = match x {
        Value::Int(i) => *i as i128,
        Value::Bool(b) => *b as i128,
        _ => return None,
    };
    let offset = x - r.start;
    let k = offset / r.step;
    Some((offset % r.step == 0 && (0..r.len()).contains(&k)).then_some(k))
}

fn receiver_range<'a>(args: &Args<'a>) -> &'a super::value::PyRange {
    match &args.positional[0] {
        Value::Range(r) => r,
        _ => unreachable!("range method called on a range"),
    }
}

fn range_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "range.index", 1, 1)?;
    let target = &args.positional[1];
    match range_position(receiver_range(&args), target) {
        Some(Some(k)) => Ok(Value::from_i128(k)),
        Some(None) => Err(value_error(format!(
            "{} is not in range",
            super::repr::repr(target)
        ))),
        None => {
            let items = iter::collect(vm, &args.positional[0])?;
            match items.iter().position(|x| values_equal(x, target)) {
                Some(i) => Ok(Value::Int(i as i64)),
                None => Err(value_error("sequence.index(x): x not in sequence")),
            }
        }
    }
}

fn range_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "range.count", 1, 1)?;
    let target = &args.positional[1];
    match range_position(receiver_range(&args), target) {
        Some(found) => Ok(Value::Int(found.is_some() as i64)),
        None => {
            let items = iter::collect(vm, &args.positional[0])?;
            Ok(Value::Int(
                items.iter().filter(|x| values_equal(x, target)).count() as i64,
            ))
        }
    }
}

method_table!(INT_METHODS:
    "bit_length" => int_bit_length,
);

fn int_bit_length(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "int.bit_length", 0, 0)?;
    Ok(Value::Int(match &args.positional[0] {
        Value::Int(i) => 64 - i.unsigned_abs().leading_zeros() as i64,
        Value::Bool(b) => *b as i64,
        Value::BigInt(n) => (&**n).unsigned_abs().bit_len() as i64,
        _ => 0,
    }))
}

method_table!(FLOAT_METHODS:
    "is_integer" => float_is_integer,
);

fn float_is_integer(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "float.is_integer", 0, 0)?;
    Ok(Value::Bool(match &args.positional[0] {
        Value::Float(f) => f.is_finite() && *f == f.trunc(),
        _ => false,
    }))
}

method_table!(STR_METHODS:
    "join" => str_join,
    "split" => str_split,
    "rsplit" => str_rsplit,
    "strip" => str_strip,
    "lstrip" => str_lstrip,
    "rstrip" => str_rstrip,
    "replace" => str_replace,
    "startswith" => str_startswith,
    "endswith" => str_endswith,
    "find" => str_find,
    "rfind" => str_rfind,
    "index" => str_index,
    "rindex" => str_rindex,
    "count" => str_count,
    "upper" => str_upper,
    "lower" => str_lower,
    "capitalize" => str_capitalize,
    "title" => str_title,
    "swapcase" => str_swapcase,
    "isdigit" => str_isdigit,
    "isdecimal" => str_isdecimal,
    "isnumeric" => str_isnumeric,
    "isalpha" => str_isalpha,
    "isalnum" => str_isalnum,
    "isspace" => str_isspace,
    "isupper" => str_isupper,
    "islower" => str_islower,
    "istitle" => str_istitle,
    "isidentifier" => str_isidentifier,
    "zfill" => str_zfill,
    "center" => str_center,
    "ljust" => str_ljust,
    "rjust" => str_rjust,
    "partition" => str_partition,
    "rpartition" => str_rpartition,
    "splitlines" => str_splitlines,
    "format" => str_format,
    "expandtabs" => str_expandtabs,
    "casefold" => str_casefold,
    "isprintable" => str_isprintable,
    "isascii" => str_isascii,
    "removeprefix" => str_removeprefix,
    "removesuffix" => str_removesuffix,
);

fn str_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "str.join", 1, 1)?;
    let sep = receiver_str(&args);
    // A list or tuple is joined where it lies: building the result calls no Python code.
    match &args.positional[1] {
        Value::List(items) => join(sep, &items.borrow()),
        Value::Tuple(items) => join(sep, items),
        iterable => {
            let items =
                iter::collect(vm, iterable).map_err(|_| type_error("can only join an iterable"))?;
            join(sep, &items)
        }
    }
}

/// `sep.join(items)` into one allocation of the final size; a single str item is the result
/// itself, as in CPython.
fn join(sep: &str, items: &[Value]) -> PyResult<Value> {
    let separators = items.len().saturating_sub(1);
    let mut len = sep.len() * separators;
    let mut char_len = text::char_len(sep) * separators;
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Str(s) => {
                len += s.as_str().len();
                char_len += s.char_len();
            }
            other => {
                return Err(type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    other.type_name()
                )));
            }
        }
    }
    if let [single] = items {
        return Ok(single.clone());
    }
    let mut out = StrBuilder::with_capacity(len);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        if let Value::Str(s) = item {
            out.push_str(s.as_str());
        }
    }
    Ok(Value::built_str_of_chars(out, char_len))
}

fn split_args<'a>(args: &Args<'a>, name: &str) -> PyResult<(Option<&'a str>, i64)> {
    let [sep, maxsplit] = args.bind(name, 1, ["sep", "maxsplit"], 0, 0, 2)?;
    let sep = str_or_none(sep)?;
    if sep == Some("") {
        return Err(value_error("empty separator"));
    }
    let maxsplit = match maxsplit {
        Some(v) => index_arg(v)?,
        None => -1,
    };
    Ok((sep, maxsplit))
}

/// The list of `parts` of the str `args` receives: the parts of ASCII text are ASCII, their
/// character counts their lengths.
fn pieces(args: &Args<'_>, parts: Vec<&str>) -> Value {
    let is_ascii = matches!(&args.positional[0], Value::Str(s) if s.is_ascii());
    Value::list(
        parts
            .into_iter()
            .map(|part| {
                if is_ascii {
                    Value::str_of_chars(part, part.len())
                } else {
                    Value::str(part)
                }
            })
            .collect(),
    )
}

fn str_split(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(&args, "split")?;
    let s = receiver_str(&args);
    Ok(pieces(
        &args,
        match sep {
            None => text::split_whitespace(s, maxsplit),
            Some(sep) => text::split(s, sep, maxsplit),
        },
    ))
}

fn str_rsplit(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(&args, "rsplit")?;
    let s = receiver_str(&args);
    Ok(pieces(
        &args,
        match sep {
            None => text::rsplit_whitespace(s, maxsplit),
            Some(sep) => text::rsplit(s, sep, maxsplit),
        },
    ))
}

fn strip_with(
    args: &Args<'_>,
    name: &str,
    f: for<'s> fn(&'s str, Option<&str>) -> &'s str,
) -> PyResult<Value> {
    expect_args(args, name, 0, 1)?;
    let chars = str_or_none(arg(args, 0)).map_err(|_| {
        type_error(format!(
            "{} arg must be None or str",
            name.trim_start_matches("str.")
        ))
    })?;
    let receiver = receiver_str(args);
    let stripped = f(receiver, chars);
    // Nothing stripped: the str itself, as in CPython.
    if stripped.len() == receiver.len() {
        return Ok(args.positional[0].clone());
    }
    Ok(Value::str(stripped))
}

fn str_strip(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_with(&args, "str.strip", text::strip)
}

fn str_lstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_with(&args, "str.lstrip", text::lstrip)
}

fn str_rstrip(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_with(&args, "str.rstrip", text::rstrip)
}

fn str_replace(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "replace", 2, 3)?;
    let old = str_arg(&args.positional[1], "replace() argument 1 ")?;
    let new = str_arg(&args.positional[2], "replace() argument 2 ")?;
    let count = match arg(&args, 2) {
        Some(v) => index_arg(v)?,
        None => -1,
    };
    // Nothing replaced: the str itself, as in CPython.
    Ok(text::replace(receiver_str(&args), old, new, count)
        .map_or_else(|| args.positional[0].clone(), Value::built_str))
}

fn affix_check(
    args: &Args<'_>,
    name: &str,
    f: fn(&str, &str, Option<i64>, Option<i64>) -> bool,
) -> PyResult<Value> {
    expect_args_tuple(args, name, 1, 3)?;
    let s = receiver_str(args);
    let (start, end) = (bound_arg(arg(args, 1))?, bound_arg(arg(args, 2))?);
    match &args.positional[1] {
        Value::Str(p) => Ok(Value::Bool(f(s, p.as_str(), start, end))),
        Value::Tuple(options) => {
            for option in options.iter() {
                let p = str_arg(option, "tuple for startswith ")?;
                if f(s, p, start, end) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(type_error(format!(
            "{} first arg must be str or a tuple of str, not {}",
            name.trim_start_matches("str."),
            other.type_name()
        ))),
    }
}

fn str_startswith(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_check(&args, "startswith", text::startswith)
}

fn str_endswith(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_check(&args, "endswith", text::endswith)
}

fn search_args<'a>(
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a str, &'a str, Option<i64>, Option<i64>)> {
    expect_args_tuple(args, name, 1, 3)?;
    let sub = match &args.positional[1] {
        Value::Str(s) => s.as_str(),
        other => {
            return Err(type_error(format!(
                "must be str, not {}",
                other.type_name()
            )));
        }
    };
    Ok((
        receiver_str(args),
        sub,
        bound_arg(arg(args, 1))?,
        bound_arg(arg(args, 2))?,
    ))
}

fn str_find(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(&args, "find")?;
    Ok(Value::Int(text::find(s, sub, start, end)))
}

fn str_rfind(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(&args, "rfind")?;
    Ok(Value::Int(text::rfind(s, sub, start, end)))
}

fn str_index(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(&args, "index")?;
    match text::find(s, sub, start, end) {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_rindex(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(&args, "rindex")?;
    match text::rfind(s, sub, start, end) {
        -1 => Err(value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_count(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, sub, start, end) = search_args(&args, "count")?;
    Ok(Value::Int(text::count(s, sub, start, end) as i64))
}

fn str_upper(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    case_mapped(&args, "str.upper", str::make_ascii_uppercase, text::upper)
}

fn str_lower(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    case_mapped(&args, "str.lower", str::make_ascii_lowercase, text::lower)
}

/// `str.upper()` and `str.lower()`: ASCII text is copied into the new str and mapped there.
fn case_mapped(
    args: &Args<'_>,
    name: &str,
    map_ascii: fn(&mut str),
    map: fn(&str) -> String,
) -> PyResult<Value> {
    expect_args(args, name, 0, 0)?;
    let s = receiver_str(args);
    if !s.is_ascii() {
        return Ok(Value::string(map(s)));
    }
    let mut out = StrBuilder::with_capacity(s.len());
    out.push_str(s);
    map_ascii(out.as_mut_str());
    Ok(Value::built_str(out))
}

macro_rules! str_transforms {
    ($($name:ident => $qual:literal, $f:path, $wrap:expr;)*) => {$(
        fn $name(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            expect_args(&args, $qual, 0, 0)?;
            Ok($wrap($f(receiver_str(&args))))
        }
    )*};
}

str_transforms! {
    str_capitalize => "str.capitalize", text::capitalize, Value::string;
    str_title => "str.title", text::title, Value::string;
    str_swapcase => "str.swapcase", text::swapcase, Value::string;
    str_casefold => "str.casefold", text::casefold, Value::string;
    str_isprintable => "str.isprintable", text::is_printable, Value::Bool;
    str_isascii => "str.isascii", str::is_ascii, Value::Bool;
    str_isdigit => "str.isdigit", text::is_digit, Value::Bool;
    str_isdecimal => "str.isdecimal", text::is_decimal, Value::Bool;
    str_isnumeric => "str.isnumeric", text::is_numeric, Value::Bool;
    str_isalpha => "str.isalpha", text::is_alpha, Value::Bool;
    str_isalnum => "str.isalnum", text::is_alnum, Value::Bool;
    str_isspace => "str.isspace", text::is_space, Value::Bool;
    str_isupper => "str.isupper", text::is_upper, Value::Bool;
    str_islower => "str.islower", text::is_lower, Value::Bool;
    str_istitle => "str.istitle", text::is_title, Value::Bool;
    str_isidentifier => "str.isidentifier", text::is_identifier, Value::Bool;
}

fn affix_strip(args: &Args<'_>, name: &str, prefix: bool) -> PyResult<Value> {
    expect_args(args, name, 1, 1)?;
    let affix = match &args.positional[1] {
        Value::Str(a) => a.as_str(),
        other => {
            return Err(type_error(format!(
                "{name}() argument must be str, not {}",
                other.type_name()
            )));
        }
    };
    let s = receiver_str(args);
    let stripped = if prefix {
        s.strip_prefix(affix)
    } else {
        s.strip_suffix(affix)
    };
    Ok(match stripped {
        Some(rest) => Value::str(rest),
        None => args.positional[0].clone(),
    })
}

fn str_removeprefix(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_strip(&args, "removeprefix", true)
}

fn str_removesuffix(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_strip(&args, "removesuffix", false)
}

fn str_zfill(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect_args(&args, "str.zfill", 1, 1)?;
    Ok(Value::string(text::zfill(
        receiver_str(&args),
        index_arg(&args.positional[1])?,
    )))
}

fn justify(args: &Args<'_>, name: &str, f: fn(&str, i64, char) -> String) -> PyResult<Value> {
    expect_args(args, name, 1, 2)?;
    let width = index_arg(&args.positional[1])?;
    let fill = match arg(args, 1) {
        None => ' ',
        Some(Value::Str(s)) if s.char_len() == 1 => s.as_str().chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => {
            return Err(type_error(
                "The fill character must be exactly one character long",
            ));
        }
        Some(other) => {
            return Err(type_error(format!(
                "The fill character must be a unicode character, not {}",
                other.type_name()
            )));
        }
    };
    Ok(Value::string(f(receiver_str(args), width, fill)))
}

fn str_center(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    justify(&args, "center", text::center)
}

fn str_ljust(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    justify(&args, "ljust", text::ljust)
}

fn str_rjust(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    justify(&args, "rjust", text::rjust)
}

fn partition_with(
    args: &Args<'_>,
    name: &str,
    f: for<'a> fn(&'a str, &str) -> (&'a str, &'a str, &'a str),
) -> PyResult<Value> {
    expect_args(args, name, 1, 1)?;
    let sep = str_arg(&args.positional[1], "")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let (a, b, c) = f(receiver_str(args), sep);
    Ok(Value::tuple(vec![
        Value::str(a),
        Value::str(b),
        Value::str(c),
    ]))
}

fn str_partition(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_with(&args, "str.partition", text::partition)
}

fn str_rpartition(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_with(&args, "str.rpartition", text::rpartition)
}

fn str_splitlines(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [keepends] = args.bind("splitlines", 1, ["keepends"], 0, 0, 1)?;
    let keepends = keepends.is_some_and(|v| v.is_truthy());
    Ok(pieces(
        &args,
        text::splitlines(receiver_str(&args), keepends),
    ))
}

fn str_expandtabs(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [size] = args.bind("expandtabs", 1, ["tabsize"], 0, 0, 1)?;
    let size = match size {
        Some(v) => index_arg(v)?,
        None => 8,
    };
    Ok(Value::string(text::expandtabs(receiver_str(&args), size)))
}

fn str_format(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let template = receiver_str(&args);
    super::strformat::str_format(
        vm,
        template,
        &args.positional[1..],
        args.kw_names,
        args.kw_values,
    )
    .map(Value::string)
}
