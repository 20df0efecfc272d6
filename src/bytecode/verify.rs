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

/// A count that is `base + per_arg * arg`.
#[derive(Clone, Copy)]
struct Linear {
    base: u8,
    per_arg: u8,
}

const fn linear(base: u8, per_arg: u8) -> Linear {
    Linear { base, per_arg }
}

impl Linear {
    #[inline(always)]
    fn at(self, arg: u64) -> u64 {
        u64::from(self.base) + u64::from(self.per_arg) * arg
    }
}

/// Which of a code object's limits an argument must stay below: an index into the table
/// `check_instructions` builds for each code object.
mod bound {
    /// The argument is unused: it must be 0.
    pub const ZERO: u8 = 0;
    /// Any count (the opcode's own range still applies).
    pub const ANY: u8 = 1;
    pub const CONST: u8 = 2;
    pub const LOCAL: u8 = 3;
    pub const CELL: u8 = 4;
    pub const NAME: u8 = 5;
    pub const JUMP: u8 = 6;
    /// No argument is valid: superinstructions and unused opcode bytes.
    pub const NEVER: u8 = 7;
}

/// `OpInfo::jump_outputs` of an instruction that never jumps.
const NO_JUMP: u8 = u8::MAX;

/// Everything the stack model and the argument checks need to know about one opcode, looked
/// up by the opcode's byte instead of matched on for each instruction.
#[derive(Clone, Copy)]
struct OpInfo {
    /// See [`bound`].
    bound: u8,
    /// The opcode's own argument range, `arg_min..=arg_min + arg_span`, and the argument
    /// bits it never sets.
    arg_min: u32,
    arg_span: u32,
    arg_forbidden: u32,
    inputs: Linear,
    outputs: Linear,
    /// The stack effect is not linear in the argument: see `special_use`.
    special: bool,
    /// Values a jump leaves over what remains after the inputs, or `NO_JUMP`.
    jump_outputs: u8,
    ends_flow: bool,
    /// Not `special`, no jump, not `ends_flow`.
    plain: bool,
}

const INVALID_OP: OpInfo = OpInfo {
    bound: bound::NEVER,
    arg_min: 0,
    arg_span: 0,
    arg_forbidden: 0,
    inputs: linear(0, 0),
    outputs: linear(0, 0),
    special: false,
    jump_outputs: NO_JUMP,
    ends_flow: false,
    plain: true,
};

/// The table entry of `op`. Instructions that peek below what they pop (`ListAppend(n)` reads
/// the list `n` below the top) count the peeked values as inputs left in place.
const fn op_info(op: Opcode) -> OpInfo {
    // (inputs, outputs); `special` ones are computed by `special_use`.
    let (inputs, outputs, special) = match op {
        Opcode::Nop | Opcode::Jump | Opcode::DeleteFast | Opcode::DeleteDeref => {
            (linear(0, 0), linear(0, 0), false)
        }
        Opcode::MakeCell | Opcode::DeleteGlobal => (linear(0, 0), linear(0, 0), false),
        Opcode::RaiseAssertion => (linear(0, 1), linear(0, 0), false),
        Opcode::LoadAttr
        | Opcode::UnaryNegative
        | Opcode::UnaryPositive
        | Opcode::UnaryNot
        | Opcode::UnaryInvert
        | Opcode::GetIter
        | Opcode::ListToTuple => (linear(1, 0), linear(1, 0), false),
        Opcode::Swap => (linear(0, 1), linear(0, 1), false),
        Opcode::Copy => (linear(0, 1), linear(1, 1), false),
        Opcode::LoadConst
        | Opcode::LoadFast
        | Opcode::LoadDeref
        | Opcode::LoadClosure
        | Opcode::LoadGlobal => (linear(0, 0), linear(1, 0), false),
        Opcode::LoadMethod => (linear(1, 0), linear(2, 0), false),
        Opcode::ImportName | Opcode::ImportModule => (linear(0, 0), linear(1, 0), false),
        Opcode::ImportFrom => (linear(1, 0), linear(2, 0), false),
        Opcode::Pop
        | Opcode::StoreFast
        | Opcode::StoreDeref
        | Opcode::StoreGlobal
        | Opcode::DeleteAttr
        | Opcode::ReturnValue
        | Opcode::ImportStar => (linear(1, 0), linear(0, 0), false),
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
        | Opcode::BinarySubscr => (linear(2, 0), linear(1, 0), false),
        Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue => (linear(1, 0), linear(0, 0), false),
        Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => (linear(1, 0), linear(0, 0), false),
        Opcode::ListAppend
        | Opcode::SetAdd
        | Opcode::ListExtend
        | Opcode::SetUpdate
        | Opcode::DictUpdate
        | Opcode::DictMerge => (linear(1, 1), linear(0, 1), false),
        Opcode::MapAdd => (linear(2, 1), linear(0, 1), false),
        Opcode::StoreAttr | Opcode::DeleteSubscr => (linear(2, 0), linear(0, 0), false),
        Opcode::StoreSubscr => (linear(3, 0), linear(0, 0), false),
        Opcode::CallMethod | Opcode::CallKw => (linear(2, 1), linear(1, 0), false),
        Opcode::Call => (linear(1, 1), linear(1, 0), false),
        Opcode::BuildList | Opcode::BuildTuple | Opcode::BuildSet | Opcode::BuildString => {
            (linear(0, 1), linear(1, 0), false)
        }
        Opcode::BuildSlice => (linear(0, 1), linear(1, 0), false),
        Opcode::BuildMap => (linear(0, 2), linear(1, 0), false),
        Opcode::UnpackSequence => (linear(1, 0), linear(0, 1), false),
        Opcode::ForIter => (linear(1, 0), linear(2, 0), false),
        Opcode::CallEx | Opcode::MakeFunction | Opcode::FormatValue | Opcode::UnpackEx => {
            (linear(0, 0), linear(0, 0), true)
        }
        // Only the fused engine's rewrite creates these, after verification; `verify` refuses
        // them in code read from outside.
        crate::for_each_op!(superinstruction_pattern) => (linear(0, 0), linear(0, 0), false),
    };
    let jump_outputs = match op {
        Opcode::Jump | Opcode::PopJumpIfFalse | Opcode::PopJumpIfTrue | Opcode::ForIter => 0,
        Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => 1,
        _ => NO_JUMP,
    };
    let ends_flow = matches!(
        op,
        Opcode::Jump | Opcode::ReturnValue | Opcode::RaiseAssertion
    );
    let bound = if op.is_superinstruction() {
        bound::NEVER
    } else {
        match op.arg_kind() {
            ArgKind::None => bound::ZERO,
            ArgKind::Count => bound::ANY,
            ArgKind::Const => bound::CONST,
            ArgKind::Local => bound::LOCAL,
            ArgKind::Cell => bound::CELL,
            ArgKind::Name => bound::NAME,
            ArgKind::Jump => bound::JUMP,
        }
    };
    let (arg_min, arg_max, arg_forbidden) = match op {
        // These read the stack `arg` items down: item 0 would be the free slot above it.
        Opcode::Copy
        | Opcode::Swap
        | Opcode::ListAppend
        | Opcode::SetAdd
        | Opcode::MapAdd
        | Opcode::ListExtend
        | Opcode::SetUpdate
        | Opcode::DictUpdate
        | Opcode::DictMerge => (1, u32::MAX, 0),
        Opcode::BuildSlice => (2, 3, 0),
        Opcode::RaiseAssertion | Opcode::IsOp | Opcode::ContainsOp | Opcode::CallEx => (0, 1, 0),
        Opcode::InplaceOp => (0, BinaryOp::ALL.len() as u32 - 1, 0),
        Opcode::MakeFunction => (0, u32::MAX, !0b1011),
        Opcode::FormatValue => (0, 7, 0),
        _ => (0, u32::MAX, 0),
    };
    OpInfo {
        bound,
        arg_min,
        arg_span: arg_max - arg_min,
        arg_forbidden,
        inputs,
        outputs,
        special,
        jump_outputs,
        ends_flow,
        plain: !special && jump_outputs == NO_JUMP && !ends_flow,
    }
}

/// [`op_info`] of every opcode byte; bytes that are no opcode get an entry no argument passes.
static OP_INFO: [OpInfo; 256] = {
    let mut table = [INVALID_OP; 256];
    let mut i = 0;
    while i < Opcode::ALL.len() {
        table[i] = op_info(Opcode::ALL[i]);
        i += 1;
    }
    table
};

impl OpInfo {
    /// Whether `arg` is in this opcode's range and below its bound among `bounds`.
    #[inline(always)]
    fn accepts(&self, arg: u32, bounds: &[u64; 8]) -> bool {
        arg.wrapping_sub(self.arg_min) <= self.arg_span
            && arg & self.arg_forbidden == 0
            && u64::from(arg) < bounds[usize::from(self.bound & 7)]
    }
}

#[inline(always)]
fn info(instr: Instr) -> &'static OpInfo {
    &OP_INFO[usize::from(instr.0 as u8)]
}

/// Inputs and outputs of `instr`.
#[inline(always)]
fn effect(info: &OpInfo, instr: Instr) -> (u64, u64) {
    let n = u64::from(instr.arg());
    if info.special {
        return special_use(instr);
    }
    (info.inputs.at(n), info.outputs.at(n))
}

/// Inputs and outputs of the instructions whose stack use is not linear in the argument.
#[cold]
fn special_use(instr: Instr) -> (u64, u64) {
    let n = u64::from(instr.arg());
    match instr.opcode() {
        Opcode::CallEx => (2 + (n & 1), 1),
        Opcode::MakeFunction => (1 + u64::from((instr.arg() & 0b1011).count_ones()), 1),
        Opcode::FormatValue => (1 + u64::from(instr.arg() & 4 != 0), 1),
        Opcode::UnpackEx => (1, (n & 0xff) + (n >> 8) + 1),
        _ => (0, 0),
    }
}

/// The stack use of `instr`. Instructions that peek below what they pop (`ListAppend(n)`
/// reads the list `n` below the top) count the peeked values as inputs left in place.
pub fn stack_use(instr: Instr) -> StackUse {
    let info = info(instr);
    let (inputs, outputs) = effect(info, instr);
    StackUse {
        inputs,
        outputs,
        jump_outputs: (info.jump_outputs != NO_JUMP).then_some(u64::from(info.jump_outputs)),
    }
}

/// Whether control never continues to the next instruction after `op`.
pub fn ends_flow(op: Opcode) -> bool {
    OP_INFO[op as usize].ends_flow
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
    let depth = check_instructions(code, scratch)?;
    if depth > code.stacksize {
        return Err(format!(
            "{}: stack size {} below the {depth} the code needs",
            code.qualname, code.stacksize
        ));
    }
    for constant in &code.constants {
        // Most constants are scalars with nothing to check: no call for them.
        if !matches!(
            constant,
            Constant::None
                | Constant::Bool(_)
                | Constant::Int(_)
                | Constant::Float(_)
                | Constant::Str(_)
                | Constant::Ellipsis
        ) {
            verify_constant(constant, true, max_depth, scratch)?;
        }
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

/// Checks every instruction's argument and returns the deepest value stack, in one pass in
/// instruction order: a straight line of code carries its depth from one instruction to the
/// next, and a forward jump leaves its depth at its target for when the pass gets there. Only
/// a backward jump to an instruction the pass has not reached (code laid out after a loop's
/// body but entered from below) needs the general search, `max_stack_depth_in`, which then
/// finds the same answers. Argument ranges come first: the stack model relies on them.
fn check_instructions(code: &CodeObject, scratch: &mut Scratch) -> Result<u32, String> {
    const UNSEEN: u32 = u32::MAX;
    let instructions = &code.instructions[..];
    let n = instructions.len();
    let mut bounds = [0u64; 8];
    bounds[usize::from(bound::ZERO)] = 1;
    bounds[usize::from(bound::ANY)] = u64::MAX;
    bounds[usize::from(bound::CONST)] = code.constants.len() as u64;
    bounds[usize::from(bound::LOCAL)] = code.varnames.len() as u64;
    bounds[usize::from(bound::CELL)] = (code.cellvars.len() + code.freevars.len()) as u64;
    bounds[usize::from(bound::NAME)] = code.names.len() as u64;
    bounds[usize::from(bound::JUMP)] = n as u64;
    let stack_error = |e: String| format!("{}: {e}", code.qualname);
    scratch.depth_at.clear();
    scratch.depth_at.resize(n, UNSEEN);
    let depth_at = &mut scratch.depth_at[..];
    // Whether control reaches the current instruction from the one before it, and with what
    // depth.
    let mut live = true;
    let mut depth = 0u64;
    let mut max_depth = 0u64;
    let mut searched_from = None;
    for (index, &instr) in instructions.iter().enumerate() {
        let info = info(instr);
        let arg = instr.arg();
        if !info.accepts(arg, &bounds) {
            return Err(argument_error(code, index, instr));
        }
        // Only a forward jump has left a depth here yet.
        let known = depth_at[index];
        if known != UNSEEN {
            if live && u64::from(known) != depth {
                return Err(depth_error(code, index, known, depth));
            }
            depth = u64::from(known);
            live = true;
        } else if !live {
            // Not reached so far: unreachable, or entered by a later backward jump.
            continue;
        }
        if depth >= u64::from(UNSEEN) {
            return Err(stack_error("stack too deep".to_owned()));
        }
        depth_at[index] = depth as u32;
        if info.plain {
            // The common case: a stack effect linear in the argument, no jump, and control
            // continues with the next instruction.
            let n = u64::from(arg);
            let Some(base) = depth.checked_sub(info.inputs.at(n)) else {
                return Err(underflow_error(code, index));
            };
            depth = base + info.outputs.at(n);
            max_depth = max_depth.max(depth);
            continue;
        }
        let (inputs, outputs) = effect(info, instr);
        let Some(base) = depth.checked_sub(inputs) else {
            return Err(underflow_error(code, index));
        };
        if info.jump_outputs != NO_JUMP {
            let after = base + u64::from(info.jump_outputs);
            max_depth = max_depth.max(after);
            // Below `n`: checked as a jump argument.
            let target = arg as usize;
            let Some(slot) = depth_at.get_mut(target) else {
                return Err(stack_error("control leaves the code".to_owned()));
            };
            if *slot == UNSEEN {
                if target <= index {
                    searched_from = Some(index + 1);
                    break;
                }
                if after >= u64::from(UNSEEN) {
                    return Err(stack_error("stack too deep".to_owned()));
                }
                *slot = after as u32;
            } else if u64::from(*slot) != after {
                return Err(depth_error(code, target, *slot, after));
            }
        }
        if info.ends_flow {
            live = false;
        } else {
            depth = base + outputs;
            max_depth = max_depth.max(depth);
        }
    }
    if let Some(rest) = searched_from {
        for (index, &instr) in instructions.iter().enumerate().skip(rest) {
            if !info(instr).accepts(instr.arg(), &bounds) {
                return Err(argument_error(code, index, instr));
            }
        }
        return max_stack_depth_in(instructions, scratch).map_err(stack_error);
    }
    if live {
        return Err(stack_error(format!(
            "control leaves the code at instruction {n}"
        )));
    }
    u32::try_from(max_depth).map_err(|_| stack_error("stack too deep".to_owned()))
}

// The errors are made out of line, from values: formatting them in place kept the pass's
// running depths in memory instead of registers.

#[cold]
#[inline(never)]
fn depth_error(code: &CodeObject, index: usize, known: u32, depth: u64) -> String {
    format!(
        "{}: instruction {index} reached with stack depths {known} and {depth}",
        code.qualname
    )
}

#[cold]
#[inline(never)]
fn underflow_error(code: &CodeObject, index: usize) -> String {
    format!("{}: stack underflow at instruction {index}", code.qualname)
}

/// Why `instr`'s argument was refused.
#[cold]
#[inline(never)]
fn argument_error(code: &CodeObject, index: usize, instr: Instr) -> String {
    let why = if instr.opcode().is_superinstruction() {
        "a superinstruction outside the fused engine"
    } else {
        "argument out of range"
    };
    format!("{}: instruction {index} ({instr:?}): {why}", code.qualname)
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
        // Its body is verified when it is decoded, before it first runs.
        Constant::LazyCode(_) if top_level => Ok(()),
        Constant::Code(_) | Constant::LazyCode(_) => {
            Err("a code object inside a tuple or frozenset".to_owned())
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A module body whose instructions are replaced by `instructions` (constants: 1, None).
    fn code_with(instructions: Vec<Instr>, stacksize: u32) -> CodeObject {
        let mut code = (*crate::run::compile("x = 1\n", "t.py").expect("compiles")).clone();
        code.lines = vec![1; instructions.len()];
        code.instructions = instructions;
        code.stacksize = stacksize;
        code
    }

    /// Instruction 2 is entered only by the backward jump at 3: the one pass hands over to
    /// the general search, which accepts it.
    fn entered_from_below() -> Vec<Instr> {
        vec![
            Instr::new(Opcode::LoadConst, 0),
            Instr::new(Opcode::Jump, 3),
            Instr::new(Opcode::ReturnValue, 0),
            Instr::new(Opcode::Jump, 2),
        ]
    }

    #[test]
    fn code_entered_by_a_backward_jump_is_verified_by_the_search() {
        assert_eq!(verify(&code_with(entered_from_below(), 1), 2), Ok(()));
        let error = verify(&code_with(entered_from_below(), 0), 2).expect_err("stack size");
        assert!(error.contains("below the 1 the code needs"), "{error}");
    }

    #[test]
    fn arguments_after_the_hand_over_are_still_checked() {
        let mut instructions = entered_from_below();
        instructions.push(Instr::new(Opcode::LoadConst, 99));
        let error = verify(&code_with(instructions, 1), 2).expect_err("constant 99");
        assert!(
            error.contains("instruction 4") && error.contains("out of range"),
            "{error}"
        );
    }

    #[test]
    fn a_forward_jump_and_the_fall_through_must_agree() {
        let instructions = vec![
            Instr::new(Opcode::LoadConst, 0),
            Instr::new(Opcode::JumpIfTrueOrPop, 4),
            Instr::new(Opcode::LoadConst, 0),
            Instr::new(Opcode::LoadConst, 0),
            Instr::new(Opcode::ReturnValue, 0),
        ];
        let error = verify(&code_with(instructions, 2), 2).expect_err("depths 1 and 2");
        assert!(
            error.contains("instruction 4 reached with stack depths 1 and 2"),
            "{error}"
        );
    }
}
