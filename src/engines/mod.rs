//! Stage 5: the engines. Every engine executes the same code objects against the same
//! runtime; they differ only in how the next instruction is reached. An engine is an
//! `Executor`: it runs the frame on top of the VM's frame stack until that frame returns.

pub mod match_loop;

use crate::runtime::vm::Executor;

/// The engines pvm offers, selectable with `--engine NAME`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum EngineKind {
    /// A `loop { match opcode { ... } }` over the bytecode.
    Match,
}

impl EngineKind {
    /// Every engine; the conformance tests run each program on each of them.
    pub const ALL: &'static [EngineKind] = &[EngineKind::Match];

    pub fn name(self) -> &'static str {
        match self {
            EngineKind::Match => "match",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            EngineKind::Match => "a plain `loop { match op { ... } }` over the bytecode",
        }
    }

    pub fn executor(self) -> Executor {
        match self {
            EngineKind::Match => match_loop::execute,
        }
    }
}

impl std::str::FromStr for EngineKind {
    type Err = String;

    fn from_str(s: &str) -> Result<EngineKind, String> {
        EngineKind::ALL
            .iter()
            .copied()
            .find(|e| e.name() == s)
            .ok_or_else(|| format!("unknown engine '{s}'"))
    }
}
