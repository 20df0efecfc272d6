//! Constant folding: expressions made only of literals are evaluated at compile time, as
//! CPython's AST optimizer does, so `-1`, `2 ** 10` and `(1, 'a')` are single constants.
//!
//! Only results the runtime would compute identically are folded: integer arithmetic is exact
//! (done in big integers and stored as `Int` when it fits), float arithmetic is limited to the
//! IEEE operations Python defines the same way, results that could be huge are left to run time,
//! and anything that raises (division by zero, negative shifts) is never folded so the error
//! still happens when the code runs.

use dashu_int::IBig;
use dashu_int::ops::BitTest;

use crate::bytecode::Constant;
use crate::syntax::ast::{self, BinOp, Expr, ExprKind, UnaryOp};

/// The largest integer result (in bits) that multiplication, powers and shifts may fold to.
const MAX_FOLDED_BITS: usize = 128;

/// Floats represent every integer up to this magnitude exactly.
const MAX_EXACT_FLOAT_INT: i64 = 1 << 53;

/// The value of an expression when it can be computed at compile time.
pub fn fold(expr: &Expr<'_>) -> Option<Constant> {
    match &expr.kind {
        ExprKind::Constant(constant) => literal(constant),
        ExprKind::UnaryOp { op, operand } => fold_unary(*op, &fold(operand)?),
        ExprKind::BinOp { left, op, right } => fold_binary(&fold(left)?, *op, &fold(right)?),
        ExprKind::Tuple(items) => items
            .iter()
            .map(fold)
            .collect::<Option<_>>()
            .map(Constant::Tuple),
        _ => None,
    }
}

/// A literal's constant; complex and bytes literals have none (the compiler rejects them).
pub fn literal(constant: &ast::Constant<'_>) -> Option<Constant> {
    Some(match *constant {
        ast::Constant::None => Constant::None,
        ast::Constant::True => Constant::Bool(true),
        ast::Constant::False => Constant::Bool(false),
        ast::Constant::Ellipsis => Constant::Ellipsis,
        ast::Constant::Int(value) => Constant::Int(value),
        ast::Constant::BigInt(digits) => Constant::BigInt(digits.to_owned()),
        ast::Constant::Float(value) => Constant::Float(value),
        ast::Constant::Str(text) => Constant::Str(text.to_owned()),
        ast::Constant::Imaginary(_) | ast::Constant::Bytes(_) => return None,
    })
}

/// Python's truth value of a constant.
pub fn truthiness(constant: &Constant) -> bool {
    match constant {
        Constant::None => false,
        Constant::Bool(value) => *value,
        Constant::Int(value) => *value != 0,
        Constant::Float(value) => *value != 0.0,
        Constant::Str(text) => !text.is_empty(),
        Constant::Tuple(items) | Constant::FrozenSet(items) => !items.is_empty(),
        Constant::BigInt(_) | Constant::Ellipsis | Constant::Code(_) | Constant::LazyCode(_) => {
            true
        }
    }
}

/// A numeric operand. Booleans are left alone: folding `True + 1` gains nothing.
enum Number {
    Int(IBig),
    Float(f64),
}

impl Number {
    fn of(constant: &Constant) -> Option<Number> {
        match constant {
            Constant::Int(value) => Some(Number::Int(IBig::from(*value))),
            Constant::BigInt(digits) => digits.parse().ok().map(Number::Int),
            Constant::Float(value) => Some(Number::Float(*value)),
            _ => None,
        }
    }

    /// The value as a float, when the conversion is exact.
    fn exact_float(&self) -> Option<f64> {
        match self {
            Number::Float(value) => Some(*value),
            Number::Int(value) => i64::try_from(value)
                .ok()
                .filter(|value| value.abs() <= MAX_EXACT_FLOAT_INT)
                .map(|value| value as f64),
        }
    }
}

fn int_constant(value: IBig) -> Constant {
    match i64::try_from(&value) {
        Ok(small) => Constant::Int(small),
        Err(_) => Constant::BigInt(value.to_string()),
    }
}

fn fold_unary(op: UnaryOp, operand: &Constant) -> Option<Constant> {
    match (op, Number::of(operand)?) {
        (UnaryOp::Neg, Number::Int(value)) => Some(int_constant(-value)),
        (UnaryOp::Neg, Number::Float(value)) => Some(Constant::Float(-value)),
        (UnaryOp::Pos, Number::Int(value)) => Some(int_constant(value)),
        (UnaryOp::Pos, Number::Float(value)) => Some(Constant::Float(value)),
        (UnaryOp::Invert, Number::Int(value)) => Some(int_constant(!value)),
        (UnaryOp::Invert, Number::Float(_)) | (UnaryOp::Not, _) => None,
    }
}

fn fold_binary(left: &Constant, op: BinOp, right: &Constant) -> Option<Constant> {
    match (Number::of(left)?, Number::of(right)?) {
        (Number::Int(a), Number::Int(b)) => fold_int(a, op, b),
        (a, b) => fold_float(a.exact_float()?, op, b.exact_float()?),
    }
}

fn fold_int(a: IBig, op: BinOp, b: IBig) -> Option<Constant> {
    let zero = IBig::ZERO;
    let result = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul if a.bit_len() + b.bit_len() <= MAX_FOLDED_BITS => a * b,
        BinOp::FloorDiv if b != zero => floor_div_mod(&a, &b).0,
        BinOp::Mod if b != zero => floor_div_mod(&a, &b).1,
        BinOp::Pow if b >= zero => {
            let exponent = usize::try_from(&b).ok()?;
            if a.bit_len().saturating_mul(exponent) > MAX_FOLDED_BITS {
                return None;
            }
            a.pow(exponent)
        }
        BinOp::LShift if b >= zero => {
            let shift = usize::try_from(&b).ok()?;
            if a.bit_len().saturating_add(shift) > MAX_FOLDED_BITS {
                return None;
            }
            a << shift
        }
        BinOp::RShift if b >= zero => a >> usize::try_from(&b).ok()?,
        BinOp::BitAnd => a & b,
        BinOp::BitOr => a | b,
        BinOp::BitXor => a ^ b,
        BinOp::TrueDiv => {
            return fold_float(
                Number::Int(a).exact_float()?,
                op,
                Number::Int(b).exact_float()?,
            );
        }
        _ => return None,
    };
    Some(int_constant(result))
}

/// Floor division and the matching modulo, with Python's signs (the remainder takes the
/// divisor's sign).
fn floor_div_mod(a: &IBig, b: &IBig) -> (IBig, IBig) {
    let quotient = a / b;
    let remainder = a % b;
    if remainder != IBig::ZERO && (remainder < IBig::ZERO) != (*b < IBig::ZERO) {
        (quotient - IBig::ONE, remainder + b)
    } else {
        (quotient, remainder)
    }
}

fn fold_float(a: f64, op: BinOp, b: f64) -> Option<Constant> {
    let result = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::TrueDiv if b != 0.0 => a / b,
        _ => return None,
    };
    Some(Constant::Float(result))
}
