//! What the engines take for granted about a code object, stated once and checked: the
//! compiler's assembler uses the stack model here to size frames, and the compiled-file cache
//! runs `verify` on every code object it reads, so that bytes from disk can never make the
//! dispatch loop read or write outside a frame, a constant table or the instructions.

use super::code::{CodeObject, Constant, flags};
use super::opcodes::{ArgKind, BinaryOp, Instr, Opcode};
use crate::superinstruction_pattern;

/// How one instruction uses the value stack: it needs `inputs` values present, and leaves
/// `outputs` values in their place when it continues with the next instruction, or
/// `jump_outputs` when it jumps (`None` for instructions that never jump).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StackUse {
    pub inputs: u64,
    pub outputs: u64,
    pub jump_outputs: Option<u64>,
}

/// The stack use of `instr`. Instructions that peek below what they pop (`ListAppend(n)`
/// reads the list `n` below the top) count the peeked values as inputs left in place.
#[inline]
pub fn stack_use(instr: Instr) -> StackUse {
    let n = u64::from(instr.arg());
    let (inputs, outputs) = match instr.opcode() {
        Opcode::Nop | Opcode::Jump | Opcode::DeleteFast | Opcode::DeleteDeref => (0, 0),
        Opcode::MakeCell | Opcode::DeleteGlobal => (0, 0),
        Opcode::RaiseAssertion => (n, 0),
        Opcode::LoadAttr
        | Opcode::UnaryNegative
        | Opcode::UnaryPositive
        | Opcode::UnaryNot
        | Opcode::UnaryInvert
        | Opcode::GetIter
        | Opcode::ListToTuple => (1, 1),
        Opcode::Swap => (n, n),
        Opcode::Copy => (n, n + 1),
        Opcode::LoadConst
        | Opcode::LoadFast
        | Opcode::LoadDeref
        | Opcode::LoadClosure
        | Opcode::LoadGlobal => (0, 1),
        Opcode::LoadMethod => (1, 2),
        Opcode::ImportName | Opcode::ImportModule => (0, 1),
        Opcode::ImportFrom => (1, 2),
        Opcode::Pop
        | Opcode::StoreFast
        | Opcode::StoreDeref
        | Opcode::StoreGlobal
        | Opcode::DeleteAttr
        | Opcode::ReturnValue
        | Opcode::ImportStar => (1, 0),
        Opcode::BinaryAdd
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
        | Opcode::BinarySubscr => (2, 1),
        Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => (1, 0),
        Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => (1, 0),
        Opcode::ListAppend
        | Opcode::SetAdd
        | Opcode::ListExtend
        | Opcode::SetUpdate
        | Opcode::DictUpdate
        | Opcode::DictMerge => (n + 1, n),
        Opcode::MapAdd => (n + 2, n),
        Opcode::StoreAttr | Opcode::DeleteSubscr => (2, 0),
        Opcode::StoreSubscr => (3, 0),
        Opcode::CallMethod | Opcode::CallKw => (n + 2, 1),
        Opcode::Call => (n + 1, 1),
        Opcode::CallEx => (2 + (n & 1), 1),
        Opcode::MakeFunction => (1 + u64::from((instr.arg() & 0b1011).count_ones()), 1),
        Opcode::BuildList | Opcode::BuildTuple | Opcode::BuildSet | Opcode::BuildString => (n, 1),
        Opcode::BuildSlice => (n, 1),
        Opcode::BuildMap => (2 * n, 1),
        Opcode::FormatValue => (1 + u64::from(instr.arg() & 4 != 0), 1),
        Opcode::UnpackSequence => (1, n),
        Opcode::UnpackEx => (1, (n & 0xff) + (n >> 8) + 1),
        Opcode::ForIter => (1, 2),
        // Only the fused engine's rewrite creates these, after verification; `verify` refuses
        // them in code read from outside.
        crate::for_each_op!(superinstruction_pattern) => (0, 0),
    };
    let jump_outputs = match instr.opcode() {
        Opcode::Jump => Some(0),
        Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue | Opcode::ForIter => Some(0),
        Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => Some(1),
        _ => None,
    };
    StackUse {
        inputs,
        outputs,
        jump_outputs,
    }
}

/// Whether control never continues to the next instruction after `op`.
pub fn ends_flow(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseAssertion
    )
}

/// The deepest value stack over every reachable path from instruction 0 (empty stack), or why
/// the instructions are not well formed: a stack underflow, two paths reaching one instruction
/// with different depths, a jump outside the code, or control running off its end.
pub fn max_stack_depth(instructions: &[Instr]) -> Result<u32, String> {
    max_stack_depth_in(instructions, &mut Scratch::default())
}

/// The verifier's working tables, reused from one code object to the next so that verifying
/// a file's thousands of code objects does not allocate for each.
#[derive(Default)]
struct Scratch {
    depth_at: Vec<u32>,
    pending: Vec<(usize, u64)>,
}

fn max_stack_depth_in(instructions: &[Instr], scratch: &mut Scratch) -> Result<u32, String> {
    // Depths are kept as u32 (half the table to clear); a deeper stack is refused below.
    const UNSEEN: u32 = u32::MAX;
    let depth_at = &mut scratch.depth_at;
    depth_at.clear();
    depth_at.resize(instructions.len(), UNSEEN);
    // Paths still to follow; each runs straight on until it meets known ground or ends.
    let pending = &mut scratch.pending;
    pending.clear();
    pending.push((0, 0));
    let mut max_depth = 0;
    while let Some((mut index, mut depth)) = pending.pop() {
        loop {
            let Some(slot) = depth_at.get_mut(index) else {
                return Err(format!("control leaves the code at instruction {index}"));
            };
            if u64::from(*slot) == depth {
                break;
            }
            if *slot != UNSEEN {
                return Err(format!(
                    "instruction {index} reached with stack depths {} and {depth}",
                    *slot
                ));
            }
            *slot = u32::try_from(depth)
                .ok()
                .filter(|&d| d != UNSEEN)
                .ok_or_else(|| "stack too deep".to_owned())?;
            let instr = instructions[index];
            let effect = stack_use(instr);
            let Some(base) = depth.checked_sub(effect.inputs) else {
                return Err(format!("stack underflow at instruction {index}"));
            };
            if let Some(outputs) = effect.jump_outputs {
                let after = base + outputs;
                max_depth = max_depth.max(after);
                pending.push((instr.arg() as usize, after));
            }
            if ends_flow(instr.opcode()) {
                break;
            }
            depth = base + effect.outputs;
            max_depth = max_depth.max(depth);
            index += 1;
        }
    }
    u32::try_from(max_depth).map_err(|_| "stack too deep".to_owned())
}

/// Checks that `code` and every code object among its constants are safe to run: valid
/// opcodes, arguments in the ranges the runtime's instructions assume, consistent table
/// lengths and parameter counts, and a stack model that never underflows or outgrows
/// `stacksize`. Nested code objects deeper than `max_depth` are refused.
pub fn verify(code: &CodeObject, max_depth: usize) -> Result<(), String> {
    verify_in(code, max_depth, &mut Scratch::default())
}

fn verify_in(code: &CodeObject, max_depth: usize, scratch: &mut Scratch) -> Result<(), String> {
    if max_depth == 0 {
        return Err("code objects nested too deeply".to_owned());
    }
    verify_shape(code)?;
    for (index, &instr) in code.instructions.iter().enumerate() {
        verify_argument(code, instr)
            .map_err(|e| format!("{}: instruction {index} ({instr:?}): {e}", code.qualname))?;
    }
    let depth = max_stack_depth_in(&code.instructions, scratch)
        .map_err(|e| format!("{}: {e}", code.qualname))?;
    if depth > code.stacksize {
        return Err(format!(
            "{}: stack size {} below the {depth} the code needs",
            code.qualname, code.stacksize
        ));
    }
    for constant in &code.constants {
        verify_constant(constant, true, max_depth, scratch)?;
    }
    Ok(())
}

fn verify_shape(code: &CodeObject) -> Result<(), String> {
    let fail = |what: &str| Err(format!("{}: {what}", code.qualname));
    if code.instructions.is_empty() {
        return fail("no instructions");
    }
    if code.lines.len() != code.instructions.len() {
        return fail("line table and instructions differ in length");
    }
    if code.flags & !(flags::VARARGS | flags::VARKEYWORDS | flags::MODULE) != 0 {
        return fail("unknown flags");
    }
    let parameters = u64::from(code.argcount)
        + u64::from(code.kwonlyargcount)
        + u64::from(code.has_varargs())
        + u64::from(code.has_varkeywords());
    if code.posonlyargcount > code.argcount || parameters > code.varnames.len() as u64 {
        return fail("more parameters than local variables");
    }
    Ok(())
}

/// Whether an instruction's argument is in the range its runtime semantics assume.
#[inline]
fn verify_argument(code: &CodeObject, instr: Instr) -> Result<(), &'static str> {
    if instr.opcode().is_superinstruction() {
        return Err("a superinstruction outside the fused engine");
    }
    let arg = instr.arg() as usize;
    let in_range = match instr.opcode().arg_kind() {
        ArgKind::None => arg == 0,
        ArgKind::Const => arg < code.constants.len(),
        ArgKind::Local => arg < code.varnames.len(),
        ArgKind::Cell => arg < code.cellvars.len() + code.freevars.len(),
        ArgKind::Name => arg < code.names.len(),
        ArgKind::Jump => arg < code.instructions.len(),
        ArgKind::Count => match instr.opcode() {
            // These read the stack `arg` items down: item 0 would be the free slot above it.
            Opcode::Copy
            | Opcode::Swap
            | Opcode::ListAppend
            | Opcode::SetAdd
            | Opcode::MapAdd
            | Opcode::ListExtend
            | Opcode::SetUpdate
            | Opcode::DictUpdate
            | Opcode::DictMerge => arg >= 1,
            Opcode::BuildSlice => arg == 2 || arg == 3,
            Opcode::RaiseAssertion | Opcode::IsOp | Opcode::ContainsOp | Opcode::CallEx => arg <= 1,
            Opcode::InplaceOp => arg < BinaryOp::ALL.len(),
            Opcode::MakeFunction => arg & !0b1011 == 0,
            Opcode::FormatValue => arg <= 7,
            _ => true,
        },
    };
    if in_range {
        Ok(())
    } else {
        Err("argument out of range")
    }
}

/// Constants must be what the compiler makes: code objects only directly in a constant table,
/// frozenset items hashable, big integers in decimal.
fn verify_constant(
    constant: &Constant,
    top_level: bool,
    max_depth: usize,
    scratch: &mut Scratch,
) -> Result<(), String> {
    match constant {
        Constant::Code(code) if top_level => verify_in(code, max_depth - 1, scratch),
        Constant::Code(_) => Err("a code object inside a tuple or frozenset".to_owned()),
        Constant::BigInt(digits) => {
            let magnitude = digits.strip_prefix('-').unwrap_or(digits);
            if !magnitude.is_empty() && magnitude.bytes().all(|b| b.is_ascii_digit()) {
                Ok(())
            } else {
                Err(format!("malformed integer constant {digits:?}"))
            }
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => items
            .iter()
            .try_for_each(|item| verify_constant(item, false, max_depth, scratch)),
        Constant::None
        | Constant::Bool(_)
        | Constant::Int(_)
        | Constant::Float(_)
        | Constant::Str(_)
        | Constant::Ellipsis => Ok(()),
    }
}
