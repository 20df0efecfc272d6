//! Binary and unary operators over all built-in types: the general (slow) path behind the
//! engines' inlined int and float fast paths, with CPython's results and error messages.

use std::rc::Rc;

use dashu_int::IBig;

use super::exceptions::{PyResult, error, overflow_error, type_error, zero_division};
use super::int;
use super::set::{Operand, PySet};
use super::str::{PyStr, StrBuilder};
use super::types::TypeId;
use super::value::Value;
use super::vm::Vm;

/// The operators are part of the instruction encoding (`InplaceOp`); this module implements them.
pub use crate::bytecode::BinaryOp;

impl BinaryOp {
    /// The operators `float` implements (the rest are int-only: bitwise, shifts, `@`).
    pub fn is_float_op(self) -> bool {
        matches!(
            self,
            BinaryOp::Add
                | BinaryOp::Sub
                | BinaryOp::Mul
                | BinaryOp::TrueDiv
                | BinaryOp::FloorDiv
                | BinaryOp::Mod
                | BinaryOp::Pow
        )
    }
}

#[cold]
fn unsupported(op: BinaryOp, a: &Value, b: &Value) -> PyErr {
    type_error(unsupported_message(op, a, b, false))
}

/// CPython's wording for an operator neither operand supports; `a op= b` names the augmented
/// operator (`+=`, `**=`) where `a op b` names `+` or `** or pow()`.
fn unsupported_message(op: BinaryOp, a: &Value, b: &Value, inplace: bool) -> String {
    let symbol = match (op, inplace) {
        (_, true) => format!("{}=", op.symbol()),
        (BinaryOp::Pow, false) => "** or pow()".to_string(),
        (_, false) => op.symbol().to_string(),
    };
    format!(
        "unsupported operand type(s) for {symbol}: '{}' and '{}'",
        a.type_name(),
        b.type_name()
    )
}

/// Rewrites `binary`'s "unsupported operand" error into the augmented-assignment form.
#[cold]
fn inplace_error(err: PyErr, op: BinaryOp, a: &Value, b: &Value) -> PyErr {
    let is_unsupported = err.kind == TypeId::TypeError
        && matches!(err.args.as_slice(), [Value::Str(m)]
            if m.as_str() == unsupported_message(op, a, b, false));
    if is_unsupported {
        type_error(unsupported_message(op, a, b, true))
    } else {
        err
    }
}

use super::exceptions::PyErr;

/// `binary` for a left operand the caller gives up: `+` then extends a str that nothing else
/// references (a temporary, such as an f-string result) in place instead of copying it.
pub fn binary_owned(vm: &mut Vm, op: BinaryOp, a: Value, b: &Value) -> PyResult<Value> {
    match (op, a, b) {
        (BinaryOp::Add, Value::Str(x), Value::Str(y)) => Ok(concat_str(x, y)),
        // `s * n`, straight to the repetition.
        (BinaryOp::Mul, a @ Value::Str(_), &Value::Int(n)) => repeat(&a, n.max(0) as usize),
        (_, a, b) => binary(vm, op, &a, b),
    }
}

/// `x + y` for strs. An empty side gives the other str itself, as in CPython.
fn concat_str(x: PyStr, y: &PyStr) -> Value {
    if y.as_str().is_empty() {
        return Value::Str(x);
    }
    if x.as_str().is_empty() {
        return Value::Str(y.clone());
    }
    Value::Str(PyStr::append(x, y.as_str()))
}

/// `a op b`.
pub fn binary(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return int_binary(op, *x, *y);
    }
    // Every numeric case needs a number on the left: a str, list or tuple there (`s + t`,
    // `s * n`, `s % args`) skips converting the right operand to float and big int.
    if !a.is_number() {
        return sequence_binary(vm, op, a, b);
    }
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            BinaryOp::And => return Ok(Value::Bool(x & y)),
            BinaryOp::Or => return Ok(Value::Bool(x | y)),
            BinaryOp::Xor => return Ok(Value::Bool(x ^ y)),
            _ => {}
        }
    }
    if let (Some(x), Some(y)) = (as_float_operand(a), as_float_operand(b))
        && (matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)))
    {
        if !op.is_float_op() {
            return Err(unsupported(op, a, b));
        }
        return float_binary(op, x?, y?);
    }
    if let (Some(x), Some(y)) = (int::to_ibig(a), int::to_ibig(b)) {
        return big_binary(op, &x, &y);
    }
    sequence_binary(vm, op, a, b)
}

/// `a op= b`: in place for mutable containers, else the same as `binary`.
pub fn inplace(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
    match (op, a) {
        (BinaryOp::Add, Value::List(list)) => {
            let items = super::iter::collect(vm, b)?;
            list.borrow_mut().extend(items);
            Ok(a.clone())
        }
        (BinaryOp::Mul, Value::List(list)) => {
            let n = repeat_count(b)?;
            checked_repeat_len(list.borrow().len(), n, false)?;
            let mut items = list.borrow_mut();
            let copy = items.clone();
            items.clear();
            for _ in 0..n {
                items.extend(copy.iter().cloned());
            }
            Ok(a.clone())
        }
        (BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor, Value::Set(set))
            if matches!(b, Value::Set(_) | Value::FrozenSet(_)) =>
        {
            let other = Operand::new(vm, b)?;
            match op {
                BinaryOp::Or if !other.is(set) => other.add_to(&mut set.table.borrow_mut()),
                BinaryOp::And => {
                    let common = other.intersect(set);
                    set.table.borrow_mut().replace_contents(common);
                }
                BinaryOp::Sub => other.remove_from(set),
                BinaryOp::Xor => other.toggle_in(set),
                _ => {}
            }
            Ok(a.clone())
        }
        (BinaryOp::Or, Value::Dict(dict)) if matches!(b, Value::Dict(_)) => {
            if let Value::Dict(other) = b {
                for (k, v) in other.items() {
                    dict.set(k, v)?;
                }
            }
            Ok(a.clone())
        }
        _ => binary(vm, op, a, b).map_err(|e| inplace_error(e, op, a, b)),
    }
}

fn as_float_operand(v: &Value) -> Option<PyResult<f64>> {
    match v {
        Value::Float(f) => Some(Ok(*f)),
        Value::Int(i) => Some(Ok(*i as f64)),
        Value::Bool(b) => Some(Ok(*b as i64 as f64)),
        Value::BigInt(n) => Some(int::ibig_to_f64(n)),
        _ => None,
    }
}

pub fn int_binary(op: BinaryOp, x: i64, y: i64) -> PyResult<Value> {
    Ok(match op {
        BinaryOp::Add => int::add(x, y),
        BinaryOp::Sub => int::sub(x, y),
        BinaryOp::Mul => int::mul(x, y),
        BinaryOp::FloorDiv => return int::floor_div(x, y),
        BinaryOp::Mod => return int::modulo(x, y),
        BinaryOp::TrueDiv => {
            if y == 0 {
                return Err(zero_division("division by zero"));
            }
            if x.unsigned_abs() < 1 << 53 && y.unsigned_abs() < 1 << 53 {
                Value::Float(x as f64 / y as f64)
            } else {
                Value::Float(int::true_div(&IBig::from(x), &IBig::from(y))?)
            }
        }
        BinaryOp::And => Value::Int(x & y),
        BinaryOp::Or => Value::Int(x | y),
        BinaryOp::Xor => Value::Int(x ^ y),
        BinaryOp::LShift if (0..64).contains(&y) && (x << y) >> y == x => Value::Int(x << y),
        BinaryOp::RShift if (0..64).contains(&y) => Value::Int(x >> y),
        BinaryOp::RShift if y >= 64 => Value::Int(if x < 0 { -1 } else { 0 }),
        BinaryOp::Pow if (0..64).contains(&y) => match x.checked_pow(y as u32) {
            Some(r) => Value::Int(r),
            None => return int::pow(&IBig::from(x), &IBig::from(y)),
        },
        _ => return big_binary(op, &IBig::from(x), &IBig::from(y)),
    })
}

fn big_binary(op: BinaryOp, x: &IBig, y: &IBig) -> PyResult<Value> {
    Ok(match op {
        BinaryOp::Add => Value::from_ibig(x + y),
        BinaryOp::Sub => Value::from_ibig(x - y),
        BinaryOp::Mul => Value::from_ibig(x * y),
        BinaryOp::FloorDiv => Value::from_ibig(int::big_floor_div_mod(x, y)?.0),
        BinaryOp::Mod if *y == IBig::ZERO => return Err(zero_division("integer modulo by zero")),
        BinaryOp::Mod => Value::from_ibig(int::big_floor_div_mod(x, y)?.1),
        BinaryOp::TrueDiv => Value::Float(int::true_div(x, y)?),
        BinaryOp::And => Value::from_ibig(x & y),
        BinaryOp::Or => Value::from_ibig(x | y),
        BinaryOp::Xor => Value::from_ibig(x ^ y),
        BinaryOp::LShift => return int::shift_left(x, y),
        BinaryOp::RShift => return int::shift_right(x, y),
        BinaryOp::Pow => return int::pow(x, y),
        BinaryOp::MatMul => {
            return Err(unsupported(
                op,
                &Value::from_ibig(x.clone()),
                &Value::from_ibig(y.clone()),
            ));
        }
    })
}

pub fn float_binary(op: BinaryOp, x: f64, y: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        BinaryOp::Add => x + y,
        BinaryOp::Sub => x - y,
        BinaryOp::Mul => x * y,
        BinaryOp::TrueDiv => {
            if y == 0.0 {
                return Err(zero_division("float division by zero"));
            }
            x / y
        }
        BinaryOp::FloorDiv => {
            if y == 0.0 {
                return Err(zero_division("float floor division by zero"));
            }
            float_div_mod(x, y).0
        }
        BinaryOp::Mod => {
            if y == 0.0 {
                return Err(zero_division("float modulo"));
            }
            float_div_mod(x, y).1
        }
        BinaryOp::Pow => return float_pow(x, y),
        _ => return Err(unsupported(op, &Value::Float(x), &Value::Float(y))),
    }))
}

/// Python's float divmod: the remainder takes the divisor's sign.
pub fn float_div_mod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floor_div = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    (floor_div, m)
}

pub fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if x == 0.0 && y < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.is_finite() && y != y.trunc() {
        return Err(error(
            TypeId::ValueError,
            "complex results are not supported by pvm yet",
        ));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(overflow_error("(34, 'Numerical result out of range')"));
    }
    Ok(Value::Float(r))
}

fn repeat_count(v: &Value) -> PyResult<usize> {
    match v {
        Value::Int(n) => Ok((*n).max(0) as usize),
        Value::Bool(b) => Ok(*b as usize),
        // Past i64 either way, as CPython's Py_ssize_t: negative ones too.
        Value::BigInt(_) => Err(overflow_error(
            "cannot fit 'int' into an index-sized integer",
        )),
        _ => Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            v.type_name()
        ))),
    }
}

/// Refuses a repetition CPython could not make: a length past `Py_ssize_t` is an OverflowError
/// for str ("repeated string is too long") and a MemoryError for lists and tuples; a result
/// too large to allocate (past 16 GiB here) is a MemoryError.
fn checked_repeat_len(item_len: usize, count: usize, is_str: bool) -> PyResult<()> {
    match item_len.checked_mul(count) {
        Some(n) if n <= 1 << 34 => Ok(()),
        Some(n) if n <= isize::MAX as usize => Err(error(TypeId::MemoryError, "")),
        _ if is_str => Err(error(TypeId::OverflowError, "repeated string is too long")),
        _ => Err(error(TypeId::MemoryError, "")),
    }
}

fn sequence_binary(vm: &mut Vm, op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
    match (op, a, b) {
        (BinaryOp::Add, Value::Str(x), Value::Str(y)) => Ok(concat_str(x.clone(), y)),
        (BinaryOp::Add, Value::List(x), Value::List(y)) => {
            let mut items = x.borrow().clone();
            items.extend(y.borrow().iter().cloned());
            Ok(Value::list(items))
        }
        (BinaryOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut items = (**x).clone();
            items.extend(y.iter().cloned());
            Ok(Value::tuple(items))
        }
        (BinaryOp::Add, Value::Str(_) | Value::List(_) | Value::Tuple(_), _) => {
            Err(type_error(format!(
                "can only concatenate {} (not \"{}\") to {}",
                a.type_name(),
                b.type_name(),
                a.type_name()
            )))
        }
        (BinaryOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_), _) => {
            repeat(a, repeat_count(b)?)
        }
        (BinaryOp::Mul, _, Value::Str(_) | Value::List(_) | Value::Tuple(_)) if !b.is_number() => {
            repeat(b, repeat_count(a)?)
        }
        (BinaryOp::Mod, Value::Str(template), _) => {
            super::strformat::percent_format(vm, template.as_str(), b)
        }
        (
            BinaryOp::Or | BinaryOp::And | BinaryOp::Sub | BinaryOp::Xor,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => set_binary(op, a, b),
        (BinaryOp::Or, Value::Dict(x), Value::Dict(y)) => {
            let merged = x.copy();
            for (k, v) in y.items() {
                merged.set(k, v)?;
            }
            Ok(Value::Dict(Rc::new(merged)))
        }
        _ => Err(unsupported(op, a, b)),
    }
}

fn repeat(seq: &Value, count: usize) -> PyResult<Value> {
    match seq {
        // The str itself when repeated once, as in CPython.
        Value::Str(_) if count == 1 => Ok(seq.clone()),
        Value::Str(_) if count == 0 => Ok(Value::str("")),
        Value::Str(s) => {
            checked_repeat_len(s.char_len(), count, true)?;
            checked_repeat_len(s.as_str().len(), count, false)?;
            let mut out = StrBuilder::with_capacity(s.as_str().len() * count);
            for _ in 0..count {
                out.push_str(s.as_str());
            }
            Ok(Value::built_str(out))
        }
        Value::List(l) => {
            let items = l.borrow();
            checked_repeat_len(items.len(), count, false)?;
            let mut out = Vec::with_capacity(items.len() * count);
            for _ in 0..count {
                out.extend(items.iter().cloned());
            }
            Ok(Value::list(out))
        }
        Value::Tuple(t) => {
            checked_repeat_len(t.len(), count, false)?;
            let mut out = Vec::with_capacity(t.len() * count);
            for _ in 0..count {
                out.extend(t.iter().cloned());
            }
            Ok(Value::tuple(out))
        }
        _ => Err(type_error("can't repeat")),
    }
}

/// `|`, `&`, `-`, `^` on sets, each building its result the way CPython does; the result has
/// the left operand's type.
pub fn set_binary(op: BinaryOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) = (a, b) else {
        return Err(unsupported(op, a, b));
    };
    let other = Operand::Set(y.clone());
    let table = match op {
        BinaryOp::Or => {
            let mut table = x.table.borrow().copy();
            if !other.is(x) {
                other.add_to(&mut table);
            }
            table
        }
        BinaryOp::And => other.intersect(x),
        BinaryOp::Sub => other.subtract_from(x),
        BinaryOp::Xor => other.symmetric_difference(x),
        _ => return Err(unsupported(op, a, b)),
    };
    let set = Rc::new(PySet::new(table));
    Ok(if matches!(a, Value::FrozenSet(_)) {
        Value::FrozenSet(set)
    } else {
        Value::Set(set)
    })
}

pub fn negative(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(int::sub(0, *i)),
        Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
        Value::Float(f) => Ok(Value::Float(-f)),
        Value::BigInt(n) => Ok(Value::from_ibig(-(**n).clone())),
        _ => Err(type_error(format!(
            "bad operand type for unary -: '{}'",
            v.type_name()
        ))),
    }
}

pub fn positive(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::Float(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        _ => Err(type_error(format!(
            "bad operand type for unary +: '{}'",
            v.type_name()
        ))),
    }
}

pub fn invert(v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(i) => Ok(Value::Int(!i)),
        Value::Bool(b) => Ok(Value::Int(!(*b as i64))),
        Value::BigInt(n) => Ok(Value::from_ibig(-(**n).clone() - IBig::ONE)),
        _ => Err(type_error(format!(
            "bad operand type for unary ~: '{}'",
            v.type_name()
        ))),
    }
}
