//! The whole pipeline for one program: source → syntax tree → code object (or the code object
//! straight from the compiled-file cache) → an engine, and the reporting of how it ended
//! (CPython's traceback format and exit status).

use std::collections::HashMap;
use std::fmt::Write;
use std::path::Path;
use std::rc::Rc;
use std::time::{Duration, Instant};

use bumpalo::Bump;

use crate::bytecode::CodeObject;
use crate::cache::{self, CacheSettings, LoadError, Timings};
use crate::engines::EngineKind;
use crate::runtime::dict::PyDict;
use crate::runtime::exceptions::PyErr;
use crate::runtime::modules;
use crate::runtime::output::Output;
use crate::runtime::repr::exception_message;
use crate::runtime::types::TypeId;
use crate::runtime::value::Value;
use crate::runtime::vm::Vm;
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
    match compile(source, filename) {
        Ok(code) => {
            let mut vm = Vm::new(engine.executor(), argv);
            if !is_pseudo_file(filename) {
                vm.sources.insert(filename.to_owned(), Rc::from(source));
            }
            run_code(vm, code, filename, capture_stdout)
        }
        Err(e) => Outcome {
            status: 1,
            stderr: syntax_error_report(&e, filename, source),
            stdout: Vec::new(),
        },
    }
}

/// Runs an already compiled module as `__main__`, as if from `filename`.
pub fn run_compiled(
    code: Rc<CodeObject>,
    filename: &str,
    argv: Vec<String>,
    engine: EngineKind,
    capture_stdout: bool,
) -> Outcome {
    run_code(
        Vm::new(engine.executor(), argv),
        code,
        filename,
        capture_stdout,
    )
}

/// How `run_file` should go about it.
pub struct FileRun {
    pub engine: EngineKind,
    pub cache: CacheSettings,
    pub capture_stdout: bool,
}

/// Runs the program in `path` as the `__main__` module, its code obtained through the
/// compiled-file cache; `timings` records where the time went.
pub fn run_file(
    path: &Path,
    argv: Vec<String>,
    options: FileRun,
    timings: &mut RunTimings,
) -> Outcome {
    // Like CPython since 3.9, the main script's code (tracebacks, `__file__`) names it by its
    // absolute path; `sys.argv[0]` keeps the path as given.
    let filename = std::path::absolute(path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.display().to_string());
    let code = match cache::load_timed(path, &filename, &options.cache, &mut timings.load) {
        Ok(code) => code,
        Err(error) => {
            let (status, stderr) = load_error_report(&error, path, &filename);
            return Outcome {
                status,
                stderr,
                stdout: Vec::new(),
            };
        }
    };
    let mut vm = Vm::new(options.engine.executor(), argv);
    vm.cache_settings = options.cache;
    let started = Instant::now();
    let outcome = run_code(vm, code, &filename, options.capture_stdout);
    timings.execution = Some(started.elapsed());
    outcome
}

/// Where the time of `run_file` went.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunTimings {
    pub load: Timings,
    pub execution: Option<Duration>,
}

impl RunTimings {
    /// The `--timings` report.
    pub fn report(&self, filename: &str) -> String {
        let phase = |d: Option<Duration>| match d {
            Some(d) => format!("{:10.3} ms", d.as_secs_f64() * 1e3),
            None => format!("{:>10}", "-"),
        };
        let load = &self.load;
        format!(
            "pvm timings for {filename} ({}):\n  \
             read+parse+compile  {}\n  \
             cache load          {}\n  \
             cache write         {}\n  \
             execution           {}\n",
            if load.hit {
                "cache hit"
            } else {
                "compiled from source"
            },
            phase(load.compile),
            phase(load.cache_load),
            phase(load.cache_write),
            phase(self.execution),
        )
    }
}

/// The exit status and stderr report for a module whose code could not be had, as CPython
/// reports it: `path` as given for an unreadable file, `filename` (absolute) otherwise.
pub fn load_error_report(error: &LoadError, path: &Path, filename: &str) -> (i32, String) {
    match error {
        LoadError::Io(e) => (
            2,
            format!("pvm: can't open file '{}': {e}\n", path.display()),
        ),
        LoadError::NotUtf8 { line, byte } => (
            1,
            format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
            ),
        ),
        LoadError::Syntax { error, source } => (1, syntax_error_report(error, filename, source)),
    }
}

/// Pseudo-files such as `<string>` (`-c`) have neither source lines in tracebacks nor a
/// `__file__`, as in CPython.
fn is_pseudo_file(filename: &str) -> bool {
    filename.starts_with('<')
}

/// Runs `code` as the `__main__` module on `vm`.
fn run_code(mut vm: Vm, code: Rc<CodeObject>, filename: &str, capture_stdout: bool) -> Outcome {
    if capture_stdout {
        vm.output = Output::captured();
    }
    let globals = Rc::new(PyDict::new());
    globals.set_str("__name__", Value::str("__main__"));
    if !is_pseudo_file(filename) {
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
    let mut read_sources = HashMap::new();
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
        if let Some(source) = source_of(vm, &mut read_sources, &entry.filename)
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

/// The source text of `filename` for a traceback: the VM's copy when it has one, else the file
/// as it is now (code loaded from the cache was run without reading its source, so the lines
/// are read only when a traceback needs them, as CPython's `linecache` does).
fn source_of(
    vm: &Vm,
    read: &mut HashMap<Rc<str>, Option<Rc<str>>>,
    filename: &Rc<str>,
) -> Option<Rc<str>> {
    if let Some(source) = vm.sources.get(&**filename) {
        return Some(source.clone());
    }
    if is_pseudo_file(filename) {
        return None;
    }
    read.entry(filename.clone())
        .or_insert_with(|| {
            cache::read_source(Path::new(&**filename))
                .ok()
                .map(Rc::from)
        })
        .clone()
}
