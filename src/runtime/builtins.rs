//! The `builtins` namespace: built-in functions and the constructors of built-in types.

use std::rc::Rc;

use dashu_int::IBig;
use dashu_int::ops::UnsignedAbs;

use super::arith;
use super::attr;
use super::compare::{Comparison, compare};
use super::dict::PyDict;
use super::exceptions::{PyException, PyResult, error, overflow_error, type_error, value_error};
use super::format;
use super::function::{Args, BuiltinFunction};
use super::hashing::hash_value;
use super::int::{self, to_ibig};
use super::iter;
use super::methods::{index_arg, sort_values, update_dict};
use super::repr::{repr, try_ascii, try_repr, try_to_str};
use super::set::{Operand, PySet, SetTable};
use super::strformat;
use super::types::TypeId;
use super::value::{PyRange, Value};
use super::vm::Vm;

macro_rules! builtin_table {
    ($($name:literal => $func:path $(| $stack_call:path)?),* $(,)?) => {
        static BUILTINS: &[BuiltinFunction] = &[
            $(crate::builtin_function!($name, $func $(, $stack_call)?),)*
        ];
    };
}

builtin_table! {
    "print" => builtin_print,
    "len" => builtin_len | super::stack_calls::len,
    "abs" => builtin_abs,
    "min" => builtin_min,
    "max" => builtin_max,
    "sum" => builtin_sum,
    "repr" => builtin_repr,
    "ascii" => builtin_ascii,
    "sorted" => builtin_sorted,
    "isinstance" => builtin_isinstance,
    "issubclass" => builtin_issubclass,
    "ord" => builtin_ord,
    "chr" => builtin_chr,
    "divmod" => builtin_divmod,
    "pow" => builtin_pow,
    "round" => builtin_round,
    "hash" => builtin_hash,
    "any" => builtin_any,
    "all" => builtin_all,
    "iter" => builtin_iter,
    "next" => builtin_next,
    "getattr" => builtin_getattr,
    "hasattr" => builtin_hasattr,
    "setattr" => builtin_setattr,
    "delattr" => builtin_delattr,
    "id" => builtin_id,
    "callable" => builtin_callable,
    "format" => builtin_format,
    "bin" => builtin_bin,
    "oct" => builtin_oct,
    "hex" => builtin_hex,
}

/// A fresh `builtins` dictionary.
pub fn builtins_dict() -> PyDict {
    let d = PyDict::new();
    for f in BUILTINS {
        d.set_str(f.name, Value::Builtin(f));
    }
    for t in TypeId::ALL {
        if t.is_builtin_name() {
            d.set_str(t.name(), Value::Type(*t));
        }
    }
    d.set_str("None", Value::None);
    d.set_str("True", Value::Bool(true));
    d.set_str("False", Value::Bool(false));
    d.set_str("Ellipsis", Value::Ellipsis);
    d
}

/// Rejects keyword arguments and checks the positional count, with CPython's wording.
fn expect(args: &Args<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    if args.has_keywords() {
        return Err(type_error(format!("{name}() takes no keyword arguments")));
    }
    let n = args.positional.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(type_error(if min == max {
        match min {
            0 => format!("{name}() takes no arguments ({n} given)"),
            1 => format!("{name}() takes exactly one argument ({n} given)"),
            _ => format!("{name} expected {min} arguments, got {n}"),
        }
    } else if n < min {
        format!(
            "{name} expected at least {min} argument{}, got {n}",
            if min == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "{name} expected at most {max} argument{}, got {n}",
            if max == 1 { "" } else { "s" }
        )
    }))
}

fn builtin_print(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let text_arg = |name: &str, default: &'static str| -> PyResult<Option<String>> {
        match args.keyword(name) {
            None | Some(Value::None) => Ok(Some(default.to_owned())),
            Some(Value::Str(s)) => Ok(Some(s.as_str().to_owned())),
            Some(other) => Err(type_error(format!(
                "{name} must be None or a string, not {}",
                other.type_name()
            ))),
        }
    };
    for name in args.kw_names {
        if let Value::Str(s) = name
            && !matches!(s.as_str(), "sep" | "end" | "flush" | "file")
        {
            return Err(type_error(format!(
                "'{}' is an invalid keyword argument for print()",
                s.as_str()
            )));
        }
    }
    let sep = text_arg("sep", " ")?.unwrap_or_default();
    let end = text_arg("end", "\n")?.unwrap_or_default();
    let mut line = String::new();
    for (i, v) in args.positional.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        match v {
            Value::Str(s) => line.push_str(s.as_str()),
            other => line.push_str(&try_to_str(other)?),
        }
    }
    line.push_str(&end);
    vm.output.write_str(&line);
    if args.keyword("flush").is_some_and(|f| f.is_truthy()) {
        vm.output.flush();
    }
    Ok(Value::None)
}

#[inline]
pub fn length(v: &Value) -> PyResult<usize> {
    Ok(match v {
        Value::Str(s) => s.char_len(),
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.len(),
        Value::Set(s) | Value::FrozenSet(s) => s.len(),
        Value::Range(r) => usize::try_from(r.len())
            .ok()
            .filter(|n| *n <= i64::MAX as usize)
            .ok_or_else(|| overflow_error("Python int too large to convert to C ssize_t"))?,
        Value::DictView(view) => view.dict.len(),
        other => {
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                other.type_name()
            )));
        }
    })
}

/// `len`: a list's or dict's length inline into the call, anything else out of line.
#[inline(always)]
pub(super) fn builtin_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if !args.has_keywords() {
        match args.positional {
            [Value::List(l)] => return Ok(Value::Int(l.borrow().len() as i64)),
            [Value::Dict(d)] => return Ok(Value::Int(d.len() as i64)),
            _ => {}
        }
    }
    len_general(vm, args)
}

#[inline(never)]
fn len_general(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "len", 1, 1)?;
    Ok(Value::Int(length(&args.positional[0])? as i64))
}

/// Inline into its `stack_call`: a hot built-in.
#[inline(always)]
fn builtin_abs(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "abs", 1, 1)?;
    match &args.positional[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_ibig(IBig::from(*i).unsigned_abs().into()),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        Value::BigInt(n) => Ok(Value::from_ibig((&**n).unsigned_abs().into())),
        other => Err(type_error(format!(
            "bad operand type for abs(): '{}'",
            other.type_name()
        ))),
    }
}

#[inline(never)]
fn min_max(vm: &mut Vm, args: Args<'_>, name: &str, op: Comparison) -> PyResult<Value> {
    for k in args.kw_names {
        if let Value::Str(s) = k
            && s.as_str() != "key"
            && s.as_str() != "default"
        {
            return Err(type_error(format!(
                "'{}' is an invalid keyword argument for {name}()",
                s.as_str()
            )));
        }
    }
    let collected;
    // Several arguments are compared where they lie on the caller's stack.
    let items: &[Value] = match args.positional {
        [] => {
            return Err(type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )));
        }
        [single] => {
            collected = iter::collect(vm, single)?;
            &collected
        }
        many => {
            if args.keyword("default").is_some() {
                return Err(type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            many
        }
    };
    let key = args
        .keyword("key")
        .filter(|k| !matches!(k, Value::None))
        .cloned();
    // The best item so far and, with a key function, its key.
    let mut best: Option<(Option<Value>, &Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => Some(vm.call(f, std::slice::from_ref(item))?),
            None => None,
        };
        let better = match &best {
            None => true,
            Some((best_key, best_item)) => compare(
                k.as_ref().unwrap_or(item),
                best_key.as_ref().unwrap_or(best_item),
                op,
            )?,
        };
        if better {
            best = Some((k, item));
        }
    }
    match best {
        Some((_, item)) => Ok(item.clone()),
        None => args
            .keyword("default")
            .cloned()
            .ok_or_else(|| value_error(format!("{name}() arg is an empty sequence"))),
    }
}

#[inline(always)]
fn builtin_min(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match best_of_two_ints(&args, Comparison::Less) {
        Some(best) => Ok(best),
        None => min_max(vm, args, "min", Comparison::Less),
    }
}

#[inline(always)]
fn builtin_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match best_of_two_ints(&args, Comparison::Greater) {
        Some(best) => Ok(best),
        None => min_max(vm, args, "max", Comparison::Greater),
    }
}

/// `min(a, b)` or `max(a, b)` of two ints and no keywords, inline into the call: the general
/// loop's outcome, with the first kept on a tie.
#[inline(always)]
fn best_of_two_ints(args: &Args<'_>, op: Comparison) -> Option<Value> {
    match (args.positional, args.kw_names) {
        ([Value::Int(first), Value::Int(second)], []) => {
            Some(Value::Int(if op.holds(second.cmp(first)) {
                *second
            } else {
                *first
            }))
        }
        _ => None,
    }
}

fn builtin_sum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [_, start] = args.bind("sum", 0, ["iterable", "start"], 1, 1, 2)?;
    let mut total = start.cloned().unwrap_or(Value::Int(0));
    if let Value::Str(_) = total {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = iter::get_iter(&args.positional[0])?;
    while let Some(item) = iter::next(vm, &it)? {
        total = match (&total, &item) {
            (Value::Int(a), Value::Int(b)) => int::add(*a, *b),
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => arith::binary(vm, arith::BinaryOp::Add, &total, &item)?,
        };
    }
    Ok(total)
}

fn builtin_repr(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "repr", 1, 1)?;
    Ok(Value::string(try_repr(&args.positional[0])?))
}

fn builtin_ascii(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "ascii", 1, 1)?;
    Ok(Value::string(try_ascii(&args.positional[0])?))
}

fn builtin_sorted(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.positional.len() != 1 {
        return Err(type_error(format!(
            "sorted expected 1 argument, got {}",
            args.positional.len()
        )));
    }
    let mut items = iter::collect(vm, &args.positional[0])?;
    // The keywords go on to `list.sort`, which checks them.
    let [key, reverse] = args.bind("sort", 1, ["key", "reverse"], 0, 0, 0)?;
    let reverse = reverse.is_some_and(|v| v.is_truthy());
    sort_values(vm, &mut items, key, reverse)?;
    Ok(Value::list(items))
}

fn class_check(cls: &Value, name: &str, check: &dyn Fn(TypeId) -> bool) -> PyResult<bool> {
    match cls {
        Value::Type(t) => Ok(check(*t)),
        Value::Tuple(options) => {
            for option in options.iter() {
                if class_check(option, name, check)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(format!(
            "{name}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

/// Inline into its `stack_call`: a hot built-in.
#[inline(always)]
fn builtin_isinstance(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "isinstance", 2, 2)?;
    let ty = args.positional[0].type_id();
    class_check(&args.positional[1], "isinstance", &|t| ty.is_subtype_of(t)).map(Value::Bool)
}

fn builtin_issubclass(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "issubclass", 2, 2)?;
    let Value::Type(ty) = args.positional[0] else {
        return Err(type_error("issubclass() arg 1 must be a class"));
    };
    class_check(&args.positional[1], "issubclass", &|t| ty.is_subtype_of(t)).map(Value::Bool)
}

/// Inline into its `stack_call`: a hot built-in.
#[inline(always)]
fn builtin_ord(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    // A one-byte str (the chars of text loops) is an ASCII char, its code the byte itself.
    if let ([Value::Str(s)], []) = (args.positional, args.kw_names)
        && let &[byte] = s.as_str().as_bytes()
    {
        return Ok(Value::Int(i64::from(byte)));
    }
    expect(&args, "ord", 1, 1)?;
    match &args.positional[0] {
        Value::Str(s) if s.char_len() == 1 => Ok(Value::Int(s.char_at(0) as i64)),
        Value::Str(s) => Err(type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len()
        ))),
        other => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            other.type_name()
        ))),
    }
}

fn builtin_chr(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    // An ASCII code, as text-building loops pass: its shared one-char str.
    if let ([Value::Int(code)], []) = (args.positional, args.kw_names)
        && let Ok(byte) = u8::try_from(*code)
        && byte.is_ascii()
    {
        return Ok(Value::char(char::from(byte)));
    }
    expect(&args, "chr", 1, 1)?;
    let code = index_arg(&args.positional[0])?;
    match u32::try_from(code).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::char(c)),
        None if (0..0x110000).contains(&code) => Err(value_error(
            "chr() arg is a surrogate, which pvm cannot represent",
        )),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn builtin_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "divmod", 2, 2)?;
    let (a, b) = (&args.positional[0], &args.positional[1]);
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b)
        && a.is_number()
        && b.is_number()
    {
        let q = arith::binary(vm, arith::BinaryOp::FloorDiv, a, b).map_err(|e| {
            if e.kind == TypeId::ZeroDivisionError {
                error(TypeId::ZeroDivisionError, "float divmod()")
            } else {
                e
            }
        })?;
        let r = arith::binary(vm, arith::BinaryOp::Mod, a, b)?;
        return Ok(Value::tuple(vec![q, r]));
    }
    match (to_ibig(a), to_ibig(b)) {
        (Some(x), Some(y)) => {
            let (q, r) = int::big_floor_div_mod(&x, &y)?;
            Ok(Value::tuple(vec![Value::from_ibig(q), Value::from_ibig(r)]))
        }
        _ => Err(type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ))),
    }
}

fn builtin_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [a, b, m] = args.bind("pow", 0, ["base", "exp", "mod"], 0, 2, 3)?;
    let (Some(a), Some(b)) = (a, b) else {
        unreachable!("bind checked the required arguments")
    };
    match m {
        None | Some(Value::None) => arith::binary(vm, arith::BinaryOp::Pow, a, b),
        Some(m) => match (to_ibig(a), to_ibig(b), to_ibig(m)) {
            (Some(x), Some(y), Some(z)) => int::pow_mod(&x, &y, &z),
            _ => Err(type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            )),
        },
    }
}

fn builtin_round(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [number, ndigits] = args.bind("round", 0, ["number", "ndigits"], 0, 1, 2)?;
    let Some(number) = number else {
        unreachable!("bind checked the required arguments")
    };
    let ndigits = match ndigits {
        None | Some(Value::None) => None,
        Some(v) => Some(index_arg(v)?),
    };
    match (number, ndigits) {
        (Value::Float(f), None) => {
            let r = format::round_float(*f, 0).map_err(overflow_error)?;
            int::float_to_int(r).map_err(|e| {
                if e.kind == TypeId::ValueError {
                    value_error("cannot convert float NaN to integer")
                } else {
                    e
                }
            })
        }
        (Value::Float(f), Some(n)) => Ok(Value::Float(
            format::round_float(*f, n).map_err(overflow_error)?,
        )),
        (v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_)), n) => {
            let x = to_ibig(v).unwrap_or_default();
            match n {
                None => Ok(Value::from_ibig(x)),
                Some(n) if n >= 0 => Ok(Value::from_ibig(x)),
                Some(n) => {
                    let Ok(exp) = usize::try_from(-n) else {
                        return Ok(Value::Int(0));
                    };
                    if exp > 10000 {
                        return Ok(Value::Int(0));
                    }
                    let unit = IBig::from(10).pow(exp);
                    let (q, r) = int::big_floor_div_mod(&x, &unit)?;
                    let twice = &r * IBig::from(2);
                    let round_up =
                        twice > unit || (twice == unit && (&q % IBig::from(2)) != IBig::ZERO);
                    let q = if round_up { q + IBig::ONE } else { q };
                    Ok(Value::from_ibig(q * unit))
                }
            }
        }
        (other, _) => Err(type_error(format!(
            "type {} doesn't define __round__ method",
            other.type_name()
        ))),
    }
}

fn builtin_hash(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "hash", 1, 1)?;
    Ok(Value::Int(hash_value(&args.positional[0])?))
}

fn builtin_any(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "any", 1, 1)?;
    let it = iter::get_iter(&args.positional[0])?;
    while let Some(item) = iter::next(vm, &it)? {
        if item.is_truthy() {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn builtin_all(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "all", 1, 1)?;
    let it = iter::get_iter(&args.positional[0])?;
    while let Some(item) = iter::next(vm, &it)? {
        if !item.is_truthy() {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn builtin_iter(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "iter", 1, 2)?;
    match args.positional {
        [callable, sentinel] => {
            if !is_callable(callable) {
                return Err(type_error("iter(v, w): v must be callable"));
            }
            Ok(iter::new_callable_iter(callable.clone(), sentinel.clone()))
        }
        _ => iter::get_iter(&args.positional[0]),
    }
}

/// The attribute name argument of `getattr`, `hasattr`, `setattr`, `delattr`.
fn attr_name(name: &Value) -> PyResult<&str> {
    match name {
        Value::Str(s) => Ok(s.as_str()),
        other => Err(type_error(format!(
            "attribute name must be string, not '{}'",
            other.type_name()
        ))),
    }
}

fn builtin_getattr(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "getattr", 2, 3)?;
    let obj = &args.positional[0];
    match (
        attr::get_attr(obj, attr_name(&args.positional[1])?),
        args.positional.get(2),
    ) {
        (Err(e), Some(default)) if e.kind.is_subtype_of(TypeId::AttributeError) => {
            Ok(default.clone())
        }
        (result, _) => result,
    }
}

fn builtin_hasattr(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "hasattr", 2, 2)?;
    match attr::get_attr(&args.positional[0], attr_name(&args.positional[1])?) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.kind.is_subtype_of(TypeId::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn builtin_setattr(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "setattr", 3, 3)?;
    let [obj, name, value] = args.positional else {
        unreachable!("expect checked the count");
    };
    attr::set_attr(obj, attr_name(name)?, value.clone())?;
    Ok(Value::None)
}

fn builtin_delattr(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "delattr", 2, 2)?;
    attr::delete_attr(&args.positional[0], attr_name(&args.positional[1])?)?;
    Ok(Value::None)
}

fn builtin_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "next", 1, 2)?;
    let it = &args.positional[0];
    if !matches!(it, Value::Iter(_)) {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            it.type_name()
        )));
    }
    match iter::next(vm, it)? {
        Some(v) => Ok(v),
        None => match args.positional.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(PyException::new(TypeId::StopIteration, Vec::new())),
        },
    }
}

fn builtin_id(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "id", 1, 1)?;
    let v = &args.positional[0];
    Ok(Value::Int(match v.heap_address() {
        Some(a) => a as i64,
        None => match v {
            Value::Int(i) => *i ^ 0x5bd1e995,
            Value::Float(f) => f.to_bits() as i64,
            other => other.type_id() as i64,
        },
    }))
}

fn is_callable(v: &Value) -> bool {
    matches!(
        v,
        Value::Function(_)
            | Value::Builtin(_)
            | Value::BoundMethod(_)
            | Value::MethodDescriptor(_)
            | Value::Type(_)
    )
}

fn builtin_callable(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "callable", 1, 1)?;
    Ok(Value::Bool(is_callable(&args.positional[0])))
}

fn builtin_format(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    expect(&args, "format", 1, 2)?;
    let spec = match args.positional.get(1) {
        None => "",
        Some(Value::Str(s)) => s.as_str(),
        Some(other) => {
            return Err(type_error(format!(
                "format() argument 2 must be str, not {}",
                other.type_name()
            )));
        }
    };
    strformat::format(&args.positional[0], spec).map(Value::string)
}

fn radix_text(args: &Args<'_>, name: &str, radix: u32, prefix: &str) -> PyResult<Value> {
    expect(args, name, 1, 1)?;
    let n = to_ibig(&args.positional[0]).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            args.positional[0].type_name()
        ))
    })?;
    Ok(Value::string(strformat::int_with_prefix(&n, radix, prefix)))
}

fn builtin_bin(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix_text(&args, "bin", 2, "0b")
}

fn builtin_oct(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix_text(&args, "oct", 8, "0o")
}

fn builtin_hex(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    radix_text(&args, "hex", 16, "0x")
}

/// Calling a type: `int(x)`, `list(it)`, `ValueError("msg")`, ...
pub fn construct(vm: &mut Vm, ty: TypeId, args: Args<'_>) -> PyResult<Value> {
    match ty {
        TypeId::Int => construct_int(args),
        TypeId::Float => {
            expect(&args, "float", 0, 1)?;
            construct_float(args.positional.first())
        }
        TypeId::Str => {
            expect(&args, "str", 0, 1)?;
            Ok(match args.positional.first() {
                None => Value::str(""),
                Some(v @ Value::Str(_)) => v.clone(),
                Some(v) => Value::string(try_to_str(v)?),
            })
        }
        TypeId::Bool => {
            expect(&args, "bool", 0, 1)?;
            Ok(Value::Bool(
                args.positional.first().is_some_and(|v| v.is_truthy()),
            ))
        }
        TypeId::List => {
            expect(&args, "list", 0, 1)?;
            Ok(Value::list(match args.positional.first() {
                Some(v) => iter::collect(vm, v)?,
                None => Vec::new(),
            }))
        }
        TypeId::Tuple => {
            expect(&args, "tuple", 0, 1)?;
            Ok(match args.positional.first() {
                Some(v @ Value::Tuple(_)) => v.clone(),
                Some(v) => Value::tuple(iter::collect(vm, v)?),
                None => Value::tuple(Vec::new()),
            })
        }
        TypeId::Dict => {
            if args.positional.len() > 1 {
                return Err(type_error(format!(
                    "dict expected at most 1 argument, got {}",
                    args.positional.len()
                )));
            }
            let d = PyDict::new();
            if let Some(source) = args.positional.first() {
                update_dict(vm, &d, source)?;
            }
            for (k, v) in args.kw_names.iter().zip(args.kw_values) {
                d.set(k.clone(), v.clone())?;
            }
            Ok(Value::Dict(Rc::new(d)))
        }
        TypeId::Set | TypeId::FrozenSet => {
            expect(&args, ty.name(), 0, 1)?;
            let table = match args.positional.first() {
                Some(Value::FrozenSet(set)) if ty == TypeId::FrozenSet => {
                    return Ok(Value::FrozenSet(set.clone()));
                }
                Some(source) => Operand::new(vm, source)?.to_table(),
                None => SetTable::new(),
            };
            let set = Rc::new(PySet::new(table));
            Ok(if ty == TypeId::Set {
                Value::Set(set)
            } else {
                Value::FrozenSet(set)
            })
        }
        TypeId::Range => construct_range(args),
        TypeId::Enumerate => {
            let [source, start] = args.bind("enumerate", 0, ["iterable", "start"], 0, 0, 2)?;
            let start = match start {
                Some(v) => index_arg(v)?,
                None => 0,
            };
            let Some(source) = source else {
                return Err(type_error(
                    "enumerate() missing required argument 'iterable'",
                ));
            };
            Ok(iter::new_enumerate(iter::get_iter(source)?, start))
        }
        TypeId::Zip => {
            let mut inners = Vec::new();
            for v in args.positional {
                inners.push(iter::get_iter(v)?);
            }
            Ok(iter::new_zip(inners))
        }
        TypeId::Map => {
            if args.positional.len() < 2 {
                return Err(type_error("map() must have at least two arguments."));
            }
            let mut inners = Vec::new();
            for v in &args.positional[1..] {
                inners.push(iter::get_iter(v)?);
            }
            Ok(iter::new_map(args.positional[0].clone(), inners))
        }
        TypeId::Filter => {
            expect(&args, "filter", 2, 2)?;
            Ok(iter::new_filter(
                args.positional[0].clone(),
                iter::get_iter(&args.positional[1])?,
            ))
        }
        TypeId::Reversed => {
            expect(&args, "reversed", 1, 1)?;
            iter::new_reversed(&args.positional[0])
        }
        TypeId::Type => {
            expect(&args, "type", 1, 1)?;
            Ok(Value::Type(args.positional[0].type_id()))
        }
        TypeId::Slice => {
            expect(&args, "slice", 1, 3)?;
            let p = args.positional;
            let (start, stop, step) = match p.len() {
                1 => (Value::None, p[0].clone(), Value::None),
                2 => (p[0].clone(), p[1].clone(), Value::None),
                _ => (p[0].clone(), p[1].clone(), p[2].clone()),
            };
            Ok(Value::Slice(Rc::new(super::value::PySlice {
                start,
                stop,
                step,
            })))
        }
        TypeId::Object => Err(type_error(
            "object() instances are not supported by pvm yet",
        )),
        // Exception types are looked for last: finding one walks the class hierarchy.
        _ if ty.is_exception() => {
            if args.has_keywords() {
                return Err(type_error(format!(
                    "{}() takes no keyword arguments",
                    ty.name()
                )));
            }
            Ok(Value::Exception(PyException::new(
                ty,
                args.positional.to_vec(),
            )))
        }
        _ => Err(type_error(format!(
            "cannot create '{}' instances",
            ty.name()
        ))),
    }
}

fn construct_int(args: Args<'_>) -> PyResult<Value> {
    let [v, base] = args.bind("int", 0, ["x", "base"], 1, 0, 2)?;
    let Some(v) = v else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(base) = base {
        let base = index_arg(base)?;
        let Value::Str(s) = v else {
            return Err(type_error(
                "int() can't convert non-string with explicit base",
            ));
        };
        if base != 0 && !(2..=36).contains(&base) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        return parse_int(s.as_str(), base as u32);
    }
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => int::float_to_int(*f),
        Value::Str(s) => parse_int(s.as_str(), 10),
        other => Err(type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

/// `int(text, base)` with Python's literal rules (underscores, prefixes for base 0 or matching).
pub fn parse_int(text: &str, base: u32) -> PyResult<Value> {
    let invalid = || {
        value_error(format!(
            "invalid literal for int() with base {base}: {}",
            // CPython's `%.200R`: the repr cut to 200 characters.
            repr(&Value::str(text))
                .chars()
                .take(200)
                .collect::<String>()
        ))
    };
    let ascii = super::text::ascii_digits(text);
    let trimmed = ascii.trim_matches(|c: char| c.is_whitespace());
    let (negative, digits) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let lower = digits.to_ascii_lowercase();
    let (radix, body) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (16, &digits[2..]),
        (0 | 8, Some("0o")) => (8, &digits[2..]),
        (0 | 2, Some("0b")) => (2, &digits[2..]),
        (0, _) => (10, digits),
        (b, _) => (b, digits),
    };
    let prefixed = body.len() != digits.len();
    let body = if prefixed {
        body.strip_prefix('_').unwrap_or(body)
    } else {
        body
    };
    if body.is_empty() || body.starts_with('_') {
        return Err(invalid());
    }
    // CPython checks the digit limit on the leading run of digits and single underscores,
    // before it looks at what follows; power-of-two bases are exempt.
    if !radix.is_power_of_two() {
        let run = &body[..body
            .find(|c: char| !c.is_digit(radix) && c != '_')
            .unwrap_or(body.len())];
        if !run.ends_with('_') && !run.contains("__") {
            int::check_parse_digits(run.bytes().filter(|b| *b != b'_').count())?;
        }
    }
    if body.ends_with('_') || body.contains("__") {
        return Err(invalid());
    }
    if base == 0
        && radix == 10
        && body.len() > 1
        && body.starts_with('0')
        && body.chars().any(|c| c != '0' && c != '_')
    {
        return Err(invalid());
    }
    let cleaned: String = body.chars().filter(|c| *c != '_').collect();
    if !cleaned.chars().all(|c| c.is_digit(radix)) {
        return Err(invalid());
    }
    let magnitude = if cleaned.is_ascii() {
        IBig::from_str_radix(&cleaned, radix).map_err(|_| invalid())?
    } else {
        let ascii: String = cleaned
            .chars()
            .map(|c| char::from_digit(c.to_digit(radix).unwrap_or(0), radix).unwrap_or('0'))
            .collect();
        IBig::from_str_radix(&ascii, radix).map_err(|_| invalid())?
    };
    Ok(Value::from_ibig(if negative {
        -magnitude
    } else {
        magnitude
    }))
}

fn construct_float(v: Option<&Value>) -> PyResult<Value> {
    match v {
        None => Ok(Value::Float(0.0)),
        Some(Value::Float(f)) => Ok(Value::Float(*f)),
        Some(Value::Int(i)) => Ok(Value::Float(*i as f64)),
        Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
        Some(Value::BigInt(n)) => int::ibig_to_f64(n).map(Value::Float),
        Some(Value::Str(s)) => parse_float(s.as_str()).map(Value::Float),
        Some(other) => Err(type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

pub fn parse_float(text: &str) -> PyResult<f64> {
    let invalid = || {
        value_error(format!(
            "could not convert string to float: {}",
            repr(&Value::str(text))
        ))
    };
    let ascii = super::text::ascii_digits(text);
    let t = ascii.trim_matches(|c: char| c.is_whitespace());
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if lower.len() - unsigned.len() > 1 {
        return Err(invalid());
    }
    let negative = lower.starts_with('-');
    let special = match unsigned {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    let valid_underscores = !t.starts_with('_')
        && !t.ends_with('_')
        && t.as_bytes()
            .windows(3)
            .all(|w| w[1] != b'_' || (w[0].is_ascii_digit() && w[2].is_ascii_digit()));
    if !valid_underscores || unsigned.is_empty() {
        return Err(invalid());
    }
    let cleaned: String = t.chars().filter(|c| *c != '_').collect();
    if !cleaned
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
    {
        return Err(invalid());
    }
    cleaned.parse::<f64>().map_err(|_| invalid())
}

fn construct_range(args: Args<'_>) -> PyResult<Value> {
    if args.has_keywords() {
        return Err(type_error("range() takes no keyword arguments"));
    }
    let (start, stop, step) = match args.positional {
        [stop] => (0, range_bound(stop)?, 1),
        [start, stop] => (range_bound(start)?, range_bound(stop)?, 1),
        [start, stop, step] => (range_bound(start)?, range_bound(stop)?, range_bound(step)?),
        [] => return Err(type_error("range expected at least 1 argument, got 0")),
        many => {
            return Err(type_error(format!(
                "range expected at most 3 arguments, got {}",
                many.len()
            )));
        }
    };
    if step == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(PyRange { start, stop, step })))
}

/// One argument of `range()` as a bound.
fn range_bound(v: &Value) -> PyResult<i128> {
    match v {
        Value::Int(i) => Ok(*i as i128),
        Value::Bool(b) => Ok(*b as i128),
        Value::BigInt(n) => i128::try_from(&**n)
            .ok()
            .filter(|n| n.unsigned_abs() < 1 << 126)
            .ok_or_else(|| {
                overflow_error("range() bounds beyond 126 bits are not supported by pvm yet")
            }),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}
