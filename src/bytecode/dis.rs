//! Disassembly of code objects, laid out like CPython's `python -m dis` so that listings from
//! the two can be read side by side: the source line where a new line starts, `>>` on jump
//! targets, the instruction index, the opcode, its argument and what the argument means.
//! Nested code objects follow their parent, each under a `Disassembly of ...:` header.
//! Constants are shown exactly as Python's `repr` shows them, by the runtime's own pure
//! formatters for floats and strings (a listing is a view for people, not a pipeline stage).

use std::rc::Rc;

use std::fmt::Write;

use crate::runtime::format::float_repr;
use crate::runtime::text;

use super::code::{CodeObject, Constant};
use super::opcodes::{ArgKind, BinaryOp, Instr, Opcode};

/// The listing of `code` and of every code object nested in it.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_one(code, &mut out);
    for constant in &code.constants {
        let inner = match constant {
            Constant::Code(inner) => inner,
            Constant::LazyCode(lazy) => match lazy.code() {
                Ok(inner) => inner,
                Err(e) => {
                    let _ = write!(out, "\n{}: {e}\n", constant_repr(constant));
                    continue;
                }
            },
            _ => continue,
        };
        let _ = write!(out, "\nDisassembly of {}:\n", code_header(inner));
        out.push_str(&disassemble(inner));
    }
    out
}

fn code_header(code: &CodeObject) -> String {
    header_of(&code.name, &code.filename, code.first_line)
}

fn header_of(name: &str, filename: &str, first_line: u32) -> String {
    format!("<code object {name}, file \"{filename}\", line {first_line}>")
}

fn disassemble_one(code: &CodeObject, out: &mut String) {
    let mut is_target = vec![false; code.instructions.len()];
    for instr in &code.instructions {
        if instr.opcode().arg_kind() == ArgKind::Jump
            && let Some(target) = is_target.get_mut(instr.arg() as usize)
        {
            *target = true;
        }
    }
    let mut previous_line = None;
    for (index, &instr) in code.instructions.iter().enumerate() {
        let line = code.line_at(index);
        let line_column = if previous_line == Some(line) {
            String::new()
        } else {
            if previous_line.is_some() {
                out.push('\n');
            }
            previous_line = Some(line);
            line.to_string()
        };
        let marker = if is_target[index] { ">>" } else { "" };
        let mut row = format!(
            "{line_column:>4} {marker:>4} {index:>5} {:<20}",
            instr.opcode().name()
        );
        if instr.opcode().arg_kind() != ArgKind::None {
            let _ = write!(row, " {:>4}", instr.arg());
            if let Some(meaning) = meaning(code, instr) {
                let _ = write!(row, " ({meaning})");
            }
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
}

/// What an instruction's argument stands for, when it is more than the number itself.
fn meaning(code: &CodeObject, instr: Instr) -> Option<String> {
    let arg = instr.arg() as usize;
    let name_in = |names: &[Rc<str>]| names.get(arg).map(|n| n.to_string());
    match instr.opcode().arg_kind() {
        ArgKind::None => None,
        ArgKind::Const => code.constants.get(arg).map(constant_repr),
        ArgKind::Name => name_in(&code.names),
        ArgKind::Local => name_in(&code.varnames),
        ArgKind::Cell => code
            .cellvars
            .iter()
            .chain(&code.freevars)
            .nth(arg)
            .map(|n| n.to_string()),
        ArgKind::Jump => Some(format!("to {arg}")),
        ArgKind::Count => count_meaning(instr.opcode(), arg),
    }
}

fn count_meaning(op: Opcode, arg: usize) -> Option<String> {
    let text = match (op, arg) {
        (Opcode::IsOp, 0) => "is".to_owned(),
        (Opcode::IsOp, _) => "is not".to_owned(),
        (Opcode::ContainsOp, 0) => "in".to_owned(),
        (Opcode::ContainsOp, _) => "not in".to_owned(),
        (Opcode::InplaceOp, _) => format!("{}=", BinaryOp::ALL.get(arg)?.symbol()),
        (Opcode::FormatValue, _) => {
            let conversion = ["", "str", "repr", "ascii"][arg & 3];
            let spec = if arg & 4 != 0 { "with format" } else { "" };
            let parts: Vec<&str> = [conversion, spec]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect();
            if parts.is_empty() {
                return None;
            }
            parts.join(", ")
        }
        (Opcode::MakeFunction, _) => {
            let names = [(1, "defaults"), (2, "kwdefaults"), (8, "closure")];
            let parts: Vec<&str> = names
                .iter()
                .filter(|(bit, _)| arg & bit != 0)
                .map(|(_, name)| *name)
                .collect();
            if parts.is_empty() {
                return None;
            }
            parts.join(", ")
        }
        (Opcode::UnpackEx, _) => format!("{} before, {} after", arg & 0xff, arg >> 8),
        _ => return None,
    };
    Some(text)
}

/// A constant as Python's `repr` shows it.
pub fn constant_repr(constant: &Constant) -> String {
    match constant {
        Constant::None => "None".to_owned(),
        Constant::Bool(true) => "True".to_owned(),
        Constant::Bool(false) => "False".to_owned(),
        Constant::Int(value) => value.to_string(),
        Constant::BigInt(digits) => digits.clone(),
        Constant::Float(value) => float_repr(*value),
        Constant::Str(text) => text::repr(text),
        Constant::Ellipsis => "Ellipsis".to_owned(),
        Constant::Tuple(items) => match items.as_slice() {
            [single] => format!("({},)", constant_repr(single)),
            _ => {
                let parts: Vec<String> = items.iter().map(constant_repr).collect();
                format!("({})", parts.join(", "))
            }
        },
        Constant::FrozenSet(items) => {
            let parts: Vec<String> = items.iter().map(constant_repr).collect();
            format!("frozenset({{{}}})", parts.join(", "))
        }
        Constant::Code(code) => code_header(code),
        Constant::LazyCode(lazy) => header_of(&lazy.name, lazy.filename(), lazy.first_line),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::code::flags;

    fn code(
        name: &str,
        instructions: Vec<Instr>,
        lines: Vec<u32>,
        constants: Vec<Constant>,
    ) -> CodeObject {
        CodeObject {
            name: name.into(),
            qualname: name.into(),
            filename: "t.py".into(),
            first_line: 1,
            instructions,
            lines,
            constants,
            names: vec!["print".into()],
            varnames: vec!["x".into()],
            cellvars: Vec::new(),
            freevars: Vec::new(),
            argcount: 1,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            stacksize: 2,
        }
    }

    #[test]
    fn function_listing() {
        use Opcode::*;
        let body = code(
            "f",
            vec![
                Instr::new(LoadFast, 0),
                Instr::new(PopJumpIfFalse, 4),
                Instr::new(LoadConst, 0),
                Instr::new(ReturnValue, 0),
                Instr::new(LoadGlobal, 0),
                Instr::new(LoadConst, 1),
                Instr::new(Call, 1),
                Instr::new(ReturnValue, 0),
            ],
            vec![2, 2, 3, 3, 4, 4, 4, 4],
            vec![Constant::Str("it's".to_owned()), Constant::Float(0.5)],
        );
        let mut module = code(
            "<module>",
            vec![
                Instr::new(LoadConst, 0),
                Instr::new(MakeFunction, 0),
                Instr::new(ReturnValue, 0),
            ],
            vec![1, 1, 1],
            vec![Constant::Code(std::rc::Rc::new(body))],
        );
        module.flags = flags::MODULE;
        let expected = r#"   1          0 LoadConst               0 (<code object f, file "t.py", line 1>)
              1 MakeFunction            0
              2 ReturnValue

Disassembly of <code object f, file "t.py", line 1>:
   2          0 LoadFast                0 (x)
              1 PopJumpIfFalse          4 (to 4)

   3          2 LoadConst               0 ("it's")
              3 ReturnValue

   4   >>     4 LoadGlobal              0 (print)
              5 LoadConst               1 (0.5)
              6 Call                    1
              7 ReturnValue
"#;
        assert_eq!(disassemble(&module), expected);
    }

    #[test]
    fn float_reprs_follow_python() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-2.5, "-2.5"),
            (1e16, "1e+16"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123456789012345.0, "123456789012345.0"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
        ];
        for (value, expected) in cases {
            assert_eq!(constant_repr(&Constant::Float(value)), expected, "{value}");
        }
    }

    #[test]
    fn constant_reprs_follow_python() {
        let tuple = Constant::Tuple(vec![Constant::Int(1), Constant::Str("a\n".to_owned())]);
        assert_eq!(constant_repr(&tuple), r"(1, 'a\n')");
        let single = Constant::Tuple(vec![Constant::None]);
        assert_eq!(constant_repr(&single), "(None,)");
        assert_eq!(
            constant_repr(&Constant::Str("say \"hi\" it's".to_owned())),
            r#"'say "hi" it\'s'"#
        );
        assert_eq!(constant_repr(&Constant::Bool(false)), "False");
    }
}
