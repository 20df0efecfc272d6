//! `hash()` with CPython's values for numbers and tuples: ints reduce modulo the Mersenne prime
//! 2**61 - 1, an integral float hashes like the equal int, tuples combine item hashes with the
//! xxHash-style mixing CPython 3.11 uses. Equal keys must hash equally across int, float and
//! bool, and matching CPython's numbers keeps `hash()` output and set order identical.

use dashu_int::IBig;
use dashu_int::ops::UnsignedAbs;

use super::exceptions::{PyResult, type_error};
use super::value::Value;

const MODULUS_BITS: u32 = 61;
const MODULUS: u64 = (1 << MODULUS_BITS) - 1;
const HASH_INF: i64 = 314159;

/// `hash(value)`: ints and strs (the usual keys) inline, the other types out of line.
#[inline]
pub fn hash_value(value: &Value) -> PyResult<i64> {
    match value {
        Value::Int(i) => Ok(hash_i64(*i)),
        Value::Str(s) => Ok(s.hash()),
        _ => hash_other(value),
    }
}

#[inline(never)]
fn hash_other(value: &Value) -> PyResult<i64> {
    match value {
        Value::Int(i) => Ok(hash_i64(*i)),
        Value::Str(s) => Ok(s.hash()),
        Value::Bool(b) => Ok(*b as i64),
        Value::Float(f) => Ok(hash_f64(*f)),
        Value::BigInt(n) => Ok(hash_ibig(n)),
        Value::None => Ok(0xFCA86420),
        Value::Tuple(items) => hash_tuple(items),
        Value::FrozenSet(set) => {
            let table = set.table.borrow();
            Ok(hash_frozenset(table.iter().map(|k| k.hash), table.len()))
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => Err(type_error(
            format!("unhashable type: '{}'", value.type_name()),
        )),
        other => Ok(other
            .heap_address()
            .map(|a| (a >> 4) as i64)
            .unwrap_or(other.type_id() as i64)),
    }
}

#[inline(always)]
pub fn hash_i64(i: i64) -> i64 {
    if i > -(MODULUS as i64) && i < MODULUS as i64 {
        return if i == -1 { -2 } else { i };
    }
    let magnitude = (i.unsigned_abs() % MODULUS) as i64;
    let h = if i < 0 { -magnitude } else { magnitude };
    if h == -1 { -2 } else { h }
}

fn hash_ibig(n: &IBig) -> i64 {
    let modulus = IBig::from(MODULUS);
    let magnitude = IBig::from(n.unsigned_abs()) % &modulus;
    let magnitude = i64::try_from(&magnitude).unwrap_or(0);
    let h = if *n < IBig::ZERO {
        -magnitude
    } else {
        magnitude
    };
    if h == -1 { -2 } else { h }
}

pub fn hash_f64(value: f64) -> i64 {
    if value.is_nan() {
        return 0;
    }
    if value.is_infinite() {
        return if value > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if value == value.trunc() && value.abs() < 9.2e18 {
        return hash_i64(value as i64);
    }
    let (mut mantissa, mut exponent) = frexp(value.abs());
    let sign: i64 = if value < 0.0 { -1 } else { 1 };
    let mut acc: u64 = 0;
    while mantissa != 0.0 {
        acc = ((acc << 28) & MODULUS) | (acc >> (MODULUS_BITS - 28));
        mantissa *= 268435456.0;
        exponent -= 28;
        let digit = mantissa as u64;
        mantissa -= digit as f64;
        acc += digit;
        if acc >= MODULUS {
            acc -= MODULUS;
        }
    }
    let exponent = exponent.rem_euclid(MODULUS_BITS as i32) as u32;
    acc = ((acc << exponent) & MODULUS) | (acc >> (MODULUS_BITS - exponent));
    let h = acc as i64 * sign;
    if h == -1 { -2 } else { h }
}

/// Splits a positive finite float into mantissa in [0.5, 1) and exponent.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (0.0, 0);
    }
    let bits = x.to_bits();
    let raw_exponent = ((bits >> 52) & 0x7ff) as i32;
    if raw_exponent == 0 {
        let (m, e) = frexp(x * f64::powi(2.0, 64));
        return (m, e - 64);
    }
    let mantissa = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (mantissa, raw_exponent - 1022)
}

const PRIME_1: u64 = 11400714785074694791;
const PRIME_2: u64 = 14029467366897019727;
const PRIME_5: u64 = 2870177450012600261;

fn hash_tuple(items: &[Value]) -> PyResult<i64> {
    let mut acc = PRIME_5;
    for item in items {
        let lane = hash_value(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(items.len() as u64 ^ (PRIME_5 ^ 3527539));
    Ok(if acc as i64 == -1 {
        1546275796
    } else {
        acc as i64
    })
}

fn hash_frozenset(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    let mut acc: u64 = 0;
    for h in hashes {
        let h = h as u64;
        acc ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    }
    acc ^= (len as u64 + 1).wrapping_mul(1927868237);
    acc ^= (acc >> 11) ^ (acc >> 25);
    acc = acc.wrapping_mul(69069).wrapping_add(907133923);
    if acc as i64 == -1 {
        590923713
    } else {
        acc as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_hash_as_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(2305843009213693951), 0);
        assert_eq!(hash_i64(2305843009213693952), 1);
        assert_eq!(hash_f64(1.5), 1152921504606846977);
        assert_eq!(hash_f64(-2.5), -1152921504606846978);
        assert_eq!(hash_f64(0.1), 230584300921369408);
        assert_eq!(hash_f64(3.0), 3);
        assert_eq!(hash_f64(f64::INFINITY), 314159);
    }

    #[test]
    fn tuples_hash_as_cpython() {
        let t = vec![Value::Int(1), Value::Int(2)];
        assert_eq!(hash_tuple(&t).unwrap(), -3550055125485641917);
        assert_eq!(hash_tuple(&[]).unwrap(), 5740354900026072187);
    }
}
