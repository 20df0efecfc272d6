//! Code objects: what the compiler produces and every engine consumes. They are plain data —
//! no runtime values, no pointers into the heap — so the compiled-file cache can write and read
//! them and every engine sees exactly the same bytes, constants and line table.

use std::rc::Rc;

use super::opcodes::Instr;
pub use super::serialize::LazyCode;

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(i64),
    /// An integer beyond i64, in decimal (with a leading '-' when negative).
    BigInt(String),
    Float(f64),
    Str(String),
    Ellipsis,
    Tuple(Vec<Constant>),
    /// A frozenset, with its items in source order: the order they are added in decides the
    /// set's layout and so its iteration order.
    FrozenSet(Vec<Constant>),
    Code(Rc<CodeObject>),
    /// A code object read from a compiled file whose body is decoded and verified when first
    /// asked for (see [`LazyCode`]).
    LazyCode(Rc<LazyCode>),
}

/// Parameter-shape flags of a code object.
pub mod flags {
    /// The function takes `*args`.
    pub const VARARGS: u32 = 1;
    /// The function takes `**kwargs`.
    pub const VARKEYWORDS: u32 = 2;
    /// The code is a module body (its names are globals).
    pub const MODULE: u32 = 4;
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// The function's name (`<module>`, `<lambda>`, `<listcomp>` for the others).
    pub name: Rc<str>,
    /// The dotted name used in reprs: `outer.<locals>.inner`.
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub instructions: Vec<Instr>,
    /// The source line of each instruction (same length as `instructions`).
    pub lines: Vec<u32>,
    pub constants: Vec<Constant>,
    /// Global, attribute and module names used by name-carrying instructions.
    pub names: Vec<Rc<str>>,
    /// Local slots: the parameters first (positional, keyword-only, *args, **kwargs), then the
    /// other locals.
    pub varnames: Vec<Rc<str>>,
    /// Variables of this scope captured by inner functions; they live in cells.
    pub cellvars: Vec<Rc<str>>,
    /// Variables of enclosing scopes this code reads through cells.
    pub freevars: Vec<Rc<str>>,
    /// Positional parameters, including positional-only ones.
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// See [`flags`].
    pub flags: u32,
    /// The most values the code keeps on the value stack at once.
    pub stacksize: u32,
}

impl CodeObject {
    /// Slots a frame of this code needs for variables: locals, then cells, then free variables.
    pub fn variable_slots(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }

    /// Slots a frame needs in all: its variables plus its deepest value stack.
    pub fn frame_size(&self) -> usize {
        self.variable_slots() + self.stacksize as usize
    }

    pub fn has_varargs(&self) -> bool {
        self.flags & flags::VARARGS != 0
    }

    pub fn has_varkeywords(&self) -> bool {
        self.flags & flags::VARKEYWORDS != 0
    }

    /// The source line of the instruction at `index`.
    pub fn line_at(&self, index: usize) -> u32 {
        self.lines.get(index).copied().unwrap_or(self.first_line)
    }
}
