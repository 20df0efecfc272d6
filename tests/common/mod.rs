//! What the process-level test files share: a scratch directory per test.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh directory for one test's files, removed when dropped.
#[allow(dead_code)]
pub struct Scratch {
    pub dir: PathBuf,
}

// Each test file compiles this module on its own and uses only some of these.
#[allow(dead_code)]
impl Scratch {
    /// A new directory under the system's temporary directory; `label` names the test file.
    pub fn new(label: &str) -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let unique = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("pvm-{label}-{}-{unique}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create a scratch directory");
        Scratch { dir }
    }

    /// Writes `source` to `name` (a path relative to the directory, whose directories are
    /// created) and returns the file's path.
    pub fn write(&self, name: &str, source: &str) -> String {
        let path = self.dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create a directory");
        }
        std::fs::write(&path, source).expect("write a scratch file");
        path.to_str().expect("a UTF-8 temporary path").to_owned()
    }

    /// Creates the subdirectory `name` and returns its path.
    pub fn subdir(&self, name: &str) -> String {
        let path = self.dir.join(name);
        std::fs::create_dir_all(&path).expect("create a scratch subdirectory");
        path.to_str().expect("a UTF-8 temporary path").to_owned()
    }

    /// A path in the directory that does not exist.
    pub fn missing(&self, name: &str) -> String {
        self.dir
            .join(name)
            .to_str()
            .expect("a UTF-8 path")
            .to_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // A test may have made a cache directory read-only; removal needs it writable.
        use std::os::unix::fs::PermissionsExt;
        let cache = self.dir.join("__pvmcache__");
        let _ = std::fs::set_permissions(&cache, std::fs::Permissions::from_mode(0o755));
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `source` compiled as `filename`, with the body of its function `bad` made invalid code (a
/// pop of the empty stack, which the verifier refuses): what a cache entry holds when pvm
/// wrote a body wrong, behind checksums that are all intact.
#[allow(dead_code)]
pub fn with_invalid_body_of_bad(source: &str, filename: &str) -> pvm::bytecode::CodeObject {
    let mut code = (*pvm::run::compile(source, filename).expect("compiles")).clone();
    let Some(pvm::bytecode::Constant::Code(bad)) = code
        .constants
        .iter_mut()
        .find(|c| matches!(c, pvm::bytecode::Constant::Code(inner) if &*inner.name == "bad"))
    else {
        panic!("the module defines bad");
    };
    std::rc::Rc::make_mut(bad).instructions[0] =
        pvm::bytecode::Instr::new(pvm::bytecode::Opcode::Pop, 0);
    code
}
