//! Recursive-descent parser.

use bumpalo::Bump;

use super::{SyntaxError, ast};

pub fn parse_module<'a>(arena: &'a Bump, source: &'a str) -> Result<ast::Module<'a>, SyntaxError> {
    let _ = (arena, source);
    Err(SyntaxError::new("the parser is not written yet", 1, 0))
}
