//! The `fused` engine: the `match` loop over bytecode in which frequent instruction sequences
//! start with a superinstruction that runs the whole sequence with one dispatch.
//!
//! The rewrite replaces only the opcode of a sequence's first instruction and keeps every
//! instruction word in place: a superinstruction reads its later components' arguments from
//! the words that follow it, and a jump into the middle of a sequence lands on an instruction
//! that is valid there (the original one, or the best sequence starting there). So jump
//! targets, line numbers and tracebacks are exactly those of the compiler's bytecode. Where
//! sequences overlap, each position gets the choice that saves the most on the path from it
//! (`rewrite`). A superinstruction's semantics is its components' semantics run in sequence
//! (generated in `runtime::ops` from the instruction table); one that ends in an operator
//! first runs the operator's own fast path on its operands in place
//! (`runtime::superinstructions`).
//!
//! The set is chosen from data; see `src/engines/SUPERINSTRUCTIONS.md` for the profiles.

use std::rc::Rc;

use crate::bytecode::{CodeObject, Constant, Instr, Opcode};
use crate::runtime::exceptions::PyResult;
use crate::runtime::function::Translation;
use crate::runtime::superinstructions::work_saved;
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
/// into that superinstruction. Each position gets the choice that saves the most work
/// (`superinstructions::work_saved`) on the straight-line path from it, found from the end of
/// the code backwards: taking the longest match at each position instead would, for
/// example, pair the `LoadFast LoadFast` of `total + i * 7` and leave the multiplication
/// without its operands.
pub fn rewrite(instructions: &[Instr]) -> Vec<Instr> {
    let superinstructions: Vec<(Opcode, usize)> = Opcode::ALL
        .iter()
        .copied()
        .filter(|op| op.is_superinstruction())
        .map(|op| (op, work_saved(op.components())))
        .collect();
    // best[p]: the work saved running from position p to the end, with the choice made at p.
    let mut best = vec![0usize; instructions.len() + 1];
    let mut rewritten = instructions.to_vec();
    for index in (0..instructions.len()).rev() {
        let following = &instructions[index..];
        best[index] = best[index + 1];
        for &(op, saved) in &superinstructions {
            let components = op.components();
            if starts_with(following, components)
                && saved + best[index + components.len()] > best[index]
            {
                best[index] = saved + best[index + components.len()];
                rewritten[index] = Instr::new(op, instructions[index].arg());
            }
        }
    }
    rewritten
}

/// Whether `code` begins with the instructions `components`.
fn starts_with(code: &[Instr], components: &[Opcode]) -> bool {
    components.len() <= code.len()
        && components
            .iter()
            .zip(code)
            .all(|(component, instr)| instr.opcode() == *component)
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

    /// The most work any choice of superinstructions saves on the straight-line path from
    /// `from`, by trying every choice.
    fn most_work_saved(code: &[Instr], from: usize) -> usize {
        if from == code.len() {
            return 0;
        }
        let mut best = most_work_saved(code, from + 1);
        for &op in Opcode::ALL.iter().filter(|op| op.is_superinstruction()) {
            let components = op.components();
            let following = &code[from..];
            if starts_with(following, components) {
                let saved = work_saved(components) + most_work_saved(code, from + components.len());
                best = best.max(saved);
            }
        }
        best
    }

    /// Runs the rewritten code's dispatches from `from` in a straight line, adding up the
    /// work its superinstructions save.
    fn work_saved_running(rewritten: &[Instr], mut from: usize) -> usize {
        let mut saved = 0;
        while from < rewritten.len() {
            let components = rewritten[from].opcode().components();
            saved += work_saved(components);
            from += components.len().max(1);
        }
        saved
    }

    /// Sequences of the instructions that superinstructions are made of (so that many
    /// match), from a fixed pseudo-random stream.
    fn sample_code(seed: u64, len: usize) -> Vec<Instr> {
        let alphabet: Vec<Opcode> = Opcode::ALL
            .iter()
            .filter(|op| op.is_superinstruction())
            .flat_map(|op| op.components().iter().copied())
            .collect();
        let mut state = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|i| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let op = alphabet[(state >> 33) as usize % alphabet.len()];
                Instr::new(op, i as u32 % 7)
            })
            .collect()
    }

    #[test]
    fn the_rewrite_keeps_every_word_and_replaces_only_opcodes_with_matching_sequences() {
        for seed in 0..200 {
            let code = sample_code(seed, 14);
            let rewritten = rewrite(&code);
            assert_eq!(rewritten.len(), code.len());
            for (index, (old, new)) in code.iter().zip(&rewritten).enumerate() {
                assert_eq!(old.arg(), new.arg());
                if new.opcode() != old.opcode() {
                    let components = new.opcode().components();
                    let actual: Vec<Opcode> = code[index..]
                        .iter()
                        .take(components.len())
                        .map(|i| i.opcode())
                        .collect();
                    assert_eq!(components, &actual[..], "seed {seed} at {index}");
                }
            }
        }
    }

    #[test]
    fn running_from_any_position_saves_the_most_work_possible() {
        for seed in 0..200 {
            let code = sample_code(seed, 12);
            let rewritten = rewrite(&code);
            for from in 0..code.len() {
                assert_eq!(
                    work_saved_running(&rewritten, from),
                    most_work_saved(&code, from),
                    "seed {seed} from {from}"
                );
            }
        }
    }
}
