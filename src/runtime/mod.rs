//! Stage 4: values, objects, builtins, frames and the semantics of every instruction.

pub mod format;
pub mod text;
