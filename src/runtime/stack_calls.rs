//! Hand-written `stack_call` entries of hot built-ins (see `BuiltinFunction::stack_call`):
//! each answers its common cases straight from the value stack, dropping the arguments by
//! their known types, and hands everything else to the built-in's general entry.

use super::builtins::builtin_len;
use super::frame::Cursor;
use super::function::BuiltinFn;
use super::methods::list_append;
use super::value::{PyList, Value};
use super::vm::{Step, Vm};

/// `len(x)`: a list, str, dict or tuple is measured and its reference dropped by its known
/// type (an inline count decrement) instead of through the general call's argument slice
/// and drop glue.
pub fn len(vm: &mut Vm, cur: &mut Cursor, result_slot: *mut Value, argc: usize) -> Step {
    if argc == 1 {
        let len = match cur.peek(1) {
            Value::List(l) => l.try_borrow().ok().map(|items| items.len()),
            Value::Str(s) => Some(s.char_len()),
            Value::Dict(d) => Some(d.len()),
            Value::Tuple(t) => Some(t.len()),
            _ => None,
        };
        if let Some(len) = len {
            match cur.pop() {
                Value::List(l) => drop(l),
                Value::Str(s) => drop(s),
                Value::Dict(d) => drop(d),
                Value::Tuple(t) => drop(t),
                other => drop(other),
            }
            // Below the argument only `len` itself and possibly a NULL marker remain, neither
            // of which needs dropping (as in `Vm::call_builtin_on_stack`).
            cur.sp = result_slot;
            cur.push_built(Value::Int(len as i64));
            return Step::Next;
        }
    }
    general(vm, cur, result_slot, argc, builtin_len)
}

/// `xs.append(x)` (from `LoadMethod`, so the receiver and one argument): the argument moves
/// from the stack into the list instead of being copied and then dropped, and the list's
/// reference is dropped by its known type.
pub fn append(vm: &mut Vm, cur: &mut Cursor, result_slot: *mut Value, argc: usize) -> Step {
    if argc == 2
        && let Value::List(list) = cur.peek(2)
    {
        let list: *const PyList = std::rc::Rc::as_ptr(list);
        // SAFETY: the receiver's slot stays on the stack, holding the list, until after
        // this reference is last used below.
        let list = unsafe { &*list };
        if let Ok(mut items) = list.try_borrow_mut() {
            items.push(cur.pop());
            drop(items);
            if let Value::List(list) = cur.pop() {
                drop(list);
            }
            // Below the receiver only the method itself remains (as in
            // `Vm::call_builtin_on_stack`).
            cur.sp = result_slot;
            cur.push(Value::None);
            return Step::Next;
        }
    }
    general(vm, cur, result_slot, argc, list_append)
}

/// A built-in's general entry, out of line so that the fast paths above need no stack frame.
#[cold]
#[inline(never)]
fn general(
    vm: &mut Vm,
    cur: &mut Cursor,
    result_slot: *mut Value,
    argc: usize,
    func: BuiltinFn,
) -> Step {
    vm.call_builtin_on_stack(cur, result_slot, argc, func)
}
