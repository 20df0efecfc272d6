//! Integer semantics: machine integers on the fast path, promoted to big integers (dashu)
//! exactly where CPython's result leaves the 64-bit range, and demoted again when a result fits.
//! Floor division and modulo follow Python's sign rules.
//!
//! Also CPython 3.11's limit on decimal int/str conversions (`sys.set_int_max_str_digits`):
//! `int(text)` and `str(n)` refuse more than 4300 decimal digits by default; power-of-two
//! bases are exempt. The limit belongs to the VM (`Vm::int_max_str_digits`), but the
//! conversions — `repr`, the formatters, `int()` parsing — run without the VM, so they read a
//! thread-local copy that the VM writes when it starts and whenever `sys` changes the limit.

use std::cell::Cell;

use dashu_int::IBig;
use dashu_int::ops::{BitTest, UnsignedAbs};

use super::exceptions::{PyResult, overflow_error, value_error, zero_division};
use super::value::Value;

/// The decimal text of `i`, written into `buf`: `str(int)` without the formatting machinery,
/// which costs several times more for the short numbers that text building mostly prints.
pub fn decimal(i: i64, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    let mut rest = i.unsigned_abs();
    loop {
        at -= 1;
        buf[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    // i64::MIN has 19 digits, so the sign always fits.
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    // SAFETY: ASCII digits and sign are UTF-8.
    unsafe { std::str::from_utf8_unchecked(&buf[at..]) }
}

/// Appends the decimal digits of `i` (see `decimal`).
pub fn push_decimal(out: &mut String, i: i64) {
    out.push_str(decimal(i, &mut [0; 20]));
}

pub fn to_ibig(value: &Value) -> Option<IBig> {
    match value {
        Value::Int(i) => Some(IBig::from(*i)),
        Value::Bool(b) => Some(IBig::from(*b as i64)),
        Value::BigInt(n) => Some((**n).clone()),
        _ => None,
    }
}

#[cold]
fn big(a: i64) -> IBig {
    IBig::from(a)
}

#[inline(always)]
pub fn add(a: i64, b: i64) -> Value {
    match a.checked_add(b) {
        Some(r) => Value::Int(r),
        None => Value::from_ibig(big(a) + big(b)),
    }
}

#[inline(always)]
pub fn sub(a: i64, b: i64) -> Value {
    match a.checked_sub(b) {
        Some(r) => Value::Int(r),
        None => Value::from_ibig(big(a) - big(b)),
    }
}

#[inline(always)]
pub fn mul(a: i64, b: i64) -> Value {
    match a.checked_mul(b) {
        Some(r) => Value::Int(r),
        None => Value::from_ibig(big(a) * big(b)),
    }
}

pub fn floor_div(a: i64, b: i64) -> PyResult<Value> {
    if b == 0 {
        return Err(zero_division("integer division or modulo by zero"));
    }
    if a == i64::MIN && b == -1 {
        return Ok(Value::from_ibig(-big(a)));
    }
    let q = a / b;
    Ok(Value::Int(if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }))
}

pub fn modulo(a: i64, b: i64) -> PyResult<Value> {
    if b == 0 {
        return Err(zero_division("integer modulo by zero"));
    }
    if b == -1 {
        return Ok(Value::Int(0));
    }
    let r = a % b;
    Ok(Value::Int(if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }))
}

pub fn big_floor_div_mod(a: &IBig, b: &IBig) -> PyResult<(IBig, IBig)> {
    if *b == IBig::ZERO {
        return Err(zero_division("integer division or modulo by zero"));
    }
    let mut q = a / b;
    let mut r = a % b;
    if r != IBig::ZERO && ((r < IBig::ZERO) != (*b < IBig::ZERO)) {
        q -= IBig::ONE;
        r += b;
    }
    Ok((q, r))
}

/// int / int, correctly rounded when both fit in 53 bits.
pub fn true_div(a: &IBig, b: &IBig) -> PyResult<f64> {
    if *b == IBig::ZERO {
        return Err(zero_division("division by zero"));
    }
    let (fa, fb) = (ibig_to_f64(a), ibig_to_f64(b));
    match (fa, fb) {
        (Ok(x), Ok(y)) if x.abs() < 9007199254740992.0 && y.abs() < 9007199254740992.0 => Ok(x / y),
        _ => {
            // Scale so the quotient keeps 64 significant bits before converting.
            let shift =
                (a.unsigned_abs().bit_len() as i64 - b.unsigned_abs().bit_len() as i64) - 64;
            let q = if shift > 0 {
                a / (b << shift as usize)
            } else {
                (a << (-shift) as usize) / b
            };
            let mantissa = ibig_to_f64(&q)?;
            let result = mantissa * 2f64.powi(shift.clamp(-2000, 2000) as i32);
            if result.is_infinite() {
                return Err(overflow_error(
                    "integer division result too large for a float",
                ));
            }
            Ok(result)
        }
    }
}

pub fn ibig_to_f64(n: &IBig) -> PyResult<f64> {
    let f = n.to_f64().value();
    if f.is_infinite() {
        return Err(overflow_error("int too large to convert to float"));
    }
    Ok(f)
}

/// An integral, finite float as an exact big integer.
pub fn ibig_from_integral_f64(f: f64) -> IBig {
    if f.abs() < 9.2e18 {
        return IBig::from(f as i64);
    }
    let bits = f.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mantissa = IBig::from((bits & ((1 << 52) - 1)) | (1 << 52));
    let magnitude = if exponent >= 0 {
        mantissa << exponent as usize
    } else {
        mantissa >> (-exponent) as usize
    };
    if f < 0.0 { -magnitude } else { magnitude }
}

/// `int(f)` for a float: truncation toward zero.
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    Ok(Value::from_ibig(ibig_from_integral_f64(f.trunc())))
}

/// `a ** b` for integers; a negative exponent gives a float.
pub fn pow(a: &IBig, b: &IBig) -> PyResult<Value> {
    if *b < IBig::ZERO {
        let base = ibig_to_f64(a)?;
        if base == 0.0 {
            return Err(zero_division("0.0 cannot be raised to a negative power"));
        }
        let exponent = ibig_to_f64(b)?;
        return Ok(Value::Float(base.powf(exponent)));
    }
    if let Ok(small) = i64::try_from(a)
        && (-1..=1).contains(&small)
    {
        let odd = b % IBig::from(2) == IBig::ONE;
        return Ok(Value::Int(match small {
            -1 if odd => -1,
            -1 => 1,
            0 if *b == IBig::ZERO => 1,
            other => other,
        }));
    }
    let exponent = usize::try_from(b).map_err(|_| overflow_error("exponent too large"))?;
    if exponent as u64 * a.unsigned_abs().bit_len() as u64 > 1 << 36 {
        return Err(overflow_error("exponent too large"));
    }
    Ok(Value::from_ibig(a.pow(exponent)))
}

pub fn pow_mod(a: &IBig, b: &IBig, m: &IBig) -> PyResult<Value> {
    if *m == IBig::ZERO {
        return Err(value_error("pow() 3rd argument cannot be 0"));
    }
    let base = {
        let (_, r) = big_floor_div_mod(a, m)?;
        r
    };
    let mut exponent = b.clone();
    let mut base = base;
    if exponent < IBig::ZERO {
        base = mod_inverse(&base, m)
            .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
        exponent = -exponent;
    }
    let mut result = IBig::ONE;
    let (_, mut result_mod) = big_floor_div_mod(&result, m)?;
    let magnitude = exponent.unsigned_abs();
    for i in (0..magnitude.bit_len()).rev() {
        result_mod = big_floor_div_mod(&(&result_mod * &result_mod), m)?.1;
        if magnitude.bit(i) {
            result_mod = big_floor_div_mod(&(&result_mod * &base), m)?.1;
        }
    }
    result = result_mod;
    Ok(Value::from_ibig(result))
}

fn mod_inverse(a: &IBig, m: &IBig) -> Option<IBig> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (IBig::ONE, IBig::ZERO);
    while r != IBig::ZERO {
        let q = &old_r / &r;
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    if old_r != IBig::ONE && old_r != -IBig::ONE {
        return None;
    }
    let inverse = if old_r == IBig::ONE { old_s } else { -old_s };
    big_floor_div_mod(&inverse, m).ok().map(|(_, r)| r)
}

pub fn shift_left(a: &IBig, b: &IBig) -> PyResult<Value> {
    if *b < IBig::ZERO {
        return Err(value_error("negative shift count"));
    }
    if *a == IBig::ZERO {
        return Ok(Value::Int(0));
    }
    let count = usize::try_from(b)
        .ok()
        .filter(|c| *c < 1 << 32)
        .ok_or_else(|| overflow_error("too many digits in integer"))?;
    Ok(Value::from_ibig(a << count))
}

pub fn shift_right(a: &IBig, b: &IBig) -> PyResult<Value> {
    if *b < IBig::ZERO {
        return Err(value_error("negative shift count"));
    }
    let count = match usize::try_from(b) {
        Ok(c) => c,
        Err(_) => return Ok(Value::Int(if *a < IBig::ZERO { -1 } else { 0 })),
    };
    // Floor semantics for negative numbers: -((-a - 1) >> n) - 1.
    if *a < IBig::ZERO {
        let magnitude = -a - IBig::ONE;
        Ok(Value::from_ibig(-(magnitude >> count) - IBig::ONE))
    } else {
        Ok(Value::from_ibig(a >> count))
    }
}

/// CPython's default for `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The smallest non-zero limit; shorter conversions are never checked.
pub const MAX_STR_DIGITS_THRESHOLD: usize = 640;

thread_local! {
    /// The VM's limit (0 = none), mirrored for conversions that have no VM at hand.
    static MAX_STR_DIGITS: Cell<usize> = const { Cell::new(DEFAULT_MAX_STR_DIGITS) };
}

/// Sets the conversions' copy of the limit; only the VM calls it (see the module comment).
pub fn set_max_str_digits(limit: usize) {
    MAX_STR_DIGITS.with(|m| m.set(limit));
}

/// The limit on decimal digits in force (0 = none).
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|m| m.get())
}

/// `|n|` in decimal, or the message of CPython's `ValueError` when it has more digits than
/// the limit allows. The sign does not count.
pub fn decimal_digits(n: &IBig) -> Result<String, String> {
    let limit = max_str_digits();
    let exceeded = || {
        format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )
    };
    let magnitude = n.unsigned_abs();
    if limit > 0 {
        // A number of `bits` bits has more than (bits - 1) * log10(2) digits: refuse a huge
        // number before the (quadratic) conversion, as CPython does. The bound is lowered by
        // one against rounding; the exact count below decides the rest.
        let bits = magnitude.bit_len();
        let at_least = (bits.saturating_sub(1) as f64 * std::f64::consts::LOG10_2 - 1.0).max(0.0);
        if at_least as usize >= limit {
            return Err(exceeded());
        }
    }
    let digits = magnitude.to_string();
    if limit > 0 && digits.len() > limit {
        return Err(exceeded());
    }
    Ok(digits)
}

/// `str(n)` with the limit.
pub fn to_decimal(n: &IBig) -> PyResult<String> {
    let digits = decimal_digits(n).map_err(value_error)?;
    Ok(if *n < IBig::ZERO {
        format!("-{digits}")
    } else {
        digits
    })
}

/// Refuses a decimal (or other non-power-of-two base) text of `digits` digits longer than the
/// limit, for `int(text)`.
pub fn check_parse_digits(digits: usize) -> PyResult<()> {
    let limit = max_str_digits();
    if digits > MAX_STR_DIGITS_THRESHOLD && limit > 0 && digits > limit {
        return Err(value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has \
             {digits} digits; use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}
