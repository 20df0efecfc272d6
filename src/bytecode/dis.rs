//! Disassembly of code objects.

use super::CodeObject;

pub fn disassemble(code: &CodeObject) -> String {
    format!("{code:?}\n")
}
