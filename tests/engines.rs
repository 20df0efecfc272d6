//! What makes the engines interchangeable beyond the corpus's stdout and last stderr line:
//! whole tracebacks (the line of an error raised by a later component of a `fused`
//! superinstruction), the profiler's counts, and `dis --engine fused`. Expected tracebacks
//! are CPython 3.11's without its `^^^^` marker lines (which pvm does not print).

use std::process::Command;

use pvm::engines::EngineKind;
use pvm::run::run_source;

mod common;
use common::Scratch;

const PVM: &str = env!("CARGO_BIN_EXE_pvm");

/// `later` runs `LoadConst StoreFast LoadFast ReturnValue` over lines 9-10, which `fused`
/// starts with a `StoreFast LoadFast` superinstruction; its `LoadFast` fails on line 10.
const UNBOUND_AFTER_STORE: &str = "\
def pick(items, i):
    first = items[0]
    return items[i]


def later(flag):
    if flag:
        y = 1
    x = 2
    return y


print(pick([1, 2], 0))
print(later(True))
later(False)
";

fn run_everywhere(source: &'static str) -> Vec<(EngineKind, pvm::run::Outcome)> {
    EngineKind::ALL
        .iter()
        .map(|&engine| {
            let outcome = std::thread::Builder::new()
                .stack_size(64 << 20)
                .spawn(move || run_source(source, "prog.py", vec!["prog.py".into()], engine, true))
                .expect("start a thread")
                .join()
                .expect("the run does not panic");
            (engine, outcome)
        })
        .collect()
}

#[test]
fn an_error_in_a_later_component_of_a_superinstruction_reports_its_own_line() {
    for (engine, outcome) in run_everywhere(UNBOUND_AFTER_STORE) {
        assert_eq!(outcome.status, 1, "{engine:?}");
        assert_eq!(
            String::from_utf8_lossy(&outcome.stdout),
            "1\n1\n",
            "{engine:?}"
        );
        assert_eq!(
            outcome.stderr,
            "Traceback (most recent call last):\n  \
             File \"prog.py\", line 15, in <module>\n    later(False)\n  \
             File \"prog.py\", line 10, in later\n    return y\n\
             UnboundLocalError: cannot access local variable 'y' where it is not associated with a value\n",
            "{engine:?}"
        );
    }
}

/// `LoadFast LoadFast BinarySubscr` is one superinstruction in `fused`; the subscript fails.
#[test]
fn an_error_at_the_end_of_a_superinstruction_reports_its_line_on_every_engine() {
    const SOURCE: &str =
        "def pick(items, i):\n    first = items[0]\n    return items[i]\n\n\npick([1, 2], 5)\n";
    for (engine, outcome) in run_everywhere(SOURCE) {
        assert_eq!(
            outcome.stderr,
            "Traceback (most recent call last):\n  \
             File \"prog.py\", line 6, in <module>\n    pick([1, 2], 5)\n  \
             File \"prog.py\", line 3, in pick\n    return items[i]\n\
             IndexError: list index out of range\n",
            "{engine:?}"
        );
    }
}

fn pvm(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(PVM).args(args).output().expect("start pvm");
    (
        output.status.code().expect("an exit status"),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

/// Counts that follow from the bytecode: a loop of ten iterations at module level runs
/// `ForIter` eleven times, ten of them falling through to the `StoreGlobal` of the loop
/// variable, the body, and the `Jump` back.
#[test]
fn profile_counts_instructions_and_sequences_and_leaves_stdout_alone() {
    let scratch = Scratch::new("engines");
    let file = scratch.write(
        "counted.py",
        "for i in range(10):\n    x = i + 1\nprint('done')\n",
    );
    let (status, stdout, stderr) = pvm(&["profile", &file]);
    assert_eq!(status, 0);
    assert_eq!(stdout, "done\n");
    let count_of = |section: &str, label: &str| -> u64 {
        let body = stderr
            .split(&format!("\n{section}:\n"))
            .nth(1)
            .expect("the section is printed");
        body.lines()
            .take_while(|line| !line.is_empty())
            .find(|line| line.split_once('%').map(|(_, rest)| rest.trim()) == Some(label))
            .and_then(|line| line.split_whitespace().next())
            .and_then(|count| count.parse().ok())
            .unwrap_or_else(|| panic!("no {label} in {section}:\n{stderr}"))
    };
    assert_eq!(count_of("instructions", "ForIter"), 11);
    assert_eq!(count_of("instructions", "StoreGlobal"), 20);
    assert_eq!(count_of("pairs", "ForIter StoreGlobal"), 10);
    assert_eq!(count_of("pairs", "StoreGlobal Jump"), 10);
    assert_eq!(count_of("triples", "BinaryAdd StoreGlobal Jump"), 10);
    assert_eq!(
        count_of("quadruples", "ForIter StoreGlobal LoadGlobal LoadConst"),
        10
    );
}

#[test]
fn dis_shows_the_code_each_engine_runs() {
    let scratch = Scratch::new("engines");
    let file = scratch.write("pair.py", "def add(a, b):\n    return a + b\n");
    let (status, plain, _) = pvm(&["dis", &file]);
    assert_eq!(status, 0);
    assert!(plain.contains("LoadFast                0 (a)"), "{plain}");
    let (status, fused, _) = pvm(&["dis", "--engine", "fused", &file]);
    assert_eq!(status, 0);
    assert!(fused.contains("LoadFastLoadFast        0 (a)"), "{fused}");
    assert!(fused.contains("LoadFast                1 (b)"), "{fused}");
    assert_eq!(plain.lines().count(), fused.lines().count());
}
