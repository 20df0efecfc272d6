//! From a finished `CodeUnit` to a `CodeObject`: labels become instruction indices, jumps that
//! land on unconditional jumps are threaded to the final target, and the deepest value stack is
//! found by a flow analysis over the final instructions.

use super::unit::CodeUnit;
use crate::bytecode::CodeObject;
use crate::bytecode::opcodes::{ArgKind, Instr, Opcode};
use crate::superinstruction_pattern;
use crate::syntax::SyntaxError;

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
        let stacksize = max_stack_depth(&instructions);
        Ok(CodeObject {
            name: self.name,
            qualname: self.qualname,
            filename: filename.to_owned(),
            first_line: self.first_line,
            instructions,
            lines: self.lines,
            constants: self.constants,
            names: self.names.into_iter().collect(),
            varnames: self.scope.varnames.iter().cloned().collect(),
            cellvars: self.scope.cellvars.iter().cloned().collect(),
            freevars: self.scope.freevars.iter().cloned().collect(),
            argcount: self.signature.argcount,
            posonlyargcount: self.signature.posonlyargcount,
            kwonlyargcount: self.signature.kwonlyargcount,
            flags: self.signature.flags,
            stacksize,
        })
    }
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

/// How an instruction changes the stack depth: when it continues with the next instruction, and
/// when it jumps (`None` for instructions that never jump).
fn stack_effect(instr: Instr) -> (i64, Option<i64>) {
    let n = i64::from(instr.arg());
    let fallthrough = match instr.opcode() {
        Opcode::Nop
        | Opcode::Swap
        | Opcode::DeleteFast
        | Opcode::DeleteDeref
        | Opcode::MakeCell
        | Opcode::DeleteGlobal
        | Opcode::LoadAttr
        | Opcode::UnaryNegative
        | Opcode::UnaryPositive
        | Opcode::UnaryNot
        | Opcode::UnaryInvert
        | Opcode::GetIter
        | Opcode::ListToTuple
        | Opcode::Jump => 0,
        Opcode::Copy
        | Opcode::LoadConst
        | Opcode::LoadFast
        | Opcode::LoadDeref
        | Opcode::LoadClosure
        | Opcode::LoadGlobal
        | Opcode::LoadMethod
        | Opcode::ImportName
        | Opcode::ImportModule
        | Opcode::ImportFrom => 1,
        Opcode::Pop
        | Opcode::StoreFast
        | Opcode::StoreDeref
        | Opcode::StoreGlobal
        | Opcode::DeleteAttr
        | Opcode::ReturnValue
        | Opcode::BinaryAdd
        | Opcode::BinarySubtract
        | Opcode::BinaryMultiply
        | Opcode::BinaryTrueDivide
        | Opcode::BinaryFloorDivide
        | Opcode::BinaryModulo
        | Opcode::BinaryPower
        | Opcode::BinaryMatMul
        | Opcode::BinaryLShift
        | Opcode::BinaryRShift
        | Opcode::BinaryAnd
        | Opcode::BinaryOr
        | Opcode::BinaryXor
        | Opcode::InplaceAdd
        | Opcode::InplaceOp
        | Opcode::CompareLess
        | Opcode::CompareLessEqual
        | Opcode::CompareEqual
        | Opcode::CompareNotEqual
        | Opcode::CompareGreater
        | Opcode::CompareGreaterEqual
        | Opcode::IsOp
        | Opcode::ContainsOp
        | Opcode::PopJumpIfFalse
        | Opcode::PopJumpIfTrue
        | Opcode::JumpIfFalseOrPop
        | Opcode::JumpIfTrueOrPop
        | Opcode::ListAppend
        | Opcode::SetAdd
        | Opcode::ListExtend
        | Opcode::SetUpdate
        | Opcode::DictUpdate
        | Opcode::DictMerge
        | Opcode::BinarySubscr
        | Opcode::ImportStar => -1,
        Opcode::StoreAttr | Opcode::DeleteSubscr | Opcode::MapAdd => -2,
        Opcode::StoreSubscr => -3,
        Opcode::CallMethod | Opcode::CallKw => -(n + 1),
        Opcode::Call => -n,
        Opcode::CallEx => -1 - i64::from(instr.arg() & 1),
        Opcode::MakeFunction => -i64::from((instr.arg() & 0b1011).count_ones()),
        Opcode::BuildList
        | Opcode::BuildTuple
        | Opcode::BuildSet
        | Opcode::BuildSlice
        | Opcode::BuildString => 1 - n,
        Opcode::BuildMap => 1 - 2 * n,
        Opcode::FormatValue => -i64::from(instr.arg() & 4 != 0),
        Opcode::UnpackSequence => n - 1,
        Opcode::UnpackEx => i64::from(instr.arg() & 0xff) + i64::from(instr.arg() >> 8),
        Opcode::RaiseAssertion => -n,
        Opcode::ForIter => 1,
        // Only the fused engine's rewrite creates these, after compilation.
        crate::for_each_op!(superinstruction_pattern) => 0,
    };
    let jump = match instr.opcode() {
        Opcode::Jump => Some(0),
        Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue | Opcode::ForIter => Some(-1),
        Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => Some(0),
        _ => None,
    };
    (fallthrough, jump)
}

/// The deepest stack over every reachable path, starting empty at instruction 0.
fn max_stack_depth(instructions: &[Instr]) -> u32 {
    let mut depth_at: Vec<Option<i64>> = vec![None; instructions.len()];
    let mut pending = vec![(0usize, 0i64)];
    let mut max_depth = 0;
    while let Some((index, depth)) = pending.pop() {
        let Some(slot) = depth_at.get_mut(index) else {
            continue;
        };
        // The code generator keeps the stack balanced: every path reaches an instruction with the
        // same depth, never below empty.
        debug_assert!(depth >= 0, "stack underflow at instruction {index}");
        debug_assert!(
            slot.is_none_or(|known| known == depth),
            "instruction {index} reached with depths {slot:?} and {depth}"
        );
        if slot.is_some_and(|known| known >= depth) {
            continue;
        }
        *slot = Some(depth);
        let instr = instructions[index];
        let (fallthrough, jump) = stack_effect(instr);
        if let Some(effect) = jump {
            let after = depth + effect;
            max_depth = max_depth.max(after);
            pending.push((instr.arg() as usize, after));
        }
        let ends_flow = matches!(
            instr.opcode(),
            Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseAssertion
        );
        if !ends_flow {
            let after = depth + fallthrough;
            max_depth = max_depth.max(after);
            pending.push((index + 1, after));
        }
    }
    u32::try_from(max_depth).unwrap_or(u32::MAX)
}
