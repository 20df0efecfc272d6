//! Stage 2: an abstract syntax tree to code objects. Scope analysis decides for every name
//! whether it is a local slot, a cell, a free variable or a global; code generation then emits
//! the stack bytecode with a line for every instruction.
//!
//! The work is split the way the data flows: `scope` builds the symbol tables for the whole
//! module first (a name's scope depends on code that comes after its use), `codegen` and `expr`
//! walk the tree again emitting into a `unit::CodeUnit` (constant folding lives in `fold`), and
//! `assemble` turns a finished unit into a `CodeObject` (labels to indices, jump threading,
//! stack depth).

mod assemble;
mod codegen;
mod expr;
mod fold;
pub mod scope;
mod unit;

#[cfg(test)]
mod tests;

use std::rc::Rc;

use crate::bytecode::CodeObject;
use crate::syntax::{SyntaxError, ast};

/// Compiles a parsed module into its module code object.
pub fn compile_module(
    module: &ast::Module<'_>,
    filename: &str,
) -> Result<Rc<CodeObject>, SyntaxError> {
    let table = scope::SymbolTable::build(module)?;
    codegen::Compiler::new(&table, filename).compile_module(module)
}

/// A syntax error at an AST position (whose column is 0-based; the caret column is 1-based).
fn error_at(msg: impl Into<String>, pos: ast::Pos) -> SyntaxError {
    SyntaxError::new(msg, pos.line, pos.col + 1)
}

/// The error for a construct the parser accepts but pvm cannot run yet.
fn unsupported(construct: &str, pos: ast::Pos) -> SyntaxError {
    error_at(format!("'{construct}' is not supported by pvm yet"), pos)
}

/// Rejects a statement pvm cannot compile yet. Both passes call this first, so the match arms
/// for these statements afterwards have nothing left to do.
fn check_supported_statement(stmt: &ast::Stmt<'_>) -> Result<(), SyntaxError> {
    use ast::StmtKind;
    let construct = match &stmt.kind {
        StmtKind::ClassDef(_) => "class",
        StmtKind::Try(_) => "try",
        StmtKind::With { .. } => "with",
        StmtKind::Raise { .. } => "raise",
        StmtKind::FunctionDef(def) if def.is_async => "async",
        StmtKind::AugAssign {
            op: ast::BinOp::MatMul,
            ..
        } => "@ operator",
        StmtKind::ImportFrom { level, .. } if *level > 0 => "relative import",
        _ => return Ok(()),
    };
    Err(unsupported(construct, stmt.pos))
}

/// Rejects an expression pvm cannot compile yet (see `check_supported_statement`).
fn check_supported_expression(expr: &ast::Expr<'_>) -> Result<(), SyntaxError> {
    use ast::ExprKind;
    let construct = match &expr.kind {
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) => "yield",
        ExprKind::YieldFrom(_) => "yield from",
        ExprKind::Await(_) => "await",
        ExprKind::Constant(ast::Constant::Imaginary(_)) => "complex literal",
        ExprKind::Constant(ast::Constant::Bytes(_)) => "bytes literal",
        ExprKind::BinOp {
            op: ast::BinOp::MatMul,
            ..
        } => "@ operator",
        ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::DictComp { generators, .. }
            if generators.iter().any(|generator| generator.is_async) =>
        {
            "async"
        }
        _ => return Ok(()),
    };
    Err(unsupported(construct, expr.pos))
}
