//! Stage 4: the compiled-file cache. Running or importing `NAME.py` goes through `load`,
//! which is where the cached code object is looked up, validated and written back.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::bytecode::CodeObject;
use crate::syntax::SyntaxError;

/// How source freshness is checked before a cached entry is used (PEP 552's choices).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckSource {
    /// The source's modification time and size must match the entry's header.
    Timestamp,
    /// A hash of the source must match the entry's header.
    Hash,
    /// A present entry is used without looking at the source.
    Unchecked,
}

/// The cache's settings for one run.
#[derive(Clone, Debug)]
pub struct CacheSettings {
    /// Whether entries are written (`-B` / `PVM_DONT_WRITE_BYTECODE` turn it off).
    pub write: bool,
    pub check: CheckSource,
    /// `PVM_CACHE_PREFIX`: a separate tree that mirrors the sources' directories.
    pub prefix: Option<PathBuf>,
    /// Whether what the cache did is reported on stderr (`-v`).
    pub verbose: bool,
}

impl Default for CacheSettings {
    fn default() -> CacheSettings {
        CacheSettings {
            write: true,
            check: CheckSource::Timestamp,
            prefix: None,
            verbose: false,
        }
    }
}

/// Why a module's code could not be had.
#[derive(Debug)]
pub enum LoadError {
    /// The source could not be read.
    Io(std::io::Error),
    /// The source is not UTF-8: the line and the first offending byte (CPython's message).
    NotUtf8 { line: usize, byte: u8 },
    /// The source does not compile.
    Syntax { error: SyntaxError, source: Rc<str> },
}

/// The code of the module in `path`, whose code objects name it `filename`.
pub fn load(
    path: &Path,
    filename: &str,
    _settings: &CacheSettings,
) -> Result<Rc<CodeObject>, LoadError> {
    let source = read_source(path)?;
    crate::run::compile(&source, filename).map_err(|error| LoadError::Syntax {
        error,
        source: Rc::from(source),
    })
}

/// Reads a source file as UTF-8.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(LoadError::Io)?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        LoadError::NotUtf8 {
            line: valid.iter().filter(|b| **b == b'\n').count() + 1,
            byte: e.as_bytes()[valid.len()],
        }
    })
}
