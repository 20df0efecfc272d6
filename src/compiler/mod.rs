//! Stage 2: an abstract syntax tree to code objects. Scope analysis decides for every name
//! whether it is a local slot, a cell, a free variable or a global; code generation then emits
//! the stack bytecode with a line for every instruction.

use std::rc::Rc;

use crate::bytecode::CodeObject;
use crate::syntax::{SyntaxError, ast};

/// Compiles a parsed module into its module code object.
pub fn compile_module(
    module: &ast::Module<'_>,
    filename: &str,
) -> Result<Rc<CodeObject>, SyntaxError> {
    let _ = (module, filename);
    Err(SyntaxError::new("the compiler is not written yet", 1, 0))
}
