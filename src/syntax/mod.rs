//! Stage 1: source text to an abstract syntax tree. The lexer turns text into tokens with
//! Python's layout rules (INDENT/DEDENT, implicit joining inside brackets); the parser is a
//! recursive-descent parser with CPython's precedence and error messages.

pub mod ast;
mod escapes;
pub mod lexer;
pub mod parser;
#[cfg(test)]
mod sexpr;

use bumpalo::Bump;

/// Which exception class a syntax error is reported as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A compile-time error, reported like CPython: file, line, the source line with a caret, then
/// `SyntaxError: msg`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column of the caret (CPython's `offset`); 0 when unknown.
    pub col: u32,
}

impl SyntaxError {
    pub fn new(msg: impl Into<String>, line: u32, col: u32) -> SyntaxError {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            line,
            col,
        }
    }
}

/// Parses a whole module. The tree borrows from `arena` and from `source`.
pub fn parse<'a>(arena: &'a Bump, source: &'a str) -> Result<ast::Module<'a>, SyntaxError> {
    parser::parse_module(arena, source)
}
