//! The `fused` engine: the `match` loop over bytecode in which frequent instruction sequences
//! start with a superinstruction that runs the whole sequence with one dispatch.
//!
//! The rewrite replaces only the opcode of a sequence's first instruction and keeps every
//! instruction word in place: a superinstruction reads its later components' arguments from
//! the words that follow it, and a jump into the middle of a sequence lands on the original
//! instruction there. So jump targets, line numbers and tracebacks are exactly those of the
//! compiler's bytecode. A superinstruction's semantics is its components' semantics run in
//! sequence (generated in `runtime::ops` from the instruction table); it stops after any
//! component that does not fall through to the next instruction.
//!
//! The set is chosen from data; see `src/engines/SUPERINSTRUCTIONS.md` for the profiles.

use std::rc::Rc;

use crate::bytecode::{CodeObject, Constant, Instr, Opcode};
use crate::runtime::exceptions::PyResult;
use crate::runtime::function::Translation;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;

use super::Engine;
use super::match_loop::dispatch_loop;

pub struct FusedEngine;

impl Engine for FusedEngine {
    const NAME: &'static str = "fused";
    const DESCRIPTION: &'static str =
        "the match loop over bytecode rewritten with profile-chosen superinstructions";

    fn translate(code: &CodeObject) -> Translation {
        Translation {
            instructions: Some(rewrite(&code.instructions).into_boxed_slice()),
            engine_code: None,
        }
    }

    fn execute(vm: &mut Vm) -> PyResult<Value> {
        dispatch_loop::<true, false>(vm)
    }
}

/// The instructions with each position that starts a superinstruction's sequence turned
/// into that superinstruction (the longest one that matches).
pub fn rewrite(instructions: &[Instr]) -> Vec<Instr> {
    let mut superinstructions: Vec<Opcode> = Opcode::ALL
        .iter()
        .copied()
        .filter(|op| op.is_superinstruction())
        .collect();
    superinstructions.sort_by_key(|op| std::cmp::Reverse(op.components().len()));
    let mut rewritten = instructions.to_vec();
    for (index, slot) in rewritten.iter_mut().enumerate() {
        let following = &instructions[index..];
        let starts_here = |op: &&Opcode| {
            let components = op.components();
            components.len() <= following.len()
                && components
                    .iter()
                    .zip(following)
                    .all(|(component, instr)| instr.opcode() == *component)
        };
        if let Some(&op) = superinstructions.iter().find(starts_here) {
            *slot = Instr::new(op, slot.arg());
        }
    }
    rewritten
}

/// `code` and every code object nested in it as the fused engine runs them, for `pvm dis`.
pub fn rewritten_code(code: &CodeObject) -> CodeObject {
    let mut rewritten = code.clone();
    rewritten.instructions = rewrite(&code.instructions);
    for constant in &mut rewritten.constants {
        if let Constant::Code(inner) = constant {
            *inner = Rc::new(rewritten_code(inner));
        }
    }
    rewritten
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn superinstructions_are_made_of_plain_instructions_and_take_their_first_argument() {
        for &op in Opcode::ALL.iter().filter(|op| op.is_superinstruction()) {
            let components = op.components();
            assert!(components.len() >= 2, "{op:?}");
            assert!(
                components.iter().all(|c| !c.is_superinstruction()),
                "{op:?}"
            );
            assert_eq!(op.arg_kind(), components[0].arg_kind(), "{op:?}");
        }
    }

    #[test]
    fn the_rewrite_changes_only_the_opcodes_that_start_a_sequence() {
        let code = [
            Instr::new(Opcode::LoadFast, 3),
            Instr::new(Opcode::LoadFast, 4),
            Instr::new(Opcode::LoadFast, 5),
            Instr::new(Opcode::BinaryAdd, 0),
            Instr::new(Opcode::ReturnValue, 0),
        ];
        let rewritten = rewrite(&code);
        assert_eq!(rewritten.len(), code.len());
        for (old, new) in code.iter().zip(&rewritten) {
            assert_eq!(old.arg(), new.arg());
            if new.opcode() != old.opcode() {
                let components = new.opcode().components();
                assert_eq!(components[0], old.opcode());
            }
        }
        assert_eq!(rewritten[0].opcode(), Opcode::LoadFastLoadFast);
        assert_eq!(rewritten[1].opcode(), Opcode::LoadFastLoadFast);
        assert_eq!(rewritten[2].opcode(), Opcode::LoadFast);
        assert_eq!(&rewritten[3..], &code[3..]);
    }
}
