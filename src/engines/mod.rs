//! Stage 5: the engines. Every engine executes the same code objects against the same
//! runtime; they differ only in how the next instruction is reached. Each implements
//! [`Engine`]; [`EngineKind`] names them for the command line and the tests.

pub mod closure;
pub mod fused;
pub mod match_loop;
pub mod profile;

use crate::bytecode::CodeObject;
use crate::runtime::exceptions::PyResult;
use crate::runtime::function::Translation;
use crate::runtime::value::Value;
use crate::runtime::vm::{Backend, Vm};

/// A dispatch strategy. The runtime calls `translate` once for every code object before it
/// first runs (a module's code when the module is loaded, a function's code at the function's
/// first call) and `execute` to run the frame on top of the VM's frame stack until it returns.
/// `execute` may be re-entered (a built-in calling back into Python starts a nested run).
pub trait Engine {
    /// The name `--engine` takes.
    const NAME: &'static str;
    /// One line for `pvm engines`.
    const DESCRIPTION: &'static str;

    /// The engine's own executable form of `code`; engines that run the compiler's bytecode
    /// as it is need none.
    fn translate(_code: &CodeObject) -> Translation {
        Translation::default()
    }

    fn execute(vm: &mut Vm) -> PyResult<Value>;
}

/// The runtime's view of an engine.
pub const fn backend_of<E: Engine>() -> Backend {
    Backend {
        translate: E::translate,
        execute: E::execute,
    }
}

macro_rules! engines {
    ($($(#[doc = $doc:literal])* $variant:ident => $engine:ty),* $(,)?) => {
        /// The engines pvm offers, selectable with `--engine NAME`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
        pub enum EngineKind {
            $($(#[doc = $doc])* $variant,)*
        }

        impl EngineKind {
            /// Every engine; the conformance tests run each program on each of them.
            pub const ALL: &'static [EngineKind] = &[$(EngineKind::$variant,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(EngineKind::$variant => <$engine as Engine>::NAME,)*
                }
            }

            pub fn description(self) -> &'static str {
                match self {
                    $(EngineKind::$variant => <$engine as Engine>::DESCRIPTION,)*
                }
            }

            pub fn backend(self) -> &'static Backend {
                match self {
                    $(EngineKind::$variant => {
                        static BACKEND: Backend = backend_of::<$engine>();
                        &BACKEND
                    })*
                }
            }
        }
    };
}

engines! {
    /// A `loop { match op { ... } }` over the compiler's bytecode.
    Match => match_loop::MatchEngine,
    /// Each code object translated once into closures with their operands decoded.
    Closure => closure::ClosureEngine,
    /// The match loop over bytecode rewritten with profile-chosen superinstructions.
    Fused => fused::FusedEngine,
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
