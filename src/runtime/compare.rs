//! Equality and ordering between values. Numbers compare exactly across int, big int, float
//! and bool (no rounding through f64); sequences compare lexicographically; ordering between
//! unrelated types is a TypeError worded as CPython's.

use std::cmp::Ordering;

use dashu_int::IBig;

use super::exceptions::{PyResult, type_error};
use super::value::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Comparison {
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Less => "<",
            Comparison::LessEqual => "<=",
            Comparison::Greater => ">",
            Comparison::GreaterEqual => ">=",
        }
    }

    pub(crate) fn holds(self, ordering: Ordering) -> bool {
        match self {
            Comparison::Less => ordering == Ordering::Less,
            Comparison::LessEqual => ordering != Ordering::Greater,
            Comparison::Greater => ordering == Ordering::Greater,
            Comparison::GreaterEqual => ordering != Ordering::Less,
        }
    }
}

/// `a == b` for built-in values (which never raise on equality).
pub fn values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => {
            super::str::PyStr::ptr_eq(x, y) || (x.may_equal(y) && x.as_str() == y.as_str())
        }
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::None, Value::None) | (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::List(x), Value::List(y)) => {
            std::rc::Rc::ptr_eq(x, y) || sequences_equal(&x.borrow(), &y.borrow())
        }
        (Value::Tuple(x), Value::Tuple(y)) => sequences_equal(x, y),
        (Value::Dict(x), Value::Dict(y)) => {
            if x.len() != y.len() {
                return false;
            }
            x.items().iter().all(|(k, v)| match y.get(k) {
                Ok(Some(other)) => values_equal(v, &other),
                _ => false,
            })
        }
        (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) => {
            let (x, y) = (x.table.borrow(), y.table.borrow());
            x.len() == y.len()
                && x.iter().all(|k| {
                    y.contains(&super::dict::KeyRef {
                        hash: k.hash,
                        value: &k.value,
                    })
                })
        }
        (Value::Range(x), Value::Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        _ => match (numeric_order(a, b), a.is_number() && b.is_number()) {
            (Some(ordering), true) => ordering == Ordering::Equal,
            (None, true) => false,
            _ => a.is(b),
        },
    }
}

fn sequences_equal(x: &[Value], y: &[Value]) -> bool {
    x.len() == y.len() && x.iter().zip(y).all(|(a, b)| a.is(b) || values_equal(a, b))
}

/// `a < b` and friends.
pub fn compare(a: &Value, b: &Value, op: Comparison) -> PyResult<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(op.holds(x.cmp(y)));
    }
    if a.is_number() && b.is_number() {
        return Ok(numeric_order(a, b).is_some_and(|o| op.holds(o)));
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(op.holds(x.as_str().cmp(y.as_str()))),
        (Value::List(x), Value::List(y)) => compare_sequences(&x.borrow(), &y.borrow(), op),
        (Value::Tuple(x), Value::Tuple(y)) => compare_sequences(x, y, op),
        (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
            compare_sets(a, b, op)
        }
        _ => Err(type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            a.type_name(),
            b.type_name()
        ))),
    }
}

fn compare_sequences(x: &[Value], y: &[Value], op: Comparison) -> PyResult<bool> {
    for (a, b) in x.iter().zip(y) {
        if let (Value::Int(p), Value::Int(q)) = (a, b) {
            if p != q {
                return Ok(op.holds(p.cmp(q)));
            }
            continue;
        }
        if !(a.is(b) || values_equal(a, b)) {
            return compare(a, b, op);
        }
    }
    Ok(op.holds(x.len().cmp(&y.len())))
}

fn compare_sets(a: &Value, b: &Value, op: Comparison) -> PyResult<bool> {
    let (Value::Set(x) | Value::FrozenSet(x), Value::Set(y) | Value::FrozenSet(y)) = (a, b) else {
        return Ok(false);
    };
    let subset = |small: &super::set::PySet, big: &super::set::PySet| {
        let big = big.table.borrow();
        small.table.borrow().iter().all(|k| {
            big.contains(&super::dict::KeyRef {
                hash: k.hash,
                value: &k.value,
            })
        })
    };
    Ok(match op {
        Comparison::LessEqual => subset(x, y),
        Comparison::Less => x.len() < y.len() && subset(x, y),
        Comparison::GreaterEqual => subset(y, x),
        Comparison::Greater => x.len() > y.len() && subset(y, x),
    })
}

/// The order `sorted` uses: `Less` when `a < b`, `Greater` when `b < a`, else `Equal`. Numbers
/// and strings compare in one step; tuples and lists, as Python's `<` does, by their first
/// unequal items; anything else asks `<` both ways.
pub fn sort_order(a: &Value, b: &Value) -> PyResult<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return Ok(x.cmp(y)),
        (Value::Str(x), Value::Str(y)) => return Ok(x.as_str().cmp(y.as_str())),
        (Value::Tuple(x), Value::Tuple(y)) => return sequence_sort_order(x, y),
        (Value::List(x), Value::List(y)) => return sequence_sort_order(&x.borrow(), &y.borrow()),
        _ if a.is_number() && b.is_number() => {
            return Ok(numeric_order(a, b).unwrap_or(Ordering::Equal));
        }
        _ => {}
    }
    if compare(a, b, Comparison::Less)? {
        Ok(Ordering::Less)
    } else if compare(b, a, Comparison::Less)? {
        Ok(Ordering::Greater)
    } else {
        Ok(Ordering::Equal)
    }
}

fn sequence_sort_order(x: &[Value], y: &[Value]) -> PyResult<Ordering> {
    for (a, b) in x.iter().zip(y) {
        if let (Value::Int(p), Value::Int(q)) = (a, b) {
            if p != q {
                return Ok(p.cmp(q));
            }
            continue;
        }
        if !(a.is(b) || values_equal(a, b)) {
            return sort_order(a, b);
        }
    }
    Ok(x.len().cmp(&y.len()))
}

/// Exact ordering of two numbers (None when a float is NaN or a value is not a number).
pub fn numeric_order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Int(x), Value::Float(y)) => int_float_order(*x, *y),
        (Value::Float(x), Value::Int(y)) => int_float_order(*y, *x).map(Ordering::reverse),
        (Value::Bool(x), _) => numeric_order(&Value::Int(*x as i64), b),
        (_, Value::Bool(y)) => numeric_order(a, &Value::Int(*y as i64)),
        (Value::BigInt(x), Value::BigInt(y)) => Some((**x).cmp(&**y)),
        (Value::BigInt(x), Value::Int(_)) => Some(if **x > IBig::ZERO {
            Ordering::Greater
        } else {
            Ordering::Less
        }),
        (Value::Int(_), Value::BigInt(y)) => Some(if **y > IBig::ZERO {
            Ordering::Less
        } else {
            Ordering::Greater
        }),
        (Value::BigInt(x), Value::Float(y)) => big_float_order(x, *y),
        (Value::Float(x), Value::BigInt(y)) => big_float_order(y, *x).map(Ordering::reverse),
        _ => None,
    }
}

fn int_float_order(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 9.3e18 {
        return Some(Ordering::Less);
    }
    if f <= -9.3e18 {
        return Some(Ordering::Greater);
    }
    let whole = f.trunc();
    match (i as i128).cmp(&(whole as i128)) {
        Ordering::Equal => 0.0.partial_cmp(&(f - whole)),
        other => Some(other),
    }
}

fn big_float_order(n: &IBig, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let whole = f.trunc();
    let whole_big = super::int::ibig_from_integral_f64(whole);
    match n.cmp(&whole_big) {
        Ordering::Equal => 0.0.partial_cmp(&(f - whole)),
        other => Some(other),
    }
}

impl Value {
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_)
        )
    }
}
