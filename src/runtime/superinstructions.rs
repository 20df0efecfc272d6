//! How a superinstruction runs. By default its components run one after another, exactly as
//! if each had been dispatched (see `define_superinstructions!` in `ops`). A superinstruction
//! that ends in a two-operand operator — `LoadFast x; LoadConst 1; BinaryAdd; StoreFast x`,
//! `LoadFast i; LoadFast n; CompareLess; PopJumpIfFalse` — first tries the operator's fast
//! path (`ops::operator_fast_path`, the same code the operator's own handler runs) straight
//! on the locals and constants its loads name, and sends the result straight to where the
//! rest of the sequence would put it: the stack, a local, or a branch. The operands never
//! pass through the stack and a compare feeding a branch never makes a bool. When the fast
//! path does not apply (a str, a big int, an unbound local), nothing has happened yet and the
//! components run one by one instead, so the general semantics, errors and tracebacks are
//! exactly the components'.

use crate::bytecode::Opcode;

use super::frame::Cursor;
use super::ops::{Immediate, has_operator_fast_path, operator_fast_path, subscript_fast_path};
use super::value::{Value, discard};

/// Where a fused operator's operand comes from: the stack, or the local or constant named by
/// the argument of the component at that index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Operand {
    Stack,
    Local(usize),
    Const(usize),
}

/// Where a fused operator's result goes; the index is the component whose argument names the
/// local or the jump target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sink {
    Push,
    StoreFast(usize),
    JumpIfFalse(usize),
    JumpIfTrue(usize),
}

/// A superinstruction of the form `[load [load]] operator [store or branch]`, analysed from its
/// components when pvm is compiled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperatorShape {
    operator: Opcode,
    /// The operator's index among the components.
    at: usize,
    left: Operand,
    right: Operand,
    sink: Sink,
    len: usize,
}

impl OperatorShape {
    /// The shape of a superinstruction with these components, if it has one: up to two
    /// leading loads of locals or constants, a two-operand operator, and at most one store
    /// to a local or conditional jump after it — and more than the operator alone.
    pub const fn of(components: &[Opcode]) -> Option<OperatorShape> {
        let mut loads = 0;
        while loads < 2
            && loads < components.len()
            && matches!(components[loads], Opcode::LoadFast | Opcode::LoadConst)
        {
            loads += 1;
        }
        if loads == components.len() {
            return None;
        }
        // A subscript's container is a heap value: only one read in place, never one that
        // would have to be dropped from the stack, is fused.
        let subscript = matches!(components[loads], Opcode::BinarySubscr) && loads == 2;
        if !has_operator_fast_path(components[loads]) && !subscript {
            return None;
        }
        let (left, right) = match loads {
            0 => (Operand::Stack, Operand::Stack),
            1 => (Operand::Stack, load(components, 0)),
            _ => (load(components, 0), load(components, 1)),
        };
        let sink = if loads + 1 == components.len() {
            Sink::Push
        } else if loads + 2 == components.len() {
            match components[loads + 1] {
                Opcode::StoreFast => Sink::StoreFast(loads + 1),
                Opcode::PopJumpIfFalse => Sink::JumpIfFalse(loads + 1),
                Opcode::PopJumpIfTrue => Sink::JumpIfTrue(loads + 1),
                _ => return None,
            }
        } else {
            return None;
        };
        if loads == 0 && matches!(sink, Sink::Push) {
            return None;
        }
        Some(OperatorShape {
            operator: components[loads],
            at: loads,
            left,
            right,
            sink,
            len: components.len(),
        })
    }

    /// Runs the whole sequence by the operator's fast path if it applies and returns true;
    /// otherwise changes nothing and returns false. `arg` is the first component's argument;
    /// `cur.ip` points at the second component's word.
    #[inline(always)]
    pub fn run_fast(self, cur: &mut Cursor, arg: u32) -> bool {
        // SAFETY: the rewrite put this superinstruction only where all its components follow
        // in the code, so words up to `ip + len - 2` are this sequence's.
        let word = |k: usize| {
            if k == 0 {
                arg
            } else {
                unsafe { (*cur.ip.add(k - 1)).arg() }
            }
        };
        let on_stack =
            (self.left == Operand::Stack) as usize + (self.right == Operand::Stack) as usize;
        let read = |operand: Operand, depth: usize| -> &Value {
            match operand {
                Operand::Stack => cur.peek(depth),
                Operand::Local(k) => cur.local(word(k)),
                Operand::Const(k) => cur.constant(word(k)),
            }
        };
        let (left, right) = (read(self.left, on_stack), read(self.right, 1));
        let result = if let Opcode::BinarySubscr = self.operator {
            subscript_fast_path(left, right).map(Fast::Value)
        } else {
            operator_fast_path(self.operator, word(self.at), left, right).map(Fast::Immediate)
        };
        let Some(result) = result else {
            return false;
        };
        let sink_arg = match self.sink {
            Sink::Push => 0,
            Sink::StoreFast(k) | Sink::JumpIfFalse(k) | Sink::JumpIfTrue(k) => word(k),
        };
        // SAFETY: the stack operands were immediates (the operator fast paths take nothing
        // else from the stack), so giving up their slots drops nothing; the pushed result
        // goes into the lowest of them or the slot above the top, within the frame's stack
        // depth as the components' pushes would be; the stored local is a slot of this
        // frame, its old value dropped in place first (dropping runs no Python code) as
        // `StoreFast` does.
        unsafe {
            cur.sp = cur.sp.sub(on_stack);
            cur.ip = cur.ip.add(self.len - 1);
            match self.sink {
                Sink::Push => {
                    result.write(cur.sp);
                    cur.sp = cur.sp.add(1);
                }
                Sink::StoreFast(_) => {
                    let local = cur.base.add(sink_arg as usize);
                    if !(*local).is_immediate() {
                        std::ptr::drop_in_place(local);
                    }
                    result.write(local);
                }
                Sink::JumpIfFalse(_) => {
                    if !result.into_truth() {
                        cur.jump_to(sink_arg);
                    }
                }
                Sink::JumpIfTrue(_) => {
                    if result.into_truth() {
                        cur.jump_to(sink_arg);
                    }
                }
            }
        }
        true
    }
}

/// A fused operator's result: an immediate from an arithmetic or comparison fast path, or
/// the item a subscript read.
enum Fast {
    Immediate(Immediate),
    Value(Value),
}

impl Fast {
    /// # Safety
    /// `slot` is valid for a 16-byte write and holds no value that needs dropping.
    #[inline(always)]
    unsafe fn write(self, slot: *mut Value) {
        // SAFETY: as the caller promises.
        unsafe {
            match self {
                Fast::Immediate(immediate) => immediate.write(slot),
                Fast::Value(value) => slot.write(value),
            }
        }
    }

    /// Consumes the result as a branch condition.
    #[inline(always)]
    fn into_truth(self) -> bool {
        match self {
            Fast::Immediate(immediate) => immediate.is_truthy(),
            Fast::Value(value) => {
                let truthy = value.is_truthy();
                discard(value);
                truthy
            }
        }
    }
}

/// What running `components` as one superinstruction saves over running them one by one, in
/// units of one dispatch: a dispatch for every component after the first, and, for a
/// sequence with an operator shape, a push and its pop for every operand and result that no
/// longer goes through the stack. The `fused` engine's rewrite maximizes the sum of these.
pub const fn work_saved(components: &[Opcode]) -> usize {
    let dispatches = components.len().saturating_sub(1);
    match OperatorShape::of(components) {
        Some(shape) => {
            let loads = shape.at;
            let sink = !matches!(shape.sink, Sink::Push) as usize;
            dispatches + loads + sink
        }
        None => dispatches,
    }
}

const fn load(components: &[Opcode], k: usize) -> Operand {
    match components[k] {
        Opcode::LoadFast => Operand::Local(k),
        _ => Operand::Const(k),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Opcode::*;

    #[test]
    fn loads_feeding_an_operator_are_read_in_place() {
        let shape = OperatorShape::of(&[LoadFast, LoadConst, BinaryAdd, StoreFast]).unwrap();
        assert_eq!(shape.left, Operand::Local(0));
        assert_eq!(shape.right, Operand::Const(1));
        assert_eq!(shape.at, 2);
        assert_eq!(shape.sink, Sink::StoreFast(3));
        let shape = OperatorShape::of(&[LoadConst, CompareLess, PopJumpIfFalse]).unwrap();
        assert_eq!(
            (shape.left, shape.right),
            (Operand::Stack, Operand::Const(0))
        );
        assert_eq!(shape.sink, Sink::JumpIfFalse(2));
        let shape = OperatorShape::of(&[InplaceAdd, StoreFast]).unwrap();
        assert_eq!((shape.left, shape.right), (Operand::Stack, Operand::Stack));
        let shape = OperatorShape::of(&[LoadFast, LoadFast, BinarySubscr]).unwrap();
        assert_eq!(
            (shape.left, shape.right),
            (Operand::Local(0), Operand::Local(1))
        );
    }

    #[test]
    fn the_selection_script_knows_the_operators_with_a_fast_path() {
        let script = include_str!("../../scripts/choose_superinstructions.py");
        let listed = script
            .split("FAST_PATH_OPERATORS = {")
            .nth(1)
            .and_then(|rest| rest.split('}').next())
            .expect("the script lists FAST_PATH_OPERATORS");
        let mut listed: Vec<&str> = listed
            .split(',')
            .map(|name| name.trim().trim_matches('"'))
            .filter(|name| !name.is_empty())
            .collect();
        listed.sort_unstable();
        let mut known: Vec<&str> = Opcode::ALL
            .iter()
            .filter(|op| has_operator_fast_path(**op))
            .map(|op| op.name())
            .collect();
        known.sort_unstable();
        assert_eq!(listed, known);
    }

    #[test]
    fn other_sequences_have_no_operator_shape() {
        for components in [
            &[LoadFast, LoadFast][..],
            &[LoadFast, LoadFast, LoadFast],
            &[LoadConst, BinarySubscr],
            &[LoadFast, BinarySubscr, StoreFast],
            &[LoadFast, LoadConst, BinaryPower],
            &[LoadConst, BinarySubtract, Call],
            &[LoadFast, BinaryAdd, StoreFast, Jump],
            &[StoreFast, LoadFast, LoadConst],
        ] {
            assert_eq!(OperatorShape::of(components), None, "{components:?}");
        }
    }
}
