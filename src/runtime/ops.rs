//! The semantics of every instruction, written once. Each function has the same shape —
//! `(vm, cursor, arg) -> Step` — so every engine can call it from its own dispatch: the
//! `match` loop inlines it into an arm, the closure engine captures it in a closure. Fast
//! paths (int and float arithmetic, comparisons, list indexing, range iteration) are inline;
//! everything else goes to `#[cold]` out-of-line code in the other runtime modules.

use std::rc::Rc;

use crate::bytecode::Opcode;

use super::arith::{self, BinaryOp};
use super::compare::{self, Comparison};
use super::dict::PyDict;
use super::exceptions::{PyException, PyResult, error, no_attribute, type_error};
use super::frame::Cursor;
use super::function::{GlobalCacheEntry, PyFunction, RtCode};
use super::set::Operand;
use super::str::StrBuilder;
use super::superinstructions::OperatorShape;
use super::types::TypeId;
use super::value::{PyList, PySlice, Value, discard, slot};
use super::vm::{Step, Vm};
use super::{attr, hashing, import, int, iter, strformat, subscript};

macro_rules! attempt {
    ($vm:expr, $e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return $vm.raise(e),
        }
    };
}

#[inline(always)]
pub fn nop(_vm: &mut Vm, _cur: &mut Cursor, _arg: u32) -> Step {
    Step::Next
}

#[inline(always)]
pub fn pop(_vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    discard(cur.pop());
    Step::Next
}

#[inline(always)]
pub fn copy(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let v = cur.peek(arg as usize).clone();
    cur.push(v);
    Step::Next
}

#[inline(always)]
pub fn swap(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    // Both values are read before either is written, so the swap needs no temporary slot in
    // memory (which `ptr::swap`, allowing for overlap, goes through) and `Swap 1` is a no-op.
    // SAFETY: both slots are live stack values (the compiler emits Swap(n) with n <= depth).
    unsafe {
        let (top, other) = (cur.sp.sub(1), cur.sp.sub(arg as usize));
        let (top_value, other_value) = (top.read(), other.read());
        top.write(other_value);
        other.write(top_value);
    }
    Step::Next
}

#[inline(always)]
pub fn load_const(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let v = cur.constant(arg).clone();
    cur.push(v);
    Step::Next
}

#[inline(always)]
pub fn load_fast(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let v = cur.local(arg);
    // The common case, a number or `None`, is told apart with one test and copied as is.
    if v.is_bound_immediate() {
        // SAFETY: an immediate owns nothing, so its bits are a complete copy.
        let v = unsafe { std::ptr::read(v) };
        cur.push(v);
        return Step::Next;
    }
    if let Value::Undef = v {
        return unbound_local(vm, cur.code(), arg);
    }
    let v = v.clone();
    cur.push(v);
    Step::Next
}

#[cold]
fn unbound_local(vm: &mut Vm, code: &RtCode, slot: u32) -> Step {
    let name = &code.code.varnames[slot as usize];
    vm.raise(error(
        TypeId::UnboundLocalError,
        format!("cannot access local variable '{name}' where it is not associated with a value"),
    ))
}

#[inline(always)]
pub fn store_fast(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    // The old value is dropped in place first, then the new one copied slot to slot as one
    // 16-byte block: the old value is neither copied out nor written back. Dropping it first is
    // safe because dropping runs no Python code and the stack holds its own reference to the
    // new value.
    // SAFETY: the top of the stack and the local are live slots of this frame; the local is
    // overwritten right after its value is dropped.
    unsafe {
        cur.sp = cur.sp.sub(1);
        let local = cur.base.add(arg as usize);
        if !(*local).is_immediate() {
            std::ptr::drop_in_place(local);
        }
        std::ptr::copy_nonoverlapping(cur.sp, local, 1);
    }
    Step::Next
}

pub fn delete_fast(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    if let Value::Undef = cur.local(arg) {
        return unbound_local(vm, cur.code(), arg);
    }
    *cur.local_mut(arg) = Value::Undef;
    Step::Next
}

#[inline(always)]
fn cell_slot(cur: &Cursor, arg: u32) -> u32 {
    cur.code().shape.cells_start as u32 + arg
}

fn cell_name(cur: &Cursor, arg: u32) -> &str {
    let code = &cur.code().code;
    let i = arg as usize;
    if i < code.cellvars.len() {
        &code.cellvars[i]
    } else {
        &code.freevars[i - code.cellvars.len()]
    }
}

#[cold]
fn unbound_cell(vm: &mut Vm, cur: &Cursor, arg: u32) -> Step {
    let name = cell_name(cur, arg).to_owned();
    let msg = if (arg as usize) < cur.code().code.cellvars.len() {
        return vm.raise(error(
            TypeId::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        ));
    } else {
        format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        )
    };
    vm.raise(error(TypeId::NameError, msg))
}

#[inline(always)]
pub fn load_deref(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let slot = cell_slot(cur, arg);
    let value = match cur.local(slot) {
        // SAFETY: the cell's value is only cloned (a count increment, which runs no Python
        // code and cannot touch the cell) and the reference is gone before anything else
        // runs. A cell mutably borrowed elsewhere takes the checked borrow, as before.
        Value::Cell(cell) => match unsafe { cell.try_borrow_unguarded() } {
            Ok(value) => value.clone(),
            Err(_) => cell.borrow().clone(),
        },
        _ => Value::Undef,
    };
    if let Value::Undef = value {
        return cur.out_of_line(|c| unbound_cell(vm, c, arg));
    }
    cur.push(value);
    Step::Next
}

#[inline(always)]
pub fn store_deref(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let value = cur.pop();
    let slot = cell_slot(cur, arg);
    if let Value::Cell(cell) = cur.local(slot) {
        let old = cell.replace(value);
        drop(old);
    }
    Step::Next
}

pub fn delete_deref(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let slot = cell_slot(cur, arg);
    let old = match cur.local(slot) {
        Value::Cell(cell) => cell.replace(Value::Undef),
        _ => Value::Undef,
    };
    if let Value::Undef = old {
        return cur.out_of_line(|c| unbound_cell(vm, c, arg));
    }
    Step::Next
}

pub fn load_closure(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let slot = cell_slot(cur, arg);
    let cell = cur.local(slot).clone();
    cur.push(cell);
    Step::Next
}

pub fn make_cell(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let slot = cell_slot(cur, arg);
    *cur.local_mut(slot) = Value::Cell(Rc::new(std::cell::RefCell::new(Value::Undef)));
    Step::Next
}

#[inline(always)]
pub fn load_global(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    // SAFETY: name indices are validated against the code's names.
    let entry = unsafe { cur.code().global_cache.get_unchecked(arg as usize) }.get();
    if !entry.value.is_null()
        && entry.globals_version == cur.globals().layout_version()
        && entry.builtins_version == vm.builtins.layout_version()
    {
        // SAFETY: the dictionaries' layouts are unchanged since the pointer was taken, so it
        // still points at the live value slot (see `GlobalCacheEntry`).
        let v = unsafe { (*entry.value).clone() };
        cur.push(v);
        return Step::Next;
    }
    cur.out_of_line(|c| load_global_slow(vm, c, arg))
}

#[cold]
fn load_global_slow(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let globals = cur.globals().clone();
    let name = &cur.code().names[arg as usize];
    let (found, in_builtins) = match attempt!(vm, globals.get_with_index(name)) {
        Some(hit) => (Some(hit), false),
        None => (attempt!(vm, vm.builtins.get_with_index(name)), true),
    };
    let Some((index, value)) = found else {
        let name = cur.code().name_str(arg).to_owned();
        return vm.raise(super::exceptions::name_error(&name));
    };
    let dict = if in_builtins { &vm.builtins } else { &globals };
    cur.code().global_cache[arg as usize].set(GlobalCacheEntry {
        globals_version: globals.layout_version(),
        builtins_version: vm.builtins.layout_version(),
        value: dict.value_ptr(index),
    });
    cur.push(value);
    Step::Next
}

pub fn store_global(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let value = cur.pop();
    let name = cur.code().names[arg as usize].clone();
    let globals = cur.globals().clone();
    attempt!(vm, globals.set(name, value));
    Step::Next
}

pub fn delete_global(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let name = cur.code().names[arg as usize].clone();
    let globals = cur.globals().clone();
    if attempt!(vm, globals.remove(&name)).is_none() {
        let name = cur.code().name_str(arg).to_owned();
        return vm.raise(super::exceptions::name_error(&name));
    }
    Step::Next
}

pub fn load_attr(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let obj = cur.pop();
    let v = attempt!(vm, attr::get_attr(&obj, cur.code().name_str(arg)));
    cur.push(v);
    Step::Next
}

pub fn store_attr(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let obj = cur.pop();
    let value = cur.pop();
    attempt!(vm, attr::set_attr(&obj, cur.code().name_str(arg), value));
    Step::Next
}

pub fn delete_attr(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let obj = cur.pop();
    attempt!(vm, attr::delete_attr(&obj, cur.code().name_str(arg)));
    Step::Next
}

#[inline(always)]
pub fn load_method(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let obj = cur.pop();
    let ty = obj.type_id();
    let cache = &cur.code().method_cache[arg as usize];
    let method = match cache.get() {
        Some((cached_ty, method)) if cached_ty == ty => Some(method),
        _ => {
            let found = attr::find_method(ty, cur.code().name_str(arg));
            if let Some(method) = found {
                cache.set(Some((ty, method)));
            }
            found
        }
    };
    if let Some(method) = method {
        cur.push(Value::Builtin(method));
        cur.push(obj);
        return Step::Next;
    }
    let v = match &obj {
        // Module attributes by the interned name, whose hash is cached.
        Value::Module(m) => match attempt!(vm, m.dict.get(&cur.code().names[arg as usize])) {
            Some(v) => v,
            None => attempt!(vm, attr::get_attr(&obj, cur.code().name_str(arg))),
        },
        _ => attempt!(vm, attr::get_attr(&obj, cur.code().name_str(arg))),
    };
    cur.push(Value::Undef);
    cur.push(v);
    Step::Next
}

#[inline(always)]
pub fn call_method(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let argc = arg as usize;
    // SAFETY: LoadMethod left two values below the arguments.
    let result_slot = unsafe { cur.sp.sub(argc + 2) };
    if let Value::Undef = cur.peek(argc + 2) {
        vm.call_positional(cur, result_slot, argc)
    } else {
        vm.call_positional(cur, result_slot, argc + 1)
    }
}

#[inline(always)]
pub fn call(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    // SAFETY: the callable sits below the arguments.
    let result_slot = unsafe { cur.sp.sub(arg as usize + 1) };
    vm.call_positional(cur, result_slot, arg as usize)
}

pub fn call_kw(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let names = cur.pop();
    // The compiler's tuple never names more values than the call passes; code from a
    // damaged cache entry might, and the split into positional and keyword values needs it.
    let Value::Tuple(names) = names else {
        return vm.raise(type_error("keyword names must be a tuple"));
    };
    if names.len() > arg as usize {
        return vm.raise(type_error("more keyword names than arguments"));
    }
    // SAFETY: the callable sits below the arguments.
    let result_slot = unsafe { cur.sp.sub(arg as usize + 1) };
    vm.call_general(cur, result_slot, arg as usize, &names)
}

pub fn call_ex(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let kwargs = if arg & 1 != 0 { Some(cur.pop()) } else { None };
    let positional = cur.pop();
    let mut all = match &positional {
        Value::Tuple(items) => (**items).clone(),
        other if iter::get_iter(other).is_ok() => attempt!(vm, iter::collect(vm, other)),
        other => {
            let message = format!(
                "{} argument after * must be an iterable, not {}",
                function_str(cur.peek(1)),
                other.type_name()
            );
            return vm.raise(type_error(message));
        }
    };
    let mut names = Vec::new();
    if let Some(Value::Dict(d)) = &kwargs {
        for (k, v) in d.items() {
            names.push(k);
            all.push(v);
        }
    }
    // SAFETY: the callable is the top value now.
    let result_slot = unsafe { cur.sp.sub(1) };
    let callable = cur.peek(1).clone();
    vm.call_with_values(cur, result_slot, &callable, &all, &names)
}

/// How CPython names a callable in argument errors: `__main__.f()`, `print()`, `list.append()`.
fn function_str(callable: &Value) -> String {
    match callable {
        Value::Function(f) => {
            let module = match f.globals.get_str("__name__") {
                Some(Value::Str(name)) => format!("{}.", name.as_str()),
                _ => String::new(),
            };
            format!("{module}{}()", f.qualname().as_str())
        }
        Value::Builtin(b) => format!("{}()", b.name),
        Value::BoundMethod(m) => format!("{}.{}()", m.receiver.type_name(), m.method.name),
        Value::Type(t) => format!("{}()", t.name()),
        other => format!("{} object", other.type_name()),
    }
}

pub fn make_function(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let Value::Code(code) = cur.pop() else {
        return vm.raise(type_error("MakeFunction expects a code object"));
    };
    let closure = if arg & 8 != 0 {
        tuple_items(cur.pop())
    } else {
        Vec::new()
    };
    let kwdefaults = match (arg & 2 != 0).then(|| cur.pop()) {
        Some(Value::Dict(d)) => Some(d),
        _ => None,
    };
    let defaults = match (arg & 1 != 0).then(|| cur.pop()) {
        Some(Value::Tuple(t)) => Some(t),
        _ => None,
    };
    // Calls copy the closure into the frame's free-variable slots, which must fit it.
    if closure.len() != code.freevar_count() {
        return vm.raise(type_error("closure size does not match the free variables"));
    }
    let function = PyFunction::new(code, cur.globals().clone(), defaults, kwdefaults, closure);
    cur.push(Value::Function(Rc::new(function)));
    Step::Next
}

/// The items of a tuple, taken without copying when nothing else holds it (a closure's
/// tuple, built just before `MakeFunction`).
fn tuple_items(v: Value) -> Vec<Value> {
    match v {
        Value::Tuple(t) => Rc::try_unwrap(t).unwrap_or_else(|shared| (*shared).clone()),
        _ => Vec::new(),
    }
}

#[inline(always)]
pub fn return_value(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    let result = cur.pop();
    vm.return_from_frame(cur, result)
}

/// The result of a two-operand operator's inline fast path: always an immediate.
#[derive(Clone, Copy)]
pub enum Immediate {
    Int(i64),
    Float(f64),
    Bool(bool),
}

impl Immediate {
    /// # Safety
    /// `slot` is valid for a 16-byte write and holds no value that needs dropping.
    #[inline(always)]
    pub unsafe fn write(self, slot: *mut Value) {
        // SAFETY: as the caller promises.
        unsafe {
            match self {
                Immediate::Int(i) => slot::write_int(slot, i),
                Immediate::Float(f) => slot::write_float(slot, f),
                Immediate::Bool(b) => slot::write_bool(slot, b),
            }
        }
    }

    #[inline(always)]
    pub fn is_truthy(self) -> bool {
        match self {
            Immediate::Int(i) => i != 0,
            Immediate::Float(f) => f != 0.0,
            Immediate::Bool(b) => b,
        }
    }
}

/// The binary operators' fast paths, one row per operator: two ints (when the result fits
/// and the operator's meaning is the machine's), two floats, and an int with a float, the int
/// converted as `float(int)` does (rounded to nearest, ties to even) — CPython's float
/// operators convert an int operand so and go on as with two floats. (Inline: moving the
/// mixed cases out of line made every arm around them spill, 11% more instructions on loop.)
macro_rules! binary_fast_paths {
    ($(($op:ident, $int:expr, $float:expr)),* $(,)?) => {
        #[inline(always)]
        fn binary_fast_path(op: BinaryOp, a: &Value, b: &Value) -> Option<Immediate> {
            match op {
                $(BinaryOp::$op => match (a, b) {
                    (Value::Int(x), Value::Int(y)) => $int(*x, *y),
                    (Value::Float(x), Value::Float(y)) => $float(*x, *y).map(Immediate::Float),
                    (Value::Int(x), Value::Float(y)) => $float(*x as f64, *y).map(Immediate::Float),
                    (Value::Float(x), Value::Int(y)) => $float(*x, *y as f64).map(Immediate::Float),
                    _ => None,
                },)*
            }
        }
    };
}

fn no_int_fast(_: i64, _: i64) -> Option<Immediate> {
    None
}

fn no_float_fast(_: f64, _: f64) -> Option<f64> {
    None
}

/// Whether an int converts to a float exactly.
#[inline(always)]
fn exact_in_f64(x: i64) -> bool {
    x.unsigned_abs() <= 1 << f64::MANTISSA_DIGITS
}

/// `int / int`: when both convert exactly, one correctly rounded division of the two floats
/// is the correctly rounded quotient, as in CPython's own fast path.
fn int_true_divide(x: i64, y: i64) -> Option<Immediate> {
    (y != 0 && exact_in_f64(x) && exact_in_f64(y)).then(|| Immediate::Float(x as f64 / y as f64))
}

fn int_result(op: fn(i64, i64) -> Option<i64>) -> impl Fn(i64, i64) -> Option<Immediate> {
    move |x, y| op(x, y).map(Immediate::Int)
}

binary_fast_paths! {
    (Add, int_result(i64::checked_add), |x: f64, y: f64| Some(x + y)),
    (Sub, int_result(i64::checked_sub), |x: f64, y: f64| Some(x - y)),
    (Mul, int_result(i64::checked_mul), |x: f64, y: f64| Some(x * y)),
    (TrueDiv, int_true_divide, |x: f64, y: f64| (y != 0.0).then(|| x / y)),
    (FloorDiv, int_result(|x, y| (y > 0 && x >= 0).then(|| x / y)), no_float_fast),
    (Mod, int_result(|x, y| (y > 0 && x >= 0).then(|| x % y)), no_float_fast),
    (Pow, no_int_fast, no_float_fast),
    (MatMul, no_int_fast, no_float_fast),
    (LShift, no_int_fast, no_float_fast),
    (RShift, int_result(|x, y| (0..64).contains(&y).then(|| x >> y)), no_float_fast),
    (And, int_result(|x, y| Some(x & y)), no_float_fast),
    (Or, int_result(|x, y| Some(x | y)), no_float_fast),
    (Xor, int_result(|x, y| Some(x ^ y)), no_float_fast),
}

/// An ordering of two ints, two floats, or an int and a float when the int converts exactly
/// (CPython compares an int with a float by exact value, which the conversion then keeps).
#[inline(always)]
fn ordering_fast_path(
    a: &Value,
    b: &Value,
    ints: fn(&i64, &i64) -> bool,
    floats: fn(&f64, &f64) -> bool,
) -> Option<Immediate> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(Immediate::Bool(ints(x, y))),
        (Value::Float(x), Value::Float(y)) => Some(Immediate::Bool(floats(x, y))),
        (Value::Int(x), Value::Float(y)) if exact_in_f64(*x) => {
            Some(Immediate::Bool(floats(&(*x as f64), y)))
        }
        (Value::Float(x), Value::Int(y)) if exact_in_f64(*y) => {
            Some(Immediate::Bool(floats(x, &(*y as f64))))
        }
        _ => None,
    }
}

/// The inline fast path of every two-operand operator `(a b -- result)`: arithmetic and
/// comparisons of ints and floats. It is the whole semantics of those cases, shared by
/// the operators' own handlers and by the superinstructions that feed them from locals and
/// constants (`superinstructions::OperatorShape`). `Some` only when both operands are
/// immediates; `None` for every other case — and for every opcode that is not such an
/// operator — which the general, out-of-line semantics handles. `arg` is the operator
/// instruction's argument (`InplaceOp`'s operator).
#[inline(always)]
pub fn operator_fast_path(opcode: Opcode, arg: u32, a: &Value, b: &Value) -> Option<Immediate> {
    match opcode {
        Opcode::BinaryAdd | Opcode::InplaceAdd => binary_fast_path(BinaryOp::Add, a, b),
        Opcode::BinarySubtract => binary_fast_path(BinaryOp::Sub, a, b),
        Opcode::BinaryMultiply => binary_fast_path(BinaryOp::Mul, a, b),
        Opcode::BinaryTrueDivide => binary_fast_path(BinaryOp::TrueDiv, a, b),
        Opcode::BinaryFloorDivide => binary_fast_path(BinaryOp::FloorDiv, a, b),
        Opcode::BinaryModulo => binary_fast_path(BinaryOp::Mod, a, b),
        Opcode::BinaryPower => binary_fast_path(BinaryOp::Pow, a, b),
        Opcode::BinaryMatMul => binary_fast_path(BinaryOp::MatMul, a, b),
        Opcode::BinaryLShift => binary_fast_path(BinaryOp::LShift, a, b),
        Opcode::BinaryRShift => binary_fast_path(BinaryOp::RShift, a, b),
        Opcode::BinaryAnd => binary_fast_path(BinaryOp::And, a, b),
        Opcode::BinaryOr => binary_fast_path(BinaryOp::Or, a, b),
        Opcode::BinaryXor => binary_fast_path(BinaryOp::Xor, a, b),
        // Numbers are immutable, so in-place and plain operators agree on them.
        Opcode::InplaceOp => binary_fast_path(*BinaryOp::ALL.get(arg as usize)?, a, b),
        Opcode::CompareLess => ordering_fast_path(a, b, i64::lt, f64::lt),
        Opcode::CompareLessEqual => ordering_fast_path(a, b, i64::le, f64::le),
        Opcode::CompareGreater => ordering_fast_path(a, b, i64::gt, f64::gt),
        Opcode::CompareGreaterEqual => ordering_fast_path(a, b, i64::ge, f64::ge),
        Opcode::CompareEqual => ordering_fast_path(a, b, i64::eq, f64::eq),
        Opcode::CompareNotEqual => ordering_fast_path(a, b, i64::ne, f64::ne),
        _ => None,
    }
}

/// Whether `operator_fast_path` can answer for `opcode` at all: every two-operand operator
/// except the three without an inline case.
pub const fn has_operator_fast_path(opcode: Opcode) -> bool {
    opcode.is_binary_operator()
        && !matches!(
            opcode,
            Opcode::BinaryPower | Opcode::BinaryMatMul | Opcode::BinaryLShift
        )
}

/// A two-operand operator on the stack: the fast path overwrites the left operand's slot (an
/// immediate, so nothing is dropped); everything else goes to `general`, out of line.
#[inline(always)]
fn stack_operator(
    vm: &mut Vm,
    cur: &mut Cursor,
    opcode: Opcode,
    arg: u32,
    general: fn(&mut Vm, &mut Cursor, u32) -> Step,
) -> Step {
    if let Some(result) = operator_fast_path(opcode, arg, cur.peek(2), cur.peek(1)) {
        // SAFETY: both operands are live immediates; the right one's slot is given up and
        // the left one's overwritten.
        unsafe {
            cur.sp = cur.sp.sub(1);
            result.write(cur.sp.sub(1));
        }
        return Step::Next;
    }
    cur.out_of_line(|c| general(vm, c, arg))
}

/// The handlers of two-operand operators: the shared fast path, then `$slow` with the
/// operator's `$operation` out of line.
macro_rules! stack_operators {
    ($slow:ident: $(($name:ident, $opcode:ident, $operation:expr)),* $(,)?) => {$(
        #[inline(always)]
        pub fn $name(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
            stack_operator(vm, cur, Opcode::$opcode, arg, |vm, c, _| $slow(vm, c, $operation))
        }
    )*};
}

stack_operators! { binary_slow:
    (binary_add, BinaryAdd, BinaryOp::Add),
    (binary_subtract, BinarySubtract, BinaryOp::Sub),
    (binary_multiply, BinaryMultiply, BinaryOp::Mul),
    (binary_true_divide, BinaryTrueDivide, BinaryOp::TrueDiv),
    (binary_floor_divide, BinaryFloorDivide, BinaryOp::FloorDiv),
    (binary_modulo, BinaryModulo, BinaryOp::Mod),
    (binary_power, BinaryPower, BinaryOp::Pow),
    (binary_mat_mul, BinaryMatMul, BinaryOp::MatMul),
    (binary_lshift, BinaryLShift, BinaryOp::LShift),
    (binary_rshift, BinaryRShift, BinaryOp::RShift),
    (binary_and, BinaryAnd, BinaryOp::And),
    (binary_or, BinaryOr, BinaryOp::Or),
    (binary_xor, BinaryXor, BinaryOp::Xor),
}

#[cold]
#[inline(never)]
fn binary_slow(vm: &mut Vm, cur: &mut Cursor, op: BinaryOp) -> Step {
    let b = cur.pop();
    let a = cur.pop();
    let result = attempt!(vm, arith::binary_owned(vm, op, a, &b));
    cur.push_built(result);
    Step::Next
}

#[inline(always)]
pub fn inplace_add(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    stack_operator(vm, cur, Opcode::InplaceAdd, arg, |vm, c, _| {
        inplace_slow(vm, c, BinaryOp::Add)
    })
}

/// `a op= b` for the operators other than `+=`; `arg` is the operator.
#[inline(always)]
pub fn inplace_op(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    stack_operator(
        vm,
        cur,
        Opcode::InplaceOp,
        arg,
        |vm, c, arg| match BinaryOp::ALL.get(arg as usize) {
            Some(&op) => inplace_slow(vm, c, op),
            None => vm.raise(type_error("bad in-place operator")),
        },
    )
}

#[cold]
#[inline(never)]
fn inplace_slow(vm: &mut Vm, cur: &mut Cursor, op: BinaryOp) -> Step {
    let b = cur.pop();
    let a = cur.pop();
    let result = attempt!(vm, arith::inplace(vm, op, &a, &b));
    cur.push_built(result);
    Step::Next
}

stack_operators! { compare_slow:
    (compare_less, CompareLess, Comparison::Less),
    (compare_less_equal, CompareLessEqual, Comparison::LessEqual),
    (compare_greater, CompareGreater, Comparison::Greater),
    (compare_greater_equal, CompareGreaterEqual, Comparison::GreaterEqual),
}

#[cold]
#[inline(never)]
fn compare_slow(vm: &mut Vm, cur: &mut Cursor, op: Comparison) -> Step {
    let b = cur.pop();
    let a = cur.pop();
    let result = attempt!(vm, compare::compare(&a, &b, op));
    cur.push(Value::Bool(result));
    Step::Next
}

#[inline(always)]
pub fn compare_equal(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    equality(cur, Opcode::CompareEqual, arg, false)
}

#[inline(always)]
pub fn compare_not_equal(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    equality(cur, Opcode::CompareNotEqual, arg, true)
}

/// `==` and `!=`, which never raise for built-in values: numbers by the fast path, the rest
/// by `values_equal`.
#[inline(always)]
fn equality(cur: &mut Cursor, opcode: Opcode, arg: u32, negate: bool) -> Step {
    let result = match operator_fast_path(opcode, arg, cur.peek(2), cur.peek(1)) {
        Some(result) => result.is_truthy(),
        None => compare::values_equal(cur.peek(2), cur.peek(1)) != negate,
    };
    cur.drop_top(2);
    // SAFETY: the slot was just vacated by the popped operand.
    unsafe { slot::write_bool(cur.sp, result) };
    cur.sp = unsafe { cur.sp.add(1) };
    Step::Next
}

#[inline(always)]
pub fn is_op(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    // `x is None` (the usual form) is a tag test; other operands go to `Value::is`.
    let same = match (cur.peek(2), cur.peek(1)) {
        (left, Value::None) => matches!(left, Value::None),
        (left, right) => left.is(right),
    };
    cur.drop_top(2);
    // SAFETY: the slot was just vacated by the popped operand.
    unsafe {
        slot::write_bool(cur.sp, same != (arg == 1));
        cur.sp = cur.sp.add(1);
    }
    Step::Next
}

pub fn contains_op(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let container = cur.pop();
    let item = cur.pop();
    let found = attempt!(vm, iter::contains(vm, &container, &item));
    cur.push(Value::Bool(found != (arg == 1)));
    Step::Next
}

/// A unary operator that may fail: `(x -- op(x))`.
#[inline(always)]
fn unary(vm: &mut Vm, cur: &mut Cursor, op: fn(&Value) -> PyResult<Value>) -> Step {
    let v = cur.pop();
    let r = attempt!(vm, op(&v));
    cur.push(r);
    Step::Next
}

pub fn unary_negative(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    // An int (other than i64::MIN) is negated in place, without the generic operator call.
    if let Value::Int(i) = cur.peek(1)
        && let Some(negated) = i.checked_neg()
    {
        cur.pop();
        cur.push(Value::Int(negated));
        return Step::Next;
    }
    unary(vm, cur, arith::negative)
}

pub fn unary_positive(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    unary(vm, cur, arith::positive)
}

#[inline(always)]
pub fn unary_not(_vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    let v = cur.pop();
    let result = !v.is_truthy();
    // Dropped by `discard`: an operand that is a bool needs no drop glue call.
    discard(v);
    // SAFETY: the slot was just vacated by the popped operand.
    unsafe {
        slot::write_bool(cur.sp, result);
        cur.sp = cur.sp.add(1);
    }
    Step::Next
}

pub fn unary_invert(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    unary(vm, cur, arith::invert)
}

#[inline(always)]
pub fn jump(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    cur.jump_to(arg);
    Step::Next
}

#[inline(always)]
pub fn pop_jump_if_false(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let v = cur.pop();
    if !v.is_truthy() {
        cur.jump_to(arg);
    }
    discard(v);
    Step::Next
}

#[inline(always)]
pub fn pop_jump_if_true(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let v = cur.pop();
    if v.is_truthy() {
        cur.jump_to(arg);
    }
    discard(v);
    Step::Next
}

pub fn jump_if_false_or_pop(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    if cur.peek(1).is_truthy() {
        discard(cur.pop());
    } else {
        cur.jump_to(arg);
    }
    Step::Next
}

pub fn jump_if_true_or_pop(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    if cur.peek(1).is_truthy() {
        cur.jump_to(arg);
    } else {
        discard(cur.pop());
    }
    Step::Next
}

pub fn get_iter(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    let v = cur.pop();
    let it = attempt!(vm, iter::get_iter(&v));
    cur.push(it);
    Step::Next
}

#[inline(always)]
pub fn for_iter(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let next = match cur.peek(1) {
        Value::Iter(it) => match iter::next_fast(it) {
            Some(next) => next,
            None => attempt!(vm, iter::next_slow(vm, &it.clone())),
        },
        other => attempt!(
            vm,
            Err(type_error(format!(
                "'{}' object is not an iterator",
                other.type_name()
            )))
        ),
    };
    match next {
        Some(v) => cur.push_built(v),
        None => {
            drop(cur.pop());
            cur.jump_to(arg);
        }
    }
    Step::Next
}

/// Moves the top `n` values off the stack into a vector, bottom first.
fn take_top(cur: &mut Cursor, n: usize) -> Vec<Value> {
    let items = cur.top_slice(n);
    // SAFETY: the values are moved out exactly once; the stack pointer is lowered past them.
    let moved = items.iter().map(|v| unsafe { std::ptr::read(v) }).collect();
    cur.sp = unsafe { cur.sp.sub(n) };
    moved
}

pub fn build_list(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let items = take_top(cur, arg as usize);
    cur.push(Value::list(items));
    Step::Next
}

pub fn build_tuple(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let items = take_top(cur, arg as usize);
    cur.push(Value::tuple(items));
    Step::Next
}

pub fn build_set(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let items = take_top(cur, arg as usize);
    let set = attempt!(vm, iter::set_from_values(items));
    cur.push(Value::Set(Rc::new(set)));
    Step::Next
}

pub fn build_map(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let items = take_top(cur, 2 * arg as usize);
    let dict = PyDict::new();
    let mut pairs = items.into_iter();
    while let (Some(k), Some(v)) = (pairs.next(), pairs.next()) {
        attempt!(vm, dict.set(k, v));
    }
    cur.push(Value::Dict(Rc::new(dict)));
    Step::Next
}

pub fn build_slice(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let step = if arg == 3 { cur.pop() } else { Value::None };
    let stop = cur.pop();
    let start = cur.pop();
    cur.push(Value::Slice(Rc::new(PySlice { start, stop, step })));
    Step::Next
}

pub fn build_string(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let n = arg as usize;
    let pieces = cur.top_slice(n);
    let mut len = 0;
    let mut char_len = 0;
    for piece in pieces {
        if let Value::Str(p) = piece {
            len += p.as_str().len();
            char_len += p.char_len();
        }
    }
    let joined = if len > 1 {
        // Written straight into the new str, sized once; the pieces are read where they lie
        // on the stack and their character counts are known.
        let mut text = StrBuilder::with_capacity(len);
        for piece in pieces {
            if let Value::Str(p) = piece {
                text.push_str(p.as_str());
            }
        }
        Value::Str(text.finish_with_char_len(char_len))
    } else {
        // At most one piece is not empty: the result is its text, a shared str.
        let text = pieces.iter().find_map(|piece| match piece {
            Value::Str(p) if !p.as_str().is_empty() => Some(p.as_str()),
            _ => None,
        });
        Value::str(text.unwrap_or_default())
    };
    cur.drop_top(n);
    cur.push(joined);
    Step::Next
}

pub fn format_value(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    // With no spec and no conversion a str is its own result, and an int is formatted as
    // `str(int)` is, without the general formatting path.
    if arg == 0 {
        match cur.peek(1) {
            Value::Str(_) => return Step::Next,
            &Value::Int(i) => {
                cur.pop();
                cur.push(Value::str(int::decimal(i, &mut [0; 20])));
                return Step::Next;
            }
            _ => {}
        }
    }
    let spec = if arg & 4 != 0 { Some(cur.pop()) } else { None };
    let value = cur.pop();
    let converted = match arg & 3 {
        1 => Value::string(attempt!(vm, super::repr::try_to_str(&value))),
        2 => Value::string(attempt!(vm, super::repr::try_repr(&value))),
        3 => Value::string(attempt!(vm, super::repr::try_ascii(&value))),
        _ => value,
    };
    let spec_text = match &spec {
        Some(Value::Str(s)) => s.as_str(),
        _ => "",
    };
    if spec_text.is_empty()
        && let Value::Str(_) = converted
    {
        cur.push(converted);
        return Step::Next;
    }
    let s = attempt!(vm, strformat::format(&converted, spec_text));
    cur.push(Value::string(s));
    Step::Next
}

pub fn list_append(_vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let v = cur.pop();
    if let Value::List(list) = cur.peek(arg as usize) {
        list.borrow_mut().push(v);
    }
    Step::Next
}

pub fn set_add(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let v = cur.pop();
    if let Value::Set(set) = cur.peek(arg as usize) {
        let key = attempt!(vm, super::dict::HashKey::new(v));
        set.table.borrow_mut().insert(key);
    }
    Step::Next
}

pub fn map_add(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let v = cur.pop();
    let k = cur.pop();
    if let Value::Dict(d) = cur.peek(arg as usize) {
        attempt!(vm, d.set(k, v));
    }
    Step::Next
}

pub fn list_extend(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let iterable = cur.pop();
    let items = attempt!(
        vm,
        iter::collect(vm, &iterable).map_err(|e| star_error(e, &iterable))
    );
    if let Value::List(list) = cur.peek(arg as usize) {
        list.borrow_mut().extend(items);
    }
    Step::Next
}

#[cold]
fn star_error(e: super::exceptions::PyErr, iterable: &Value) -> super::exceptions::PyErr {
    if e.kind == TypeId::TypeError && iter::get_iter(iterable).is_err() {
        type_error(format!(
            "Value after * must be an iterable, not {}",
            iterable.type_name()
        ))
    } else {
        e
    }
}

pub fn set_update(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let iterable = cur.pop();
    let other = attempt!(vm, Operand::new(vm, &iterable));
    if let Value::Set(set) = cur.peek(arg as usize)
        && !other.is(set)
    {
        other.add_to(&mut set.table.borrow_mut());
    }
    Step::Next
}

pub fn dict_update(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let mapping = cur.pop();
    let Value::Dict(source) = &mapping else {
        return vm.raise(type_error(format!(
            "'{}' object is not a mapping",
            mapping.type_name()
        )));
    };
    if let Value::Dict(target) = cur.peek(arg as usize) {
        for (k, v) in source.items() {
            attempt!(vm, target.set(k, v));
        }
    }
    Step::Next
}

pub fn dict_merge(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let mapping = cur.pop();
    let function_name = function_str(cur.peek(arg as usize + 2));
    let Value::Dict(source) = &mapping else {
        return vm.raise(type_error(format!(
            "{function_name} argument after ** must be a mapping, not {}",
            mapping.type_name()
        )));
    };
    if let Value::Dict(target) = cur.peek(arg as usize) {
        for (k, v) in source.items() {
            if attempt!(vm, target.contains(&k)) {
                return vm.raise(type_error(format!(
                    "{function_name} got multiple values for keyword argument '{}'",
                    super::repr::to_str(&k)
                )));
            }
            attempt!(vm, target.set(k, v));
        }
    }
    Step::Next
}

pub fn list_to_tuple(_vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    let list = cur.pop();
    let items = match &list {
        Value::List(l) => l.borrow().clone(),
        _ => Vec::new(),
    };
    cur.push(Value::tuple(items));
    Step::Next
}

#[inline(always)]
pub fn binary_subscr(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    // The cases of `subscript_fast_path`, each with its operands dropped by their known types:
    // the counts decrement inline instead of going through the value drop glue.
    let found = match (cur.peek(2), cur.peek(1)) {
        (Value::List(list), Value::Int(i)) => {
            // SAFETY: the item is cloned at once.
            if let Some(item) = unsafe { list_item(list, *i) }.map(slot::clone_bits) {
                // SAFETY: `list` points into the container's stack slot: reading the `Rc` out
                // takes over the slot's reference, so the slot may be overwritten. Read through
                // the reference already matched, it is dropped by its known type without the
                // value's tag being loaded and tested again.
                let list = unsafe { std::ptr::read(list) };
                // SAFETY: pops the key (the int matched above, an immediate) and the container,
                // moved out just above, and writes the item's clone in the container's slot.
                unsafe {
                    cur.sp = cur.sp.sub(2);
                    slot::write_bits(cur.sp, item);
                    cur.sp = cur.sp.add(1);
                }
                drop(list);
                return Step::Next;
            }
            None
        }
        (Value::Dict(dict), key @ Value::Str(s)) => {
            if let Some(v) = dict.get_by_str(s, key) {
                let Value::Str(key) = cur.pop() else {
                    // SAFETY: nothing since the match above has written to the stack.
                    unsafe { std::hint::unreachable_unchecked() }
                };
                drop(key);
                let Value::Dict(dict) = cur.pop() else {
                    // SAFETY: as above.
                    unsafe { std::hint::unreachable_unchecked() }
                };
                drop(dict);
                cur.push(v);
                return Step::Next;
            }
            None
        }
        (Value::Dict(dict), key @ Value::Int(i)) => dict.get_hashed(hashing::hash_i64(*i), key),
        _ => None,
    };
    match found {
        Some(v) => {
            cur.drop_top(2);
            cur.push(v);
            Step::Next
        }
        None => cur.out_of_line(|c| subscr_slow(vm, c)),
    }
}

/// The inline cases of `container[key]`: a list by an int in range, a dict by a str or an
/// int key it holds; `None` for everything else (the general path then answers or raises).
/// Shared by `BinarySubscr` and the superinstructions that read both operands in place.
#[inline(always)]
pub fn subscript_fast_path(container: &Value, key: &Value) -> Option<Value> {
    match (container, key) {
        // SAFETY: the item is cloned at once.
        (Value::List(list), Value::Int(i)) => unsafe { list_item(list, *i) }.cloned(),
        (Value::Dict(dict), Value::Str(s)) => dict.get_by_str(s, key),
        (Value::Dict(dict), Value::Int(i)) => dict.get_hashed(hashing::hash_i64(*i), key),
        _ => None,
    }
}

/// The item `list[i]` for an index in range. `None` for an index out of range and for a list
/// mutably borrowed elsewhere (the general path then raises or waits its turn). Read without
/// a counted borrow: `BinarySubscr` clones it into its slot as one 16-byte copy
/// (`slot::clone_bits`), the superinstructions as a value.
/// # Safety
/// The item is only cloned (a count increment, which runs no Python code and cannot touch the
/// list), and the reference is gone before anything else runs.
#[inline(always)]
unsafe fn list_item(list: &PyList, i: i64) -> Option<&Value> {
    // SAFETY: as the caller promises.
    let items = unsafe { list.try_borrow_unguarded() }.ok()?;
    items.get(list_index(i, items.len()))
}

/// A list index made non-negative as a position to look up: an index still negative after
/// adding the length wraps to a position beyond any list, so the one bounds check of the
/// lookup rejects it too.
#[inline(always)]
fn list_index(i: i64, len: usize) -> usize {
    // Adding a length (at most isize::MAX) to a negative i64 cannot overflow.
    (if i < 0 { i + len as i64 } else { i }) as usize
}

#[cold]
#[inline(never)]
fn subscr_slow(vm: &mut Vm, cur: &mut Cursor) -> Step {
    // A char of ASCII text by int index (`VOWELS[i % 5]`): its shared one-char str, without
    // the general lookup.
    if let (Value::Str(s), &Value::Int(i)) = (cur.peek(2), cur.peek(1))
        && s.is_ascii()
        && let Some(&byte) = s.as_str().as_bytes().get(list_index(i, s.char_len()))
    {
        let char = Value::char(char::from(byte));
        cur.drop_top(2);
        cur.push(char);
        return Step::Next;
    }
    let key = cur.pop();
    let container = cur.pop();
    let v = attempt!(vm, subscript::get_item(vm, &container, &key));
    cur.push_built(v);
    Step::Next
}

#[inline(always)]
pub fn store_subscr(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    if let (Value::List(list), Value::Int(i)) = (cur.peek(2), cur.peek(1)) {
        let mut items = list.borrow_mut();
        let index = if *i < 0 { *i + items.len() as i64 } else { *i };
        if index >= 0
            && let Some(slot) = items.get_mut(index as usize)
        {
            // SAFETY: the value below the container moves into the list; its slot is popped
            // below with the others.
            let old = std::mem::replace(slot, unsafe { cur.sp.sub(3).read() });
            drop(items);
            // SAFETY: `list` points into the container's stack slot: reading the `Rc` out takes
            // over the slot's reference.
            let list = unsafe { std::ptr::read(list) };
            // SAFETY: pops the three operands: the value (moved above), the list (moved just
            // now) and the int key (an immediate).
            unsafe { cur.sp = cur.sp.sub(3) };
            // Dropped by known types: the list's count decrement and the old item's immediate
            // check inline instead of calling the value drop glue.
            drop(list);
            discard(old);
            return Step::Next;
        }
    }
    let key = cur.pop();
    let container = cur.pop();
    let value = cur.pop();
    let (container, key) = match (container, key) {
        (Value::Dict(dict), Value::Str(s)) => {
            dict.set_by_str(s, value);
            // Dropped by its known type: the count decrement inlines.
            drop(dict);
            return Step::Next;
        }
        operands => operands,
    };
    attempt!(vm, subscript::set_item(vm, &container, key, value));
    Step::Next
}

pub fn delete_subscr(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    let key = cur.pop();
    let container = cur.pop();
    attempt!(vm, subscript::del_item(&container, &key));
    Step::Next
}

/// A pair (`for a, b in pairs`, `a, b = pair_list`) unpacks inline; anything else out of line.
#[inline(always)]
pub fn unpack_sequence(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    if arg == 2
        && let Some((first, second)) = pair_items(cur.peek(1))
    {
        // Dropped by its known type: the count decrement inlines.
        match cur.pop() {
            Value::Tuple(t) => drop(t),
            Value::List(list) => drop(list),
            // SAFETY: `pair_items` answers only for a tuple or a list, and nothing since has
            // written to the stack.
            _ => unsafe { std::hint::unreachable_unchecked() },
        }
        cur.push(second);
        cur.push(first);
        return Step::Next;
    }
    cur.out_of_line(|c| unpack_sequence_general(vm, c, arg))
}

/// The two items of a tuple of two, or of a list of two that is not being mutated.
#[inline(always)]
fn pair_items(v: &Value) -> Option<(Value, Value)> {
    match v {
        Value::Tuple(t) => match t.as_slice() {
            [first, second] => Some((first.clone(), second.clone())),
            _ => None,
        },
        Value::List(list) => match list.try_borrow().ok()?.as_slice() {
            [first, second] => Some((first.clone(), second.clone())),
            _ => None,
        },
        _ => None,
    }
}

#[inline(never)]
fn unpack_sequence_general(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let seq = cur.pop();
    let n = arg as usize;
    match &seq {
        Value::Tuple(t) if t.len() == n => t.iter().rev().for_each(|item| cur.push(item.clone())),
        Value::List(l) if l.borrow().len() == n => l
            .borrow()
            .iter()
            .rev()
            .for_each(|item| cur.push(item.clone())),
        _ => {
            let items = attempt!(vm, unpack_items(vm, &seq, n));
            items.into_iter().rev().for_each(|item| cur.push(item));
        }
    }
    Step::Next
}

fn unpack_items(vm: &mut Vm, seq: &Value, n: usize) -> PyResult<Vec<Value>> {
    if iter::get_iter(seq).is_err() {
        return Err(type_error(format!(
            "cannot unpack non-iterable {} object",
            seq.type_name()
        )));
    }
    let items = iter::collect(vm, seq)?;
    if items.len() < n {
        return Err(super::exceptions::value_error(format!(
            "not enough values to unpack (expected {n}, got {})",
            items.len()
        )));
    }
    if items.len() > n {
        return Err(super::exceptions::value_error(format!(
            "too many values to unpack (expected {n})"
        )));
    }
    Ok(items)
}

pub fn unpack_ex(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let seq = cur.pop();
    let before = (arg & 0xff) as usize;
    let after = (arg >> 8) as usize;
    if iter::get_iter(&seq).is_err() {
        return vm.raise(type_error(format!(
            "cannot unpack non-iterable {} object",
            seq.type_name()
        )));
    }
    let mut items = attempt!(vm, iter::collect(vm, &seq));
    if items.len() < before + after {
        return vm.raise(super::exceptions::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    for item in tail.into_iter().rev() {
        cur.push(item);
    }
    cur.push(Value::list(middle));
    for item in items.into_iter().rev() {
        cur.push(item);
    }
    Step::Next
}

pub fn import_name(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let name = cur.code().name_str(arg).to_owned();
    let mut module = attempt!(vm, import::import_module(vm, &name));
    if let Some((top_level, _)) = name.split_once('.') {
        module = attempt!(vm, import::import_module(vm, top_level));
    }
    cur.push(module);
    Step::Next
}

pub fn import_module(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let name = cur.code().name_str(arg).to_owned();
    let module = attempt!(vm, import::import_module(vm, &name));
    cur.push(module);
    Step::Next
}

pub fn import_from(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let name = cur.code().name_str(arg).to_owned();
    let module = cur.peek(1).clone();
    let Value::Module(m) = &module else {
        let value = attempt!(vm, attr::get_attr(&module, &name));
        cur.push(value);
        return Step::Next;
    };
    if let Some(value) = m.dict.get_str(&name) {
        cur.push(value);
        return Step::Next;
    }
    match attempt!(vm, import::submodule(vm, m, &name)) {
        Some(submodule) => {
            cur.push(submodule);
            Step::Next
        }
        None => vm.raise(import::cannot_import(m, &name)),
    }
}

pub fn import_star(vm: &mut Vm, cur: &mut Cursor, _arg: u32) -> Step {
    let module = cur.pop();
    let Value::Module(m) = &module else {
        return Step::Next;
    };
    let globals = cur.globals().clone();
    let Some(all) = m.dict.get_str("__all__") else {
        for (key, value) in m.dict.items() {
            if let Value::Str(s) = &key
                && !s.as_str().starts_with('_')
            {
                attempt!(vm, globals.set(key.clone(), value));
            }
        }
        return Step::Next;
    };
    for key in attempt!(vm, iter::collect(vm, &all)) {
        let Value::Str(name) = &key else {
            return vm.raise(type_error(format!(
                "Item in {}.__all__ must be str, not {}",
                m.name,
                key.type_name()
            )));
        };
        let value = match m.dict.get_str(name.as_str()) {
            Some(value) => value,
            None => match attempt!(vm, import::submodule(vm, m, name.as_str())) {
                Some(submodule) => submodule,
                None => return vm.raise(no_attribute(&module, name.as_str())),
            },
        };
        attempt!(vm, globals.set(key.clone(), value));
    }
    Step::Next
}

pub fn raise_assertion(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
    let args = if arg == 1 {
        vec![cur.pop()]
    } else {
        Vec::new()
    };
    vm.raise(PyException::new(TypeId::AssertionError, args))
}

/// Finishes a non-`Next` step for an engine: `Some(result)` ends the engine's run, `None`
/// continues dispatching (a handler was found — reserved for `try`).
#[cold]
pub fn finish(vm: &mut Vm, cur: &mut Cursor, step: Step) -> Option<PyResult<Value>> {
    match step {
        Step::Next => None,
        Step::Return => Some(Ok(std::mem::take(&mut vm.entry_result))),
        Step::Raise => Some(Err(vm.unwind(cur))),
    }
}

pub use int::to_ibig;

/// The superinstructions of the instruction table: one ending in a two-operand operator first
/// tries that operator's fast path on its operands in place (`superinstructions`); otherwise
/// each runs its components' semantics in sequence, exactly as if each had been dispatched on its own, reading every later
/// component's argument from the instruction word that follows (the `fused` engine's rewrite
/// leaves those in place). It stops after a component that does not fall through to the next
/// instruction (a taken jump, a call, a return, an exception).
macro_rules! define_superinstructions {
    ($(($name:ident, $handler:ident, $kind:ident, $class:tt, $doc:literal)),* $(,)?) => {
        $(define_superinstructions!(@define $handler $class);)*
    };
    (@define $handler:ident [$($component:ident $component_handler:ident),*]) => {
        #[inline(always)]
        pub fn $handler(vm: &mut Vm, cur: &mut Cursor, arg: u32) -> Step {
            if let Some(shape) = const { OperatorShape::of(&[$(Opcode::$component),*]) }
                && shape.run_fast(cur, arg)
            {
                return Step::Next;
            }
            define_superinstructions!(@run vm, cur, arg, $($component $component_handler),*)
        }
    };
    (@define $handler:ident $frequency:ident) => {};
    (@run $vm:ident, $cur:ident, $arg:expr, $last:ident $last_handler:ident) => {
        $last_handler($vm, $cur, $arg)
    };
    (@run $vm:ident, $cur:ident, $arg:expr, $first:ident $first_handler:ident, $($rest:ident $rest_handler:ident),+) => {{
        let next = $cur.ip;
        let step = $first_handler($vm, $cur, $arg);
        if step != Step::Next || (!Opcode::$first.always_falls_through() && $cur.ip != next) {
            return step;
        }
        let following = $cur.fetch().arg();
        define_superinstructions!(@run $vm, $cur, following, $($rest $rest_handler),+)
    }};
}

crate::for_each_op!(define_superinstructions);
