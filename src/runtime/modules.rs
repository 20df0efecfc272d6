//! The built-in modules `sys`, `math` and `time`.

use std::cell::Cell;
use std::rc::Rc;

use dashu_int::IBig;
use dashu_int::ops::{BitTest, SquareRoot, UnsignedAbs};

use super::dict::PyDict;
use super::exceptions::{PyException, PyResult, error, overflow_error, type_error, value_error};
use super::function::{Args, BuiltinFunction};
use super::int::{self, to_ibig};
use super::methods::index_arg;
use super::module::PyModule;
use super::repr::to_str;
use super::types::TypeId;
use super::value::Value;
use super::vm::Vm;

/// The built-in module `name`, created anew, if there is one.
pub fn builtin_module(vm: &Vm, name: &str) -> Option<Value> {
    let module = match name {
        "sys" => sys_module(vm),
        "math" => table_module(
            "math",
            MATH_FUNCTIONS,
            &[
                ("pi", Value::Float(std::f64::consts::PI)),
                ("e", Value::Float(std::f64::consts::E)),
                ("tau", Value::Float(std::f64::consts::TAU)),
                ("inf", Value::Float(f64::INFINITY)),
                ("nan", Value::Float(f64::NAN)),
            ],
        ),
        "time" => table_module("time", TIME_FUNCTIONS, &[]),
        _ => return None,
    };
    Some(module)
}

pub fn new_module(name: &str, dict: Rc<PyDict>) -> Value {
    dict.set_str("__name__", Value::str(name));
    Value::Module(Rc::new(PyModule {
        name: name.to_owned(),
        dict,
        initializing: Cell::new(false),
    }))
}

fn table_module(
    name: &str,
    functions: &'static [BuiltinFunction],
    constants: &[(&str, Value)],
) -> Value {
    let dict = Rc::new(PyDict::new());
    for f in functions {
        dict.set_str(f.name, Value::Builtin(f));
    }
    for (k, v) in constants {
        dict.set_str(k, v.clone());
    }
    new_module(name, dict)
}

macro_rules! function_table {
    ($table:ident: $($name:literal => $func:path),* $(,)?) => {
        static $table: &[BuiltinFunction] = &[
            $(crate::builtin_function!($name, $func),)*
        ];
    };
}

function_table!(SYS_FUNCTIONS:
    "exit" => sys_exit,
    "setrecursionlimit" => sys_setrecursionlimit,
    "getrecursionlimit" => sys_getrecursionlimit,
    "set_int_max_str_digits" => sys_set_int_max_str_digits,
    "get_int_max_str_digits" => sys_get_int_max_str_digits,
);

function_table!(STDOUT_METHODS:
    "write" => stdout_write,
    "flush" => stdout_flush,
);

fn sys_module(vm: &Vm) -> Value {
    let dict = Rc::new(PyDict::new());
    for f in SYS_FUNCTIONS {
        dict.set_str(f.name, Value::Builtin(f));
    }
    let argv = vm.argv.iter().map(|a| Value::str(a)).collect();
    dict.set_str("argv", Value::list(argv));
    dict.set_str("maxsize", Value::Int(i64::MAX));
    dict.set_str("version", Value::str("3.11.0 (pvm)"));
    dict.set_str("platform", Value::str("linux"));
    dict.set_str("modules", Value::Dict(vm.modules.clone()));
    dict.set_str("path", Value::List(vm.search_path.clone()));
    let stdout = Rc::new(PyDict::new());
    for f in STDOUT_METHODS {
        stdout.set_str(f.name, Value::Builtin(f));
    }
    dict.set_str("stdout", new_module("sys.stdout", stdout));
    new_module("sys", dict)
}

fn sys_exit(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Err(PyException::new(
        TypeId::SystemExit,
        args.positional.first().cloned().into_iter().collect(),
    ))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [limit] = args.positional else {
        return Err(type_error("setrecursionlimit() takes exactly one argument"));
    };
    let n = index_arg(limit)?;
    if n < 1 {
        return Err(value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    vm.set_recursion_limit(n as usize);
    Ok(Value::None)
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_set_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [limit] = args.bind("set_int_max_str_digits", 0, ["maxdigits"], 0, 1, 1)?;
    let limit = limit.expect("bind checked the required argument");
    let n = to_ibig(limit).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            limit.type_name()
        ))
    })?;
    let n = i32::try_from(&n)
        .map_err(|_| overflow_error("Python int too large to convert to C int"))?;
    if n != 0 && n < int::MAX_STR_DIGITS_THRESHOLD as i32 {
        return Err(value_error(format!(
            "maxdigits must be 0 or larger than {}",
            int::MAX_STR_DIGITS_THRESHOLD
        )));
    }
    vm.set_int_max_str_digits(n as usize);
    Ok(Value::None)
}

fn sys_get_int_max_str_digits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if args.has_keywords() {
        return Err(type_error(
            "sys.get_int_max_str_digits() takes no keyword arguments",
        ));
    }
    if !args.positional.is_empty() {
        return Err(type_error(format!(
            "sys.get_int_max_str_digits() takes no arguments ({} given)",
            args.positional.len()
        )));
    }
    Ok(Value::Int(vm.int_max_str_digits() as i64))
}

fn stdout_write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.positional {
        [Value::Str(s)] => {
            vm.output.write_str(s.as_str());
            Ok(Value::Int(s.char_len() as i64))
        }
        [other] => Err(type_error(format!(
            "write() argument must be str, not {}",
            other.type_name()
        ))),
        _ => Err(type_error("write() takes exactly one argument")),
    }
}

fn stdout_flush(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    vm.output.flush();
    Ok(Value::None)
}

function_table!(TIME_FUNCTIONS:
    "time" => time_time,
    "perf_counter" => time_perf_counter,
);

fn time_time(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0);
    Ok(Value::Float(now))
}

fn time_perf_counter(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    thread_local! {
        static START: std::time::Instant = std::time::Instant::now();
    }
    Ok(Value::Float(START.with(|s| s.elapsed().as_secs_f64())))
}

function_table!(MATH_FUNCTIONS:
    "sqrt" => math_sqrt,
    "exp" => math_exp,
    "log" => math_log,
    "log10" => math_log10,
    "log2" => math_log2,
    "sin" => math_sin,
    "cos" => math_cos,
    "tan" => math_tan,
    "asin" => math_asin,
    "acos" => math_acos,
    "atan" => math_atan,
    "sinh" => math_sinh,
    "cosh" => math_cosh,
    "tanh" => math_tanh,
    "fabs" => math_fabs,
    "atan2" => math_atan2,
    "pow" => math_pow,
    "hypot" => math_hypot,
    "fmod" => math_fmod,
    "copysign" => math_copysign,
    "degrees" => math_degrees,
    "radians" => math_radians,
    "floor" => math_floor,
    "ceil" => math_ceil,
    "trunc" => math_trunc,
    "isfinite" => math_isfinite,
    "isinf" => math_isinf,
    "isnan" => math_isnan,
    "gcd" => math_gcd,
    "isqrt" => math_isqrt,
    "factorial" => math_factorial,
);

/// A math function's argument as a float. Inline for a float, the common case
/// (`math.sqrt(d2)` in numeric loops); other types convert out of line.
#[inline(always)]
fn float_arg(v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        other => non_float_arg(other),
    }
}

#[inline(never)]
fn non_float_arg(v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(n) => int::ibig_to_f64(n),
        other => Err(type_error(format!(
            "must be real number, not {}",
            other.type_name()
        ))),
    }
}

fn exact_args<'a>(args: &Args<'a>, name: &str, n: usize) -> PyResult<&'a [Value]> {
    if args.positional.len() != n {
        let msg = if n == 1 {
            format!(
                "math.{name}() takes exactly one argument ({} given)",
                args.positional.len()
            )
        } else {
            format!(
                "{name} expected {n} arguments, got {}",
                args.positional.len()
            )
        };
        return Err(type_error(msg));
    }
    Ok(args.positional)
}

fn domain_error() -> super::exceptions::PyErr {
    value_error("math domain error")
}

/// Applies a one-argument libm function with CPython's error rules: NaN from a non-NaN input
/// is a domain error, infinity from a finite input is a range error.
fn unary(args: &Args<'_>, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let x = float_arg(&exact_args(args, name, 1)?[0])?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

macro_rules! unary_math {
    ($($name:ident => $py:literal, $f:expr;)*) => {$(
        fn $name(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            unary(&args, $py, $f)
        }
    )*};
}

unary_math! {
    math_exp => "exp", f64::exp;
    math_sin => "sin", f64::sin;
    math_cos => "cos", f64::cos;
    math_tan => "tan", f64::tan;
    math_asin => "asin", f64::asin;
    math_acos => "acos", f64::acos;
    math_atan => "atan", f64::atan;
    math_sinh => "sinh", f64::sinh;
    math_cosh => "cosh", f64::cosh;
    math_tanh => "tanh", f64::tanh;
    math_fabs => "fabs", f64::abs;
    math_degrees => "degrees", f64::to_degrees;
    math_radians => "radians", f64::to_radians;
}

/// Inline into its `stack_call`: a hot built-in.
#[inline(always)]
fn math_sqrt(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = float_arg(&exact_args(&args, "sqrt", 1)?[0])?;
    if x < 0.0 {
        return Err(domain_error());
    }
    Ok(Value::Float(x.sqrt()))
}

/// Natural log of any positive int or float, exact for big ints beyond float range.
fn ln(v: &Value) -> PyResult<f64> {
    if let Value::BigInt(n) = v {
        if **n <= IBig::ZERO {
            return Err(domain_error());
        }
        let bits = (&**n).unsigned_abs().bit_len();
        let shift = bits.saturating_sub(60);
        let top = int::ibig_to_f64(&(&**n >> shift))?;
        return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
    }
    let x = float_arg(v)?;
    if x <= 0.0 {
        return Err(domain_error());
    }
    Ok(x.ln())
}

fn math_log(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.positional {
        [x] => Ok(Value::Float(ln(x)?)),
        [x, base] => {
            let denominator = ln(base)?;
            if denominator == 0.0 {
                return Err(error(TypeId::ZeroDivisionError, "float division by zero"));
            }
            Ok(Value::Float(ln(x)? / denominator))
        }
        _ => Err(type_error(format!(
            "log expected at least 1 argument, got {}",
            args.positional.len()
        ))),
    }
}

/// `log10` and `log2`: the float function for floats and small ints, the natural log scaled
/// for big ints beyond float range.
fn fixed_base_log(args: &Args<'_>, name: &str, f: fn(f64) -> f64, ln_base: f64) -> PyResult<Value> {
    let v = &exact_args(args, name, 1)?[0];
    if let Value::BigInt(_) = v {
        return Ok(Value::Float(ln(v)? / ln_base));
    }
    let x = float_arg(v)?;
    if x <= 0.0 {
        return Err(domain_error());
    }
    Ok(Value::Float(f(x)))
}

fn math_log10(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    fixed_base_log(&args, "log10", f64::log10, std::f64::consts::LN_10)
}

fn math_log2(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    fixed_base_log(&args, "log2", f64::log2, std::f64::consts::LN_2)
}

fn binary_float(args: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let a = exact_args(args, name, 2)?;
    Ok((float_arg(&a[0])?, float_arg(&a[1])?))
}

fn math_atan2(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (y, x) = binary_float(&args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn math_pow(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = binary_float(&args, "pow")?;
    if x == 0.0 && y < 0.0 {
        return Err(domain_error());
    }
    if x < 0.0 && y.is_finite() && y != y.trunc() {
        return Err(domain_error());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

fn math_hypot(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for v in args.positional {
        acc = acc.hypot(float_arg(v)?);
    }
    Ok(Value::Float(acc))
}

fn math_fmod(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = binary_float(&args, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(domain_error());
    }
    Ok(Value::Float(x % y))
}

fn math_copysign(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = binary_float(&args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn rounding(args: &Args<'_>, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let v = &exact_args(args, name, 1)?[0];
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        other => int::float_to_int(f(float_arg(other)?)),
    }
}

fn math_floor(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    rounding(&args, "floor", f64::floor)
}

fn math_ceil(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    rounding(&args, "ceil", f64::ceil)
}

fn math_trunc(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    rounding(&args, "trunc", f64::trunc)
}

fn math_isfinite(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(
        float_arg(&exact_args(&args, "isfinite", 1)?[0])?.is_finite(),
    ))
}

fn math_isinf(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(
        float_arg(&exact_args(&args, "isinf", 1)?[0])?.is_infinite(),
    ))
}

fn math_isnan(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(
        float_arg(&exact_args(&args, "isnan", 1)?[0])?.is_nan(),
    ))
}

fn int_arg(v: &Value) -> PyResult<IBig> {
    to_ibig(v).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ))
    })
}

fn math_gcd(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut acc = IBig::ZERO;
    for v in args.positional {
        let mut b = IBig::from(int_arg(v)?.unsigned_abs());
        let mut a = acc;
        while b != IBig::ZERO {
            let r = &a % &b;
            a = b;
            b = r;
        }
        acc = a;
    }
    Ok(Value::from_ibig(acc))
}

fn math_isqrt(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = int_arg(&exact_args(&args, "isqrt", 1)?[0])?;
    if n < IBig::ZERO {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    let root = n.unsigned_abs().sqrt();
    Ok(Value::from_ibig(root.into()))
}

fn math_factorial(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = &exact_args(&args, "factorial", 1)?[0];
    if let Value::Float(_) = v {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = int_arg(v)?;
    if n < IBig::ZERO {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let n = u64::try_from(&n).map_err(|_| {
        overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    let mut acc = IBig::ONE;
    for k in 2..=n {
        acc *= IBig::from(k);
    }
    Ok(Value::from_ibig(acc))
}

/// The text `sys.exit(value)` prints, and its exit status.
pub fn exit_status(args: &[Value]) -> (i32, Option<String>) {
    match args.first() {
        None | Some(Value::None) => (0, None),
        Some(Value::Int(i)) => (*i as i32, None),
        Some(Value::Bool(b)) => (*b as i32, None),
        Some(other) => (1, Some(to_str(other))),
    }
}
