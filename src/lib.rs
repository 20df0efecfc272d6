#![recursion_limit = "512"]
//! pvm: a performance-research virtual machine for Python. One compiler emits one bytecode;
//! several engines execute it against one runtime and differ only in how they dispatch.
//! The modules follow the pipeline: syntax → compiler → bytecode → runtime → engines.

pub mod bytecode;
pub mod cache;
pub mod compiler;
pub mod engines;
pub mod run;
pub mod runtime;
pub mod syntax;
