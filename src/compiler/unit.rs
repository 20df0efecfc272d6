//! The code object under construction: instructions with their lines, the deduplicated
//! constant and name tables, and jump labels that are resolved to instruction indices only when
//! the unit is assembled.

use rustc_hash::FxHashMap;

use super::scope::{NameSet, Scope};
use crate::bytecode::Constant;
use crate::bytecode::opcodes::{ArgKind, Instr, MAX_ARG, Opcode};
use crate::syntax::SyntaxError;

/// A jump target; jump instructions carry the label's number until assembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

/// What `break` and `continue` do in the innermost loop.
#[derive(Clone, Copy, Debug)]
pub struct Loop {
    pub continue_to: Label,
    pub break_to: Label,
    /// A `for` loop keeps its iterator on the stack; `break` must pop it.
    pub has_iterator: bool,
}

/// The parameter shape recorded in the code object.
#[derive(Clone, Copy, Debug, Default)]
pub struct Signature {
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
}

/// Constants compare by type and bits: `1`, `1.0` and `True` are equal in Python but must stay
/// separate constants, as must `0.0` and `-0.0`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(String),
    Float(u64),
    Str(String),
    Ellipsis,
    Tuple(Vec<ConstKey>),
    /// The distinct item keys, sorted: like CPython, equal frozensets share one constant
    /// whatever order their items were written in.
    FrozenSet(Vec<ConstKey>),
}

impl ConstKey {
    /// Code objects get no key: each one is its own constant.
    fn of(constant: &Constant) -> Option<ConstKey> {
        Some(match constant {
            Constant::None => ConstKey::None,
            Constant::Bool(value) => ConstKey::Bool(*value),
            Constant::Int(value) => ConstKey::Int(*value),
            Constant::BigInt(digits) => ConstKey::BigInt(digits.clone()),
            Constant::Float(value) => ConstKey::Float(value.to_bits()),
            Constant::Str(text) => ConstKey::Str(text.clone()),
            Constant::Ellipsis => ConstKey::Ellipsis,
            Constant::Tuple(items) => {
                ConstKey::Tuple(items.iter().map(ConstKey::of).collect::<Option<_>>()?)
            }
            Constant::FrozenSet(items) => {
                let mut keys = items.iter().map(ConstKey::of).collect::<Option<Vec<_>>>()?;
                keys.sort();
                keys.dedup();
                ConstKey::FrozenSet(keys)
            }
            Constant::Code(_) | Constant::LazyCode(_) => return None,
        })
    }
}

pub struct CodeUnit<'t> {
    pub scope: &'t Scope<'t>,
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    pub signature: Signature,
    /// The line given to the next emitted instruction.
    pub line: u32,
    pub loops: Vec<Loop>,
    pub instructions: Vec<Instr>,
    pub lines: Vec<u32>,
    pub constants: Vec<Constant>,
    const_index: FxHashMap<ConstKey, usize>,
    pub names: NameSet,
    /// The instruction index each label is bound to.
    pub labels: Vec<Option<u32>>,
    /// The first argument that did not fit in an instruction word.
    pub overflow: Option<SyntaxError>,
}

impl<'t> CodeUnit<'t> {
    pub fn new(
        scope: &'t Scope<'t>,
        name: &str,
        qualname: String,
        first_line: u32,
    ) -> CodeUnit<'t> {
        CodeUnit {
            scope,
            name: name.to_owned(),
            qualname,
            first_line,
            signature: Signature::default(),
            line: first_line,
            loops: Vec::new(),
            // Room for a small function's code: growing from empty reallocated both vectors
            // five or six times per code object.
            instructions: Vec::with_capacity(64),
            lines: Vec::with_capacity(64),
            constants: Vec::with_capacity(8),
            const_index: FxHashMap::default(),
            names: NameSet::default(),
            labels: Vec::new(),
            overflow: None,
        }
    }

    pub fn emit(&mut self, op: Opcode, arg: usize) {
        let arg = u32::try_from(arg)
            .ok()
            .filter(|&arg| arg <= MAX_ARG)
            .unwrap_or_else(|| {
                let what = match op.arg_kind() {
                    ArgKind::Const => "too many constants",
                    ArgKind::Name => "too many names",
                    ArgKind::Local | ArgKind::Cell => "too many local variables",
                    ArgKind::Jump => "code object too large",
                    ArgKind::Count | ArgKind::None => "too many items in one expression",
                };
                self.overflow
                    .get_or_insert_with(|| SyntaxError::new(what, self.line, 0));
                0
            });
        self.instructions.push(Instr::new(op, arg));
        self.lines.push(self.line);
    }

    pub fn emit_jump(&mut self, op: Opcode, target: Label) {
        debug_assert_eq!(op.arg_kind(), ArgKind::Jump);
        self.emit(op, target.0 as usize);
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Makes `label` refer to the next instruction emitted.
    pub fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instructions.len() as u32);
    }

    pub fn add_const(&mut self, constant: Constant) -> usize {
        let Some(key) = ConstKey::of(&constant) else {
            self.constants.push(constant);
            return self.constants.len() - 1;
        };
        *self.const_index.entry(key).or_insert_with(|| {
            self.constants.push(constant);
            self.constants.len() - 1
        })
    }

    pub fn add_name(&mut self, name: &str) -> usize {
        match self.names.get_index_of(name) {
            Some(index) => index,
            None => self.names.insert_full(name.to_owned()).0,
        }
    }

    /// Whether control can run off the end of the code emitted so far.
    pub fn falls_through(&self) -> bool {
        let end = self.instructions.len() as u32;
        let ends_with_return = self
            .instructions
            .last()
            .is_some_and(|instr| instr.opcode() == Opcode::ReturnValue);
        !ends_with_return || self.labels.contains(&Some(end))
    }
}
