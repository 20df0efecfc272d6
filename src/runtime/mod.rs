//! Stage 4: values, objects, builtins, frames and the semantics of every instruction. The
//! engines call into `ops` for every instruction; everything else here is shared machinery.

pub mod arith;
pub mod attr;
pub mod builtins;
pub mod compare;
pub mod dict;
pub mod exceptions;
pub mod format;
pub mod frame;
pub mod function;
pub mod hashing;
pub mod import;
pub mod int;
pub mod iter;
pub mod methods;
pub mod module;
pub mod modules;
pub mod ops;
pub mod output;
pub mod repr;
pub mod set;
pub mod stack_calls;
pub mod str;
pub mod strformat;
pub mod subscript;
pub mod superinstructions;
pub mod text;
pub mod types;
pub mod value;
pub mod vm;
