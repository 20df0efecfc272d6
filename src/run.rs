//! The whole pipeline for one program: source → syntax tree → code object → an engine, and
//! the reporting of how it ended (CPython's traceback format and exit status).

use std::fmt::Write;
use std::rc::Rc;

use bumpalo::Bump;

use crate::bytecode::CodeObject;
use crate::engines::EngineKind;
use crate::runtime::dict::PyDict;
use crate::runtime::exceptions::PyErr;
use crate::runtime::modules;
use crate::runtime::output::Output;
use crate::runtime::repr::exception_message;
use crate::runtime::types::TypeId;
use crate::runtime::value::Value;
use crate::runtime::vm::{Backend, Vm};
use crate::syntax::{self, SyntaxError};

/// How a program ended.
pub struct Outcome {
    pub status: i32,
    /// What went to stderr (a traceback, a SyntaxError report, a `sys.exit` message).
    pub stderr: String,
    /// Standard output, when captured.
    pub stdout: Vec<u8>,
}

/// Parses and compiles a module.
pub fn compile(source: &str, filename: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    let arena = Bump::new();
    let module = syntax::parse(&arena, source)?;
    crate::compiler::compile_module(&module, filename)
}

/// Runs `source` as the `__main__` module.
pub fn run_source(
    source: &str,
    filename: &str,
    argv: Vec<String>,
    engine: EngineKind,
    capture_stdout: bool,
) -> Outcome {
    run_source_on(source, filename, argv, engine.backend(), capture_stdout)
}

/// Runs `source` as the `__main__` module on any backend (an engine or the profiler).
pub fn run_source_on(
    source: &str,
    filename: &str,
    argv: Vec<String>,
    backend: &'static Backend,
    capture_stdout: bool,
) -> Outcome {
    let code = match compile(source, filename) {
        Ok(code) => code,
        Err(e) => {
            return Outcome {
                status: 1,
                stderr: syntax_error_report(&e, filename, source),
                stdout: Vec::new(),
            };
        }
    };
    let mut vm = Vm::new(backend, argv);
    if capture_stdout {
        vm.output = Output::captured();
    }
    let globals = Rc::new(PyDict::new());
    globals.set_str("__name__", Value::str("__main__"));
    // Pseudo-files such as `<string>` (`-c`) have neither source lines in tracebacks nor a
    // `__file__`, as in CPython.
    if !filename.starts_with('<') {
        vm.sources.insert(filename.to_owned(), Rc::from(source));
        globals.set_str("__file__", Value::str(filename));
    }
    let result = vm.run_module(code, globals);
    vm.output.flush();
    let (status, stderr) = match result {
        Ok(_) => (0, String::new()),
        Err(exc) => report_exception(&vm, &exc),
    };
    Outcome {
        status,
        stderr,
        stdout: vm.output.take_captured(),
    }
}

/// CPython's report of a SyntaxError: location, the line with a caret, the message.
pub fn syntax_error_report(e: &SyntaxError, filename: &str, source: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "  File \"{filename}\", line {}", e.line);
    if let Some(line) = source.lines().nth(e.line.saturating_sub(1) as usize) {
        let trimmed = line.trim_start();
        let indent = line.chars().count() - trimmed.chars().count();
        let text = trimmed.trim_end();
        if !text.is_empty() {
            let _ = writeln!(out, "    {text}");
            if e.col > 0 {
                let caret = (e.col as usize).saturating_sub(1 + indent);
                let _ = writeln!(out, "    {}^", " ".repeat(caret));
            }
        }
    }
    let _ = writeln!(out, "{}: {}", e.kind.name(), e.msg);
    out
}

/// The exit status and stderr text for an uncaught exception.
fn report_exception(vm: &Vm, exc: &PyErr) -> (i32, String) {
    if exc.kind == TypeId::SystemExit {
        let (status, message) = modules::exit_status(&exc.args);
        return (status, message.map(|m| m + "\n").unwrap_or_default());
    }
    let mut out = String::from("Traceback (most recent call last):\n");
    let entries = exc.traceback.borrow();
    let mut previous: Option<(Rc<str>, Rc<str>, u32)> = None;
    let mut repeats = 0usize;
    let flush_repeats = |out: &mut String, repeats: usize| {
        if repeats > 3 {
            let more = repeats - 3;
            let _ = writeln!(
                out,
                "  [Previous line repeated {more} more time{}]",
                if more == 1 { "" } else { "s" }
            );
        }
    };
    for entry in entries.iter().rev() {
        let key = (entry.filename.clone(), entry.function.clone(), entry.line);
        if previous.as_ref() == Some(&key) {
            repeats += 1;
            if repeats > 3 {
                continue;
            }
        } else {
            flush_repeats(&mut out, repeats);
            repeats = 1;
            previous = Some(key);
        }
        let _ = writeln!(
            out,
            "  File \"{}\", line {}, in {}",
            entry.filename, entry.line, entry.function
        );
        if let Some(source) = vm.sources.get(&*entry.filename)
            && let Some(line) = source.lines().nth(entry.line.saturating_sub(1) as usize)
        {
            let text = line.trim();
            if !text.is_empty() {
                let _ = writeln!(out, "    {text}");
            }
        }
    }
    flush_repeats(&mut out, repeats);
    let message = exception_message(&exc.args, exc.kind);
    if message.is_empty() {
        let _ = writeln!(out, "{}", exc.kind.name());
    } else {
        let _ = writeln!(out, "{}: {message}", exc.kind.name());
    }
    (1, out)
}
