//! The `match` engine: fetch, decode, and one `match` over the opcode. The arms are generated
//! from the instruction table and call the runtime's semantics functions, which inline into
//! them; this file holds dispatch only. The `fused` engine runs the same loop with its
//! superinstructions inlined too, and `pvm profile` with a counter before each instruction.
//!
//! Hot instructions get an arm of their own in the loop. Cold ones all call one out-of-line
//! second `match` on a copy of the registers: the loop stays small and its registers (`ip`,
//! `sp`, `base`, the running function) stay in machine registers instead of being spilled
//! around dozens of rarely taken arms.
//!
//! The build (`.cargo/config.toml`) lets LLVM copy the fetch and the jump through the opcode
//! table into the end of every arm, so each arm has its own indirect jump, whose target the
//! branch predictor learns per predecessor, as with computed gotos in C.

use crate::bytecode::{Instr, Opcode};
use crate::for_each_op;
use crate::runtime::exceptions::PyResult;
use crate::runtime::frame::Cursor;
use crate::runtime::ops;
use crate::runtime::value::Value;
use crate::runtime::vm::{Step, Vm};

use super::Engine;
use super::profile;

pub struct MatchEngine;

impl Engine for MatchEngine {
    const NAME: &'static str = "match";
    const DESCRIPTION: &'static str = "a plain `loop { match op { ... } }` over the bytecode";

    fn execute(vm: &mut Vm) -> PyResult<Value> {
        dispatch_loop::<false, false>(vm)
    }
}

/// The loop. `FUSED`: superinstructions get arms of their own (otherwise they would go out
/// of line; the compiler never emits them). `PROFILE`: every instruction is counted first.
#[inline(always)]
pub(super) fn dispatch_loop<const FUSED: bool, const PROFILE: bool>(
    vm: &mut Vm,
) -> PyResult<Value> {
    let mut cur = vm.cursor();
    loop {
        if PROFILE {
            profile::record(&cur);
        }
        let instr = cur.fetch();
        macro_rules! dispatch {
            ($(($name:ident, $handler:ident, $kind:ident, $class:tt, $doc:literal)),* $(,)?) => {
                match instr.opcode() {
                    $(Opcode::$name => dispatch!(@$class $handler),)*
                }
            };
            (@Hot $handler:ident) => {
                ops::$handler(vm, &mut cur, instr.arg())
            };
            (@Cold $handler:ident) => {
                cur.out_of_line(|c| execute_cold(vm, c, instr))
            };
            (@[$($component:tt)*] $handler:ident) => {
                if FUSED {
                    ops::$handler(vm, &mut cur, instr.arg())
                } else {
                    cur.out_of_line(|c| execute_cold(vm, c, instr))
                }
            };
        }
        let step = for_each_op!(dispatch);
        if step != Step::Next
            && let Some(result) = cur.out_of_line(|c| ops::finish(vm, c, step))
        {
            return result;
        }
    }
}

/// Executes one instruction outside the hot loop.
#[inline(never)]
fn execute_cold(vm: &mut Vm, cur: &mut Cursor, instr: Instr) -> Step {
    macro_rules! dispatch_all {
        ($(($name:ident, $handler:ident, $kind:ident, $class:tt, $doc:literal)),* $(,)?) => {
            match instr.opcode() {
                $(Opcode::$name => ops::$handler(vm, cur, instr.arg()),)*
            }
        };
    }
    for_each_op!(dispatch_all)
}
