//! The `pvm` command line, following `python`'s conventions where they exist.

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pvm::engines::EngineKind;
use pvm::run;
use pvm::runtime::vm::Backend;

#[global_allocator]
static GLOBAL: FastMiMalloc = FastMiMalloc;

/// mimalloc, entered through its plain `mi_malloc` when the alignment needs nothing more:
/// `mimalloc::MiMalloc` always takes the aligned entry points, which cost several times as
/// many instructions per allocation, and an interpreter allocates on almost every string.
struct FastMiMalloc;

/// The alignment `mi_malloc` guarantees for blocks of at least this size.
const MI_MAX_ALIGN: usize = 16;

/// Whether a plain `mi_malloc` block of `size` bytes is aligned enough for `align`: 16-byte
/// blocks and larger are 16-aligned, smaller ones 8-aligned.
fn plain_block_suffices(size: usize, align: usize) -> bool {
    align <= MI_MAX_ALIGN && align <= size.max(8)
}

// SAFETY: every path returns memory from mimalloc that satisfies `layout`: `mi_malloc` blocks
// are aligned to 16 bytes when at least 16 bytes long and to 8 otherwise; other requests take
// mimalloc's aligned entry points. `mi_free` releases blocks from any of them.
unsafe impl std::alloc::GlobalAlloc for FastMiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: plain FFI calls; see the impl's comment.
        unsafe {
            if plain_block_suffices(size, align) {
                libmimalloc_sys::mi_malloc(size) as *mut u8
            } else {
                libmimalloc_sys::mi_malloc_aligned(size, align) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        let (size, align) = (layout.size(), layout.align());
        // SAFETY: as for `alloc`.
        unsafe {
            if plain_block_suffices(size, align) {
                libmimalloc_sys::mi_zalloc(size) as *mut u8
            } else {
                libmimalloc_sys::mi_zalloc_aligned(size, align) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from this allocator.
        unsafe { libmimalloc_sys::mi_free(ptr as *mut std::ffi::c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        let align = layout.align();
        // SAFETY: as for `alloc`; `ptr` came from this allocator.
        unsafe {
            if plain_block_suffices(new_size, align) {
                libmimalloc_sys::mi_realloc(ptr as *mut std::ffi::c_void, new_size) as *mut u8
            } else {
                libmimalloc_sys::mi_realloc_aligned(ptr as *mut std::ffi::c_void, new_size, align)
                    as *mut u8
            }
        }
    }
}

/// Stack for the interpreter thread: Python-to-Python calls never recurse on it, but calls
/// through built-ins (`sorted(key=f)`, `map(f, ...)`) do, up to the recursion limit.
const INTERPRETER_STACK: usize = 512 << 20;

#[derive(Parser)]
#[command(
    name = "pvm",
    version,
    about = "A performance-research virtual machine for Python",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Program passed in as a string (like `python -c`).
    #[arg(short = 'c', value_name = "CODE")]
    code: Option<String>,
    /// The engine that executes the bytecode.
    #[arg(long, value_enum, default_value = "match")]
    engine: EngineKind,
    /// The program to run, then its arguments (`sys.argv[1:]`).
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "FILE [ARGS]"
    )]
    args: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program: `pvm run [--engine NAME] FILE [ARGS...]`.
    Run {
        /// The engine that executes the bytecode.
        #[arg(long, value_enum, default_value = "match")]
        engine: EngineKind,
        /// The program to run, then its arguments.
        #[arg(
            required = true,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "FILE [ARGS]"
        )]
        args: Vec<String>,
    },
    /// Print the bytecode of every code object in a file, like `python -m dis`.
    Dis {
        /// Show the code as this engine runs it (`fused` shows its superinstructions).
        #[arg(long, value_enum, default_value = "match")]
        engine: EngineKind,
        /// The Python source file.
        file: String,
    },
    /// Run a program and print, on stderr, how often each instruction and each sequence of
    /// two and three instructions ran (like CPython's `--enable-pystats`).
    Profile {
        /// How many of the most frequent entries each table shows.
        #[arg(long, default_value_t = 40)]
        top: usize,
        /// The program to run, then its arguments.
        #[arg(
            required = true,
            trailing_var_arg = true,
            allow_hyphen_values = true,
            value_name = "FILE [ARGS]"
        )]
        args: Vec<String>,
    },
    /// List the engines.
    Engines,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .name("pvm".into())
        .stack_size(INTERPRETER_STACK)
        .spawn(move || execute(cli));
    match worker.map(|handle| handle.join()) {
        Ok(Ok(status)) => ExitCode::from(status),
        _ => {
            eprintln!("pvm: internal error");
            ExitCode::from(70)
        }
    }
}

fn execute(cli: Cli) -> u8 {
    match cli.command {
        Some(Command::Engines) => {
            for engine in EngineKind::ALL {
                println!("{:<8} {}", engine.name(), engine.description());
            }
            0
        }
        Some(Command::Dis { engine, file }) => disassemble(&file, engine),
        Some(Command::Run { engine, args }) => run_file(engine.backend(), args),
        Some(Command::Profile { top, args }) => {
            let status = run_file(&pvm::engines::profile::PROFILING, args);
            eprint!("{}", pvm::engines::profile::take().report(top));
            status
        }
        None => match cli.code {
            Some(code) => {
                let mut argv = vec!["-c".to_owned()];
                argv.extend(cli.args);
                report(run::run_source(&code, "<string>", argv, cli.engine, false))
            }
            None if cli.args.is_empty() => {
                eprintln!("usage: pvm [-c CODE | FILE | run FILE | dis FILE | engines] [ARGS...]");
                2
            }
            None => run_file(cli.engine.backend(), cli.args),
        },
    }
}

/// Reads a source file; `shown_path` is how messages name it. Source that is not UTF-8 is a
/// SyntaxError worded as CPython's (which also only reads UTF-8 without a coding cookie).
fn read_source(path: &str, shown_path: &str) -> Result<String, u8> {
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("pvm: can't open file '{path}': {e}");
        2
    })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let byte = e.as_bytes()[valid.len()];
        eprintln!(
            "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {shown_path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
        );
        1
    })
}

fn run_file(backend: &'static Backend, argv: Vec<String>) -> u8 {
    let path = argv[0].clone();
    // Like CPython since 3.9, the main script's code (tracebacks, `__file__`) names it by its
    // absolute path; `sys.argv[0]` keeps the path as given.
    let absolute = std::path::absolute(&path)
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| path.clone());
    match read_source(&path, &absolute) {
        Ok(source) => report(run::run_source_on(&source, &absolute, argv, backend, false)),
        Err(status) => status,
    }
}

fn report(outcome: run::Outcome) -> u8 {
    let _ = std::io::stdout().flush();
    if !outcome.stderr.is_empty() {
        let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    }
    (outcome.status & 0xff) as u8
}

fn disassemble(path: &str, engine: EngineKind) -> u8 {
    let source = match read_source(path, path) {
        Ok(source) => source,
        Err(status) => return status,
    };
    match run::compile(&source, path) {
        Ok(code) => {
            let code = match engine {
                EngineKind::Fused => std::rc::Rc::new(pvm::engines::fused::rewritten_code(&code)),
                EngineKind::Match | EngineKind::Closure => code,
            };
            print!("{}", pvm::bytecode::dis::disassemble(&code));
            0
        }
        Err(e) => {
            eprint!("{}", run::syntax_error_report(&e, path, &source));
            1
        }
    }
}
