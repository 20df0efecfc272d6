//! The `closure` engine: each code object is translated once, before it first runs, into one
//! Rust closure per instruction with its argument already decoded and captured; the closure
//! calls the instruction's semantics function from the runtime.
//!
//! TODO(variants): control transfer is described and measured below.

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
            // mirror one for one.
            let step = unsafe {
                let op = &*ops.add(cur.ip.offset_from(first) as usize);
                cur.ip = cur.ip.add(1);
                op(vm, &mut cur)
            };
            if step != Step::Next
                && let Some(result) = ops::finish(vm, &mut cur, step)
            {
                return result;
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
