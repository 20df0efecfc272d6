//! Stage 3: the instruction set and code objects shared by every engine, their disassembly,
//! verification and serialized form.

pub mod code;
pub mod dis;
pub mod opcodes;
pub mod serialize;
pub mod verify;

pub use code::{CodeObject, Constant};
pub use opcodes::{ArgKind, BinaryOp, Instr, Opcode};
