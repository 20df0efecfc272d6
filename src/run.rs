//! The whole pipeline for one program: source → syntax tree → code object (or the code object
//! straight from the compiled-file cache) → an engine, and the reporting of how it ended
//! (CPython's traceback format and exit status).

use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Component, Path, PathBuf};
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
    if source.len() >= LARGE_SOURCE {
        allow_huge_pages();
    }
    let arena = Bump::new();
    let module = syntax::parse(&arena, source)?;
    crate::compiler::compile_module(&module, filename)
}

/// Sources from this size up make the compiler's heap grow by megabytes.
const LARGE_SOURCE: usize = 64 << 10;

/// `pvm` starts with transparent huge pages off, which keeps short runs from zeroing 2 MiB
/// pages they barely use (see `main.rs`). Compiling a large source is the opposite case: its
/// syntax tree and code take tens of megabytes, and with 4 KiB pages the compile of the
/// generated 10,700-line module took 4,300 page faults instead of 175 and ~20% more CPU time
/// (perf stat). So they are allowed again from then on.
fn allow_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and changes only this
    // process's page-fault policy; a failure leaves everything as it was.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 0, 0, 0, 0);
    }
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
    vm.cache_settings = CacheSettings::from_env();
    if !is_pseudo_file(filename) {
        vm.sources.insert(filename.to_owned(), Rc::from(source));
    }
    run_code(vm, code, filename, capture_stdout)
}

/// Runs an already compiled module as `__main__`, as if from `filename`.
pub fn run_compiled(
    code: Rc<CodeObject>,
    filename: &str,
    argv: Vec<String>,
    engine: EngineKind,
    capture_stdout: bool,
) -> Outcome {
    let vm = Vm::new(engine.backend(), argv);
    run_code(vm, code, filename, capture_stdout)
}

/// How `run_file` should go about it.
pub struct FileRun {
    pub backend: &'static Backend,
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
    let mut vm = Vm::new(options.backend, argv);
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
    vm.search_path.borrow_mut().extend(
        search_path(filename)
            .iter()
            .map(|dir| Value::string(dir.to_string_lossy().into_owned())),
    );
    let globals = Rc::new(PyDict::for_module(code.names.len()));
    if !is_pseudo_file(filename) {
        globals.set_str("__file__", Value::str(filename));
    }
    vm.modules
        .set_str("__main__", modules::new_module("__main__", globals.clone()));
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

/// Where imports look, as CPython's `sys.path`: the main script's directory (the current
/// directory for pseudo-files such as `-c`'s `<string>`), then the entries of `PVMPATH`
/// (an empty entry is the current directory). Entries are made absolute, so module file
/// names are too.
fn search_path(filename: &str) -> Vec<PathBuf> {
    let script_dir = if filename.starts_with('<') {
        Path::new("")
    } else {
        Path::new(filename).parent().unwrap_or(Path::new(""))
    };
    let extra = std::env::var_os("PVMPATH").filter(|paths| !paths.is_empty());
    let extra: Vec<PathBuf> = extra.iter().flat_map(std::env::split_paths).collect();
    std::iter::once(script_dir.to_path_buf())
        .chain(extra)
        .map(|dir| absolute_dir(&dir))
        .collect()
}

/// `dir` made absolute against the current directory, `.` and `..` resolved by name.
fn absolute_dir(dir: &Path) -> PathBuf {
    let joined = std::env::current_dir().unwrap_or_default().join(dir);
    let mut normal = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                normal.pop();
            }
            other => normal.push(other),
        }
    }
    normal
}

/// CPython's report of a SyntaxError: location, the line with a caret, the message.
pub fn syntax_error_report(e: &SyntaxError, filename: &str, source: &str) -> String {
    let mut out = String::new();
    let line = source.lines().nth(e.line.saturating_sub(1) as usize);
    write_syntax_location(&mut out, filename, e.line, e.col, line.unwrap_or(""));
    let _ = writeln!(out, "{}: {}", e.kind.name(), e.msg);
    out
}

/// The location part of a SyntaxError report: file and line, the line's text, a caret under
/// column `col` (1-based; 0 = none).
fn write_syntax_location(out: &mut String, filename: &str, line: u32, col: u32, text: &str) {
    let _ = writeln!(out, "  File \"{filename}\", line {line}");
    let trimmed = text.trim_start();
    let indent = text.chars().count() - trimmed.chars().count();
    let text = trimmed.trim_end();
    if !text.is_empty() {
        let _ = writeln!(out, "    {text}");
        if col > 0 {
            let caret = (col as usize).saturating_sub(1 + indent);
            let _ = writeln!(out, "    {}^", " ".repeat(caret));
        }
    }
}

/// A source line for a traceback: from the sources the run already holds, else from the file
/// (an imported module's code may come from the cache without its source), read once into
/// `read`.
fn source_line(
    vm: &Vm,
    read: &mut HashMap<Rc<str>, Option<String>>,
    filename: &Rc<str>,
    line: u32,
) -> Option<String> {
    let index = line.checked_sub(1)? as usize;
    if let Some(source) = vm.sources.get(&**filename) {
        return source.lines().nth(index).map(str::to_owned);
    }
    let source = read.entry(filename.clone()).or_insert_with(|| {
        let readable = !filename.starts_with('<');
        let bytes = readable
            .then(|| std::fs::read(&**filename).ok())
            .flatten()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    });
    source.as_deref()?.lines().nth(index).map(str::to_owned)
}

/// The message and location of a SyntaxError raised at run time (by an import), from its
/// CPython-shaped arguments `(msg, (filename, lineno, offset, text))`.
fn syntax_error_location(exc: &PyErr) -> Option<(String, String, u32, u32, String)> {
    if !exc.kind.is_subtype_of(TypeId::SyntaxError) {
        return None;
    }
    let [Value::Str(msg), Value::Tuple(location)] = exc.args.as_slice() else {
        return None;
    };
    let [
        Value::Str(filename),
        Value::Int(line),
        Value::Int(col),
        Value::Str(text),
    ] = location.as_slice()
    else {
        return None;
    };
    Some((
        msg.as_str().to_owned(),
        filename.as_str().to_owned(),
        u32::try_from(*line).ok()?,
        u32::try_from(*col).ok()?,
        text.as_str().to_owned(),
    ))
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
    let mut read = HashMap::new();
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
        if let Some(line) = source_line(vm, &mut read, &entry.filename, entry.line) {
            let text = line.trim();
            if !text.is_empty() {
                let _ = writeln!(out, "    {text}");
            }
        }
    }
    flush_repeats(&mut out, repeats);
    if let Some((msg, filename, line, col, text)) = syntax_error_location(exc) {
        write_syntax_location(&mut out, &filename, line, col, &text);
        let _ = writeln!(out, "{}: {msg}", exc.kind.name());
        return (1, out);
    }
    let message = exception_message(&exc.args, exc.kind);
    if message.is_empty() {
        let _ = writeln!(out, "{}", exc.kind.name());
    } else {
        let _ = writeln!(out, "{}: {message}", exc.kind.name());
    }
    (1, out)
}
