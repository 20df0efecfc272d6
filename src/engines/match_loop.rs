//! The `match` engine: fetch, decode, and one `match` over the opcode. The arms are generated
//! from the instruction table and call the runtime's semantics functions, which inline into
//! them; this file holds dispatch only.

use crate::bytecode::Opcode;
use crate::for_each_op;
use crate::runtime::exceptions::PyResult;
use crate::runtime::ops;
use crate::runtime::value::Value;
use crate::runtime::vm::{Step, Vm};

pub fn execute(vm: &mut Vm) -> PyResult<Value> {
    let mut cur = vm.cursor();
    loop {
        let instr = cur.fetch();
        macro_rules! dispatch {
            ($(($name:ident, $handler:ident, $kind:ident, $frequency:ident, $doc:literal)),* $(,)?) => {
                match instr.opcode() {
                    $(Opcode::$name => dispatch!(@$frequency $handler),)*
                }
            };
            (@Hot $handler:ident) => {
                ops::$handler(vm, &mut cur, instr.arg())
            };
            (@Cold $handler:ident) => {
                cur.out_of_line(|c| ops::$handler(vm, c, instr.arg()))
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
