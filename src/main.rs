//! The `pvm` command line, following `python`'s conventions where they exist.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use pvm::cache::{self, CacheSettings, CheckSource, CompileError};
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

/// Stack the interpreter runs on: Python-to-Python calls never recurse on it, but calls
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
    #[command(flatten)]
    options: RunOptions,
    /// The program to run, then its arguments (`sys.argv[1:]`).
    #[arg(
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "FILE [ARGS]"
    )]
    args: Vec<String>,
}

/// How a file is run, with the bare `pvm FILE` form and with `pvm run FILE`.
#[derive(clap::Args)]
struct RunOptions {
    /// The engine that executes the bytecode.
    #[arg(long, value_enum, default_value = "match")]
    engine: EngineKind,
    #[command(flatten)]
    cache: CacheOptions,
    /// Print to stderr, after the run, where the time went: compiling, reading and writing
    /// the compiled-file cache, executing.
    #[arg(long)]
    timings: bool,
}

/// The compiled-file cache's options.
#[derive(clap::Args)]
struct CacheOptions {
    /// Don't write compiled files (like `python -B`; also PVM_DONT_WRITE_BYTECODE=1).
    #[arg(short = 'B')]
    dont_write_bytecode: bool,
    /// Report on stderr what the compiled-file cache does.
    #[arg(short = 'v')]
    verbose: bool,
    /// How a compiled file is judged fresh: by the source's modification time and size, by a
    /// hash of the source, or not at all.
    #[arg(long, value_enum, default_value = "timestamp")]
    check_source: CheckSource,
}

impl CacheOptions {
    fn settings(&self) -> CacheSettings {
        let mut settings = CacheSettings::from_env();
        settings.write &= !self.dont_write_bytecode;
        settings.verbose = self.verbose;
        settings.check = self.check_source;
        settings
    }
}

/// The program a subcommand runs.
#[derive(clap::Args)]
struct Program {
    /// The program to run, then its arguments.
    #[arg(
        required = true,
        trailing_var_arg = true,
        allow_hyphen_values = true,
        value_name = "FILE [ARGS]"
    )]
    args: Vec<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program: `pvm run [OPTIONS] FILE [ARGS...]`.
    Run {
        #[command(flatten)]
        options: RunOptions,
        #[command(flatten)]
        program: Program,
    },
    /// Compile files, and the `*.py` files in directories (recursively), into the
    /// compiled-file cache, like `python -m compileall`.
    Compile {
        #[command(flatten)]
        cache: CacheOptions,
        /// Files and directories.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
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
        #[command(flatten)]
        cache: CacheOptions,
        #[command(flatten)]
        program: Program,
    },
    /// List the engines.
    Engines,
}

/// Runs the command on a stack of its own, switched to on the main thread. A thread with
/// that stack cost more (starting it and ending the process from it involve a second CPU, and
/// glibc sets up a malloc arena for it): the large module's warm start took 3.77, 3.94 and
/// 3.74 ms with the thread against 3.02, 3.63 and 3.29 ms switching stacks (hyperfine
/// medians, three alternating rounds of 200 runs).
fn main() {
    let cli = Cli::parse();
    exit_now(on_interpreter_stack(move || execute(cli)))
}

/// Runs `run` on a fresh `INTERPRETER_STACK`-byte stack with a guard page below it and
/// returns its exit status. A panic (a bug) is caught before it could unwind across the stack
/// switch. The stack is never unmapped: the process ends right after.
#[cfg(target_os = "linux")]
fn on_interpreter_stack(run: impl FnOnce() -> u8) -> u8 {
    const GUARD: usize = 4096;
    let size = INTERPRETER_STACK + GUARD;
    // SAFETY: a fresh private mapping, of which only the lowest page is made inaccessible;
    // `psm::on_stack` is given the page-aligned rest, and `run` cannot unwind out of it.
    unsafe {
        let mapping = libc::mmap(
            std::ptr::null_mut(),
            size,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE | libc::MAP_STACK,
            -1,
            0,
        );
        if mapping == libc::MAP_FAILED || libc::mprotect(mapping, GUARD, libc::PROT_NONE) != 0 {
            eprintln!("pvm: cannot allocate the interpreter's stack");
            return 70;
        }
        let base = mapping.cast::<u8>().add(GUARD);
        psm::on_stack(base, INTERPRETER_STACK, move || {
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(run))
        })
        .unwrap_or_else(|_| internal_error())
    }
}

/// Elsewhere, a thread with that stack.
#[cfg(not(target_os = "linux"))]
fn on_interpreter_stack(run: impl FnOnce() -> u8 + Send + 'static) -> u8 {
    std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(run)
        .ok()
        .and_then(|worker| worker.join().ok())
        .unwrap_or_else(internal_error)
}

fn internal_error() -> u8 {
    eprintln!("pvm: internal error");
    70
}

/// Ends the process once the program's output is flushed. Returning from `main` instead would
/// run mimalloc's exit-time purge (more `madvise` calls), which with unmapping the
/// interpreter's stack took a fifth of a warm start's CPU time (`perf record -e cpu-clock`,
/// the large module). Nothing else needs the exit handlers: the cache file is
/// written and renamed before the program runs, and the VM flushes its output when it is
/// dropped.
fn exit_now(status: u8) -> ! {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: `_exit` only ends the process; every buffer that matters was flushed above.
    unsafe { libc::_exit(i32::from(status)) }
}

/// Sets up memory before the Rust runtime makes its first allocation (this runs from
/// `.init_array`): transparent huge pages off, and mimalloc's first arena small.
///
/// mimalloc asks the kernel for transparent huge pages on its arena, so each first touch of
/// a 2 MiB region zeroes all of it: a third of a warm start's CPU time went to clearing pages
/// it never used (`perf record -e cpu-clock`, large module). With them off, short runs touch
/// only the 4 KiB pages they use; on the long workloads the difference is within noise
/// (nbody, richards, dict_count, strings: 8 alternating runs each, 0.98–1.03×). The kernel
/// checks the flag at page-fault time, so it covers an arena reserved before this runs.
#[cfg(target_os = "linux")]
#[used]
#[unsafe(link_section = ".init_array")]
static SET_UP_MEMORY: extern "C" fn() = set_up_memory;

#[cfg(target_os = "linux")]
extern "C" fn set_up_memory() {
    // SAFETY: PR_SET_THP_DISABLE takes plain integer arguments and changes only this
    // process's page-fault policy; a failure leaves everything as it was.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
    // SAFETY: sets one of mimalloc's options, before its first arena is reserved.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_RESERVE, FIRST_ARENA_KIB) }
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
        Some(Command::Run { options, program }) => run_file(options, program.args),
        Some(Command::Profile {
            top,
            cache,
            program,
        }) => {
            let profiling = &pvm::engines::profile::PROFILING;
            let status = run_file_on(profiling, cache.settings(), program.args, false);
            eprint!("{}", pvm::engines::profile::take().report(top));
            status
        }
        Some(Command::Compile { cache, paths }) => compile(&cache.settings(), &paths),
        None => match cli.code {
            Some(code) => {
                let mut argv = vec!["-c".to_owned()];
                argv.extend(cli.args);
                report(run::run_source(
                    &code,
                    "<string>",
                    argv,
                    cli.options.engine,
                    false,
                ))
            }
            None if cli.args.is_empty() => {
                eprintln!(
                    "usage: pvm [-c CODE | FILE | run FILE | compile PATH | dis FILE | profile FILE | engines] [ARGS...]"
                );
                2
            }
            None => run_file(cli.options, cli.args),
        },
    }
}

fn run_file(options: RunOptions, argv: Vec<String>) -> u8 {
    let backend = options.engine.backend();
    run_file_on(backend, options.cache.settings(), argv, options.timings)
}

/// Runs the program `argv[0]` on `backend`, with `--timings`' report when `timings`.
fn run_file_on(
    backend: &'static Backend,
    cache: CacheSettings,
    argv: Vec<String>,
    timings: bool,
) -> u8 {
    let path = PathBuf::from(&argv[0]);
    let mut spent = run::RunTimings::default();
    let how = run::FileRun {
        backend,
        cache,
        capture_stdout: false,
    };
    let status = report(run::run_file(&path, argv, how, &mut spent));
    if timings {
        eprint!("{}", spent.report(&path.display().to_string()));
    }
    status
}

/// `pvm compile`: every file named and every `*.py` file under the directories named; 1 if
/// any failed.
fn compile(settings: &CacheSettings, paths: &[PathBuf]) -> u8 {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            collect_sources(path, &mut files);
        } else {
            files.push(path.clone());
        }
    }
    let mut failed = false;
    for file in files {
        println!("Compiling {:?}...", file.display().to_string());
        let filename = std::path::absolute(&file)
            .map(|p| p.display().to_string())
            .unwrap_or_else(|_| file.display().to_string());
        let message = match cache::compile_to_cache(&file, &filename, settings) {
            Ok(entry) => {
                if settings.verbose {
                    eprintln!("# pvm cache: wrote {}", entry.display());
                }
                continue;
            }
            Err(CompileError::Load(error)) => run::load_error_report(&error, &file, &filename).1,
            Err(CompileError::Write(e)) => format!("can't write the compiled file: {e}\n"),
        };
        failed = true;
        println!("*** Error compiling {:?}...", file.display().to_string());
        print!("{message}");
    }
    u8::from(failed)
}

/// The `*.py` files under `dir`, sorted, skipping the cache's own directories.
fn collect_sources(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("Can't list {:?}", dir.display().to_string());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "__pvmcache__") {
                collect_sources(&path, files);
            }
        } else if path.extension().is_some_and(|ext| ext == "py") {
            files.push(path);
        }
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
    let source = match cache::read_source(Path::new(path)) {
        Ok(source) => source,
        Err(error) => {
            let (status, message) = run::load_error_report(&error, Path::new(path), path);
            eprint!("{message}");
            return status as u8;
        }
    };
    match run::compile(&source, path) {
        Ok(code) => {
            let code = match engine {
                EngineKind::Fused => std::rc::Rc::new(pvm::engines::fused::rewritten_code(&code)),
                EngineKind::Match | EngineKind::Closure => code,
            };
            // Written, not printed: a closed pipe (`pvm dis F | head`) is not an error.
            let _ = std::io::stdout().write_all(pvm::bytecode::dis::disassemble(&code).as_bytes());
            0
        }
        Err(e) => {
            eprint!("{}", run::syntax_error_report(&e, path, &source));
            1
        }
    }
}

/// `mi_option_arena_reserve` in mimalloc 3's `mimalloc.h` (the Rust bindings do not name it).
const MI_OPTION_ARENA_RESERVE: libmimalloc_sys::mi_option_t = 23;

/// The first arena mimalloc reserves, in KiB: its smallest, 32 MiB, instead of 1 GiB. An
/// arena's bitmaps grow with its size and are cleared when it is reserved, which touched 37
/// fresh pages (of 240) in `pvm run hello.py`. Later arenas double in size every eight, so
/// programs that allocate gigabytes still get few; `dict_count` (70 MB) runs the same
/// instructions and page faults either way.
const FIRST_ARENA_KIB: std::ffi::c_long = 32 << 10;
