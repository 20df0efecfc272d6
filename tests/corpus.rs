//! Runs every program in `tests/py/` on every engine and compares stdout, the exit status and
//! the last line of stderr with what CPython 3.11 produced (the committed `.out`/`.err` files).
//! A new engine is tested by being listed in `EngineKind::ALL`.

use std::path::{Path, PathBuf};

use pvm::engines::EngineKind;
use pvm::run::run_source;

/// The interpreter recurses on the Rust stack only through built-ins and the parser; give each
/// program the same generous stack the `pvm` binary gives it.
const STACK: usize = 256 << 20;

struct Expected {
    stdout: String,
    status: i32,
    last_stderr_line: String,
}

fn expected_for(program: &Path) -> Expected {
    let stdout = std::fs::read_to_string(program.with_extension("out")).unwrap_or_default();
    match std::fs::read_to_string(program.with_extension("err")) {
        Ok(err) => {
            let mut lines = err.lines();
            let status = lines
                .next()
                .and_then(|l| l.strip_prefix("exit status: "))
                .and_then(|n| n.trim().parse().ok())
                .unwrap_or(1);
            Expected {
                stdout,
                status,
                last_stderr_line: lines.next().unwrap_or("").to_owned(),
            }
        }
        Err(_) => Expected {
            stdout,
            status: 0,
            last_stderr_line: String::new(),
        },
    }
}

/// The programs: every `tests/py/*.py` except the `mod_*.py` modules they import.
fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py");
    let mut programs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/py exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("mod_"))
        })
        .collect();
    programs.sort();
    programs
}

/// A readable line diff of expected vs actual output.
fn diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let mut out = String::new();
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i), a.get(i));
        if x != y {
            out.push_str(&format!(
                "    line {}:\n      expected: {}\n      actual:   {}\n",
                i + 1,
                x.copied().unwrap_or("<missing>"),
                y.copied().unwrap_or("<missing>")
            ));
            if out.len() > 1500 {
                out.push_str("    ...\n");
                break;
            }
        }
    }
    if out.is_empty() && expected != actual {
        out.push_str("    (outputs differ in trailing newlines)\n");
    }
    out
}

fn check(program: &Path, engine: EngineKind) -> Option<String> {
    let name = program.file_name()?.to_string_lossy().into_owned();
    let relative = format!("tests/py/{name}");
    let source = std::fs::read_to_string(program).ok()?;
    let expected = expected_for(program);
    let outcome = std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(move || run_source(&source, &relative, vec![relative.clone()], engine, true))
        .ok()?
        .join();
    let Ok(outcome) = outcome else {
        return Some(format!("{name} [{}]: panicked", engine.name()));
    };
    let stdout = String::from_utf8_lossy(&outcome.stdout);
    let last_line = outcome.stderr.lines().last().unwrap_or("");
    let mut problems = String::new();
    if stdout != expected.stdout {
        problems.push_str(&format!(
            "  stdout differs:\n{}",
            diff(&expected.stdout, &stdout)
        ));
    }
    if outcome.status != expected.status {
        problems.push_str(&format!(
            "  exit status: expected {}, got {}\n",
            expected.status, outcome.status
        ));
    }
    if last_line != expected.last_stderr_line {
        problems.push_str(&format!(
            "  last stderr line:\n    expected: {}\n    actual:   {}\n",
            expected.last_stderr_line, last_line
        ));
    }
    (!problems.is_empty()).then(|| format!("{name} [{}]:\n{problems}", engine.name()))
}

#[test]
fn every_program_matches_cpython_on_every_engine() {
    let programs = programs();
    assert!(
        programs.len() >= 150,
        "the corpus has {} programs",
        programs.len()
    );
    let mut failures = Vec::new();
    for engine in EngineKind::ALL {
        for program in &programs {
            if let Some(failure) = check(program, *engine) {
                failures.push(failure);
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} runs differ from CPython:\n{}",
        failures.len(),
        programs.len() * EngineKind::ALL.len(),
        failures.join("\n")
    );
}
