//! Stage 3: the instruction set and code objects shared by every engine, and their
//! disassembly.

pub mod code;
pub mod dis;
pub mod opcodes;

pub use code::{CodeObject, Constant};
pub use opcodes::{ArgKind, BinaryOp, Instr, Opcode};
