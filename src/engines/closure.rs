//! The `closure` engine: each code object is translated once, before it first runs, into one
//! Rust closure per instruction with its argument already decoded and captured; the closure
//! calls the instruction's semantics function from the runtime. Running code does no opcode
//! or argument decoding.
//!
//! How control passes: closures return to a driver loop. The driver finds the closure for the
//! cursor's instruction pointer (the closures mirror the instructions one for one), then
//! calls closures in array order for as long as each one falls through — its `Step` is
//! `Next` and it left the instruction pointer just past itself. A taken jump, a call or a
//! return moves the pointer elsewhere, and the driver looks the closure up again (from the
//! running function's translation when the function changed). No closure ever calls the next
//! one, so nothing depends on tail calls and debug builds use no more stack than release.
//!
//! Two variants were measured (release build, valgrind instruction counts of whole runs, and
//! hyperfine wall time, 5 runs):
//!
//! | variant | fib 22 | loop 200000 | nbody 10000 | richards 10000 | wall fib 30 | wall loop 2M |
//! |---|---|---|---|---|---|---|
//! | A: look the closure up from `ip` before every instruction | 34.0 M | 331 M | 834 M | 866 M | 174 ms ± 14 | 496 ms ± 66 |
//! | B: walk the array while control falls through (kept) | 33.8 M | 316 M | 789 M | 847 M | 156 ms ± 21 | 387 ms ± 80 |
//!
//! Both are slower than the `match` loop (fib 22: 23.4 M instructions). Where the instructions
//! go (`callgrind_annotate`, `loop.py 100000`, 158.8 M in all): the driver loop 19.8%, the
//! boxed closures' call glue 12.5%, the closures with the semantics inlined into them the
//! rest — the driver and the glue are what the `match` loop's one indirect jump replaces.
//! The cursor (`ip`, `sp`, `base`, the function) is passed to every closure by reference, so
//! each instruction reloads and stores those registers through memory, where the `match` loop
//! keeps them in machine registers across instructions; and every call goes through a boxed
//! closure's vtable. Passing the cursor by value would not help: a four-word struct is passed and
//! returned in memory by the x86-64 calling convention.

use crate::bytecode::{CodeObject, Instr, Opcode};
use crate::for_each_op;
use crate::runtime::exceptions::{PyResult, error};
use crate::runtime::frame::Cursor;
use crate::runtime::function::{PyFunction, Translation};
use crate::runtime::ops;
use crate::runtime::types::TypeId;
use crate::runtime::value::Value;
use crate::runtime::vm::{Step, Vm};

use super::Engine;

pub struct ClosureEngine;

/// One instruction, ready to run.
type OpClosure = Box<dyn Fn(&mut Vm, &mut Cursor) -> Step>;

/// A code object's closures, indexed like its instructions.
struct ClosureCode {
    ops: Box<[OpClosure]>,
}

impl Engine for ClosureEngine {
    const NAME: &'static str = "closure";
    const DESCRIPTION: &'static str =
        "each code object translated once into closures with decoded operands";

    fn translate(code: &CodeObject) -> Translation {
        let ops = code.instructions.iter().map(|&i| closure_for(i)).collect();
        Translation {
            instructions: None,
            engine_code: Some(Box::new(ClosureCode { ops })),
        }
    }

    fn execute(vm: &mut Vm) -> PyResult<Value> {
        let mut cur = vm.cursor();
        let mut running: *const PyFunction = std::ptr::null();
        let mut ops: *const OpClosure = std::ptr::null();
        let mut first: *const Instr = std::ptr::null();
        loop {
            if cur.func != running {
                running = cur.func;
                let code = cur.code();
                let Some(translated) = code
                    .translation
                    .engine_code
                    .as_ref()
                    .and_then(|c| c.downcast_ref::<ClosureCode>())
                else {
                    return Err(error(
                        TypeId::SystemError,
                        "code was not translated for the closure engine".to_owned(),
                    ));
                };
                ops = translated.ops.as_ptr();
                first = code.instructions;
            }
            // SAFETY: `ip` points into the running code's instructions, which the closures
            // mirror one for one; while control falls through, the next closure is the next
            // element.
            unsafe {
                let mut op = ops.add(cur.ip.offset_from(first) as usize);
                loop {
                    let expected = cur.ip.add(1);
                    cur.ip = expected;
                    let step = (*op)(vm, &mut cur);
                    if step != Step::Next {
                        if let Some(result) = ops::finish(vm, &mut cur, step) {
                            return result;
                        }
                        break;
                    }
                    if cur.ip != expected {
                        break;
                    }
                    op = op.add(1);
                }
            }
        }
    }
}

/// The closure that runs `instr`.
fn closure_for(instr: Instr) -> OpClosure {
    let arg = instr.arg();
    macro_rules! translate {
        ($(($name:ident, $handler:ident, $kind:ident, $class:tt, $doc:literal)),* $(,)?) => {
            match instr.opcode() {
                $(Opcode::$name => Box::new(move |vm: &mut Vm, cur: &mut Cursor| {
                    ops::$handler(vm, cur, arg)
                }),)*
            }
        };
    }
    for_each_op!(translate)
}
