//! From a finished `CodeUnit` to a `CodeObject`: labels become instruction indices, jumps that
//! land on unconditional jumps are threaded to the final target, and the deepest value stack is
//! found by the bytecode verifier's flow analysis over the final instructions.

use super::scope::NameRefs;
use super::unit::CodeUnit;
use crate::bytecode::CodeObject;
use crate::bytecode::opcodes::{ArgKind, Instr, Opcode};
use crate::bytecode::verify::max_stack_depth;
use crate::syntax::SyntaxError;
use std::rc::Rc;

impl CodeUnit<'_> {
    pub fn assemble(self, filename: &str) -> Result<CodeObject, SyntaxError> {
        if let Some(error) = self.overflow {
            return Err(error);
        }
        let mut instructions = self.instructions;
        for instr in &mut instructions {
            if instr.opcode().arg_kind() == ArgKind::Jump {
                let target = self.labels[instr.arg() as usize]
                    .expect("every label is bound before assembly");
                *instr = Instr::new(instr.opcode(), target);
            }
        }
        thread_jumps(&mut instructions);
        // The code generator keeps the stack balanced, so this fails only on a compiler bug;
        // it is reported rather than left to corrupt frames.
        let stacksize = max_stack_depth(&instructions).map_err(|e| {
            SyntaxError::new(format!("internal compiler error: {e}"), self.first_line, 0)
        })?;
        Ok(CodeObject {
            name: self.name.into(),
            qualname: self.qualname.into(),
            filename: filename.into(),
            first_line: self.first_line,
            instructions,
            lines: self.lines,
            constants: self.constants,
            names: self.names.into_iter().map(Rc::from).collect(),
            varnames: shared(&self.scope.varnames),
            cellvars: shared(&self.scope.cellvars),
            freevars: shared(&self.scope.freevars),
            argcount: self.signature.argcount,
            posonlyargcount: self.signature.posonlyargcount,
            kwonlyargcount: self.signature.kwonlyargcount,
            flags: self.signature.flags,
            stacksize,
        })
    }
}

/// The scope's borrowed names as the code object's shared ones.
fn shared(names: &NameRefs<'_>) -> Vec<Rc<str>> {
    names.iter().map(|&name| Rc::from(name)).collect()
}

/// Retargets every jump whose target is an unconditional `Jump` to that jump's own target (an
/// unconditional jump leaves the stack alone, so any jump may skip over it).
fn thread_jumps(instructions: &mut [Instr]) {
    for index in 0..instructions.len() {
        let instr = instructions[index];
        if instr.opcode().arg_kind() != ArgKind::Jump {
            continue;
        }
        let mut target = instr.arg();
        // Bounded so that a cycle of jumps (`while True: pass`) cannot loop forever.
        for _ in 0..instructions.len() {
            match instructions.get(target as usize) {
                Some(next) if next.opcode() == Opcode::Jump && next.arg() != target => {
                    target = next.arg()
                }
                _ => break,
            }
        }
        instructions[index] = Instr::new(instr.opcode(), target);
    }
}
