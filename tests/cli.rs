//! The `pvm` binary as a user runs it, one process per scenario: how programs are named and
//! given `sys.argv`, exit statuses, tracebacks and SyntaxError reports in CPython 3.11's format
//! (expected texts were produced with `python3.11`), the order of stdout and stderr, and the
//! `dis`, `engines`, `--version` and `--help` commands.
//!
//! CPython 3.11 also prints `^^^^` / `~~~^^~~` lines under a traceback's source lines; pvm does
//! not, so the expected tracebacks here are CPython's with those lines left out.

use std::fs::File;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use pvm::engines::EngineKind;

const PVM: &str = env!("CARGO_BIN_EXE_pvm");

/// A fresh directory for one test's files, removed when dropped.
struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    fn new() -> Scratch {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let unique = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("pvm-cli-{}-{unique}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create a scratch directory");
        Scratch { dir }
    }

    /// Writes `source` to `name` in the directory and returns the file's path.
    fn write(&self, name: &str, source: &str) -> String {
        let path = self.dir.join(name);
        std::fs::write(&path, source).expect("write a scratch file");
        path.to_str().expect("a UTF-8 temporary path").to_owned()
    }

    /// A path in the directory that does not exist.
    fn missing(&self, name: &str) -> String {
        self.dir
            .join(name)
            .to_str()
            .expect("a UTF-8 path")
            .to_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// How one run of `pvm` ended.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn pvm(args: &[&str]) -> Run {
    let output = Command::new(PVM)
        .args(args)
        .output()
        .expect("start the pvm binary");
    Run {
        status: output.status.code().expect("pvm exited with a status"),
        stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
    }
}

/// Joins lines, each ending in a newline, as a process prints them.
fn lines(lines: &[&str]) -> String {
    lines.iter().map(|line| format!("{line}\n")).collect()
}

const ARGV_PROGRAM: &str = "import sys\nprint(sys.argv)\nprint('hello')\n";

#[test]
fn every_way_of_running_a_file_gives_it_its_argv() {
    let scratch = Scratch::new();
    let file = scratch.write("argv.py", ARGV_PROGRAM);
    // Options after FILE belong to the program, not to pvm.
    let program_args = ["a", "-x", "--engine", "nope", "--help"];
    let expected = lines(&[
        &format!("['{file}', 'a', '-x', '--engine', 'nope', '--help']"),
        "hello",
    ]);
    let mut invocations: Vec<Vec<&str>> = vec![vec![file.as_str()], vec!["run", &file]];
    for engine in EngineKind::ALL {
        invocations.push(vec!["run", "--engine", engine.name(), &file]);
        invocations.push(vec!["--engine", engine.name(), &file]);
    }
    for mut args in invocations {
        let shown = args.join(" ");
        args.extend(program_args);
        let run = pvm(&args);
        assert_eq!(run.stdout, expected, "pvm {shown}");
        assert_eq!(run.stderr, "", "pvm {shown}");
        assert_eq!(run.status, 0, "pvm {shown}");
    }
}

#[test]
fn dash_c_runs_a_string_with_argv0_dash_c() {
    let run = pvm(&["-c", "import sys\nprint(sys.argv)", "a", "--b"]);
    assert_eq!(run.stdout, "['-c', 'a', '--b']\n");
    assert_eq!(run.stderr, "");
    assert_eq!(run.status, 0);
}

const DIVIDE_BY_ZERO: &str = "\
def inner(x):
    return 10 // x

def outer(x):
    print('before', x)
    return inner(x)

print('start')
outer(0)
";

#[test]
fn an_uncaught_exception_prints_a_traceback_and_exits_1() {
    let scratch = Scratch::new();
    let file = scratch.write("divide.py", DIVIDE_BY_ZERO);
    let run = pvm(&[&file]);
    assert_eq!(run.status, 1);
    assert_eq!(run.stdout, "start\nbefore 0\n");
    let expected = lines(&[
        "Traceback (most recent call last):",
        &format!("  File \"{file}\", line 9, in <module>"),
        "    outer(0)",
        &format!("  File \"{file}\", line 6, in outer"),
        "    return inner(x)",
        &format!("  File \"{file}\", line 2, in inner"),
        "    return 10 // x",
        "ZeroDivisionError: integer division or modulo by zero",
    ]);
    assert_eq!(run.stderr, expected);
}

#[test]
fn a_traceback_from_dash_c_names_the_string() {
    let run = pvm(&["-c", "def f():\n    return 1 // 0\nf()"]);
    assert_eq!(run.status, 1);
    // CPython prints no source lines for `<string>`; pvm does (a known difference), so only
    // the lines CPython prints are compared.
    let printed_by_cpython: Vec<&str> = run
        .stderr
        .lines()
        .filter(|line| !line.starts_with("    "))
        .collect();
    assert_eq!(
        printed_by_cpython,
        [
            "Traceback (most recent call last):",
            "  File \"<string>\", line 3, in <module>",
            "  File \"<string>\", line 2, in f",
            "ZeroDivisionError: integer division or modulo by zero",
        ]
    );
}

#[test]
fn stdout_is_complete_before_the_traceback_starts() {
    let scratch = Scratch::new();
    let file = scratch.write(
        "order.py",
        "for i in range(3):\n    print('line', i)\nprint('x' * 10000)\nprint(undefined_name)\n",
    );
    let combined_path = scratch.missing("combined.txt");
    let combined = File::create(&combined_path).expect("create the output file");
    let status = Command::new(PVM)
        .arg(&file)
        .stdout(Stdio::from(combined.try_clone().expect("share the file")))
        .stderr(Stdio::from(combined))
        .status()
        .expect("start the pvm binary");
    assert_eq!(status.code(), Some(1));
    let expected = lines(&[
        "line 0",
        "line 1",
        "line 2",
        &"x".repeat(10000),
        "Traceback (most recent call last):",
        &format!("  File \"{file}\", line 4, in <module>"),
        "    print(undefined_name)",
        "NameError: name 'undefined_name' is not defined",
    ]);
    let written = std::fs::read_to_string(&combined_path).expect("read the output file");
    assert_eq!(written, expected);
}

/// Programs whose SyntaxError CPython 3.11 marks with a single caret: the source, the line
/// reported, and the report after the `  File "PATH", line N` line.
const SYNTAX_ERRORS: &[(&str, u32, &[&str])] = &[
    (
        "x = 1\nif x\n    print(x)\n",
        2,
        &["    if x", "        ^", "SyntaxError: expected ':'"],
    ),
    (
        "print('a')\nx = (1,\ny = 2\n",
        2,
        &[
            "    x = (1,",
            "        ^",
            "SyntaxError: '(' was never closed",
        ],
    ),
    (
        "def f():\n    return 1 +\n",
        2,
        &[
            "    return 1 +",
            "              ^",
            "SyntaxError: invalid syntax",
        ],
    ),
    (
        "x = 5 +* 3\n",
        1,
        &[
            "    x = 5 +* 3",
            "           ^",
            "SyntaxError: invalid syntax",
        ],
    ),
    (
        "a = 1 = 2\n",
        1,
        &[
            "    a = 1 = 2",
            "        ^",
            "SyntaxError: cannot assign to literal",
        ],
    ),
];

#[test]
fn a_syntax_error_is_reported_as_cpython_does_and_exits_1() {
    let scratch = Scratch::new();
    for &(source, line, report) in SYNTAX_ERRORS {
        let file = scratch.write("bad.py", source);
        let run = pvm(&[&file]);
        let expected = format!("  File \"{file}\", line {line}\n{}", lines(report));
        assert_eq!(run.stderr, expected, "for {source:?}");
        assert_eq!(run.stdout, "", "for {source:?}");
        assert_eq!(run.status, 1, "for {source:?}");
    }
}

/// A source file that is not UTF-8 is a SyntaxError naming the first bad byte and its line,
/// worded as CPython 3.11's.
#[test]
fn non_utf8_source_is_a_syntax_error() {
    let scratch = Scratch::new();
    let file = scratch.write("latin1.py", "print('a')\n");
    std::fs::write(&file, b"print('a')\n# caf\xe9\n").expect("write the file");
    let run = pvm(&[&file]);
    assert_eq!(
        run.stderr,
        format!(
            "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file {file} on line 2, \
             but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
        )
    );
    assert_eq!(run.stdout, "");
    assert_eq!(run.status, 1);
}

#[test]
fn a_syntax_error_in_dash_c_names_the_string() {
    let run = pvm(&["-c", "x = )"]);
    let expected = lines(&[
        "  File \"<string>\", line 1",
        "    x = )",
        "        ^",
        "SyntaxError: unmatched ')'",
    ]);
    assert_eq!(run.stderr, expected);
    assert_eq!(run.status, 1);
}

/// CPython marks these with something other than one caret (a `^^^^^^^^` range, or no caret
/// line at all for an unexpected indent); pvm prints one caret, so only the other lines are
/// compared.
#[test]
fn syntax_errors_with_ranges_report_location_source_and_message() {
    let scratch = Scratch::new();
    let cases = [
        (
            "return 5\n",
            1,
            "    return 5",
            "SyntaxError: 'return' outside function",
        ),
        (
            "x = 1\n  y = 2\n",
            2,
            "    y = 2",
            "IndentationError: unexpected indent",
        ),
    ];
    for (source, line, source_line, message) in cases {
        let file = scratch.write("bad.py", source);
        let run = pvm(&[&file]);
        let report: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(
            report.first().copied(),
            Some(format!("  File \"{file}\", line {line}").as_str())
        );
        assert_eq!(report.get(1).copied(), Some(source_line), "for {source:?}");
        assert_eq!(report.last().copied(), Some(message), "for {source:?}");
        assert_eq!(run.status, 1, "for {source:?}");
    }
}

#[test]
fn sys_exit_sets_the_status() {
    let cases = [
        ("import sys\nprint('out')\nsys.exit(3)", 3, ""),
        ("import sys\nprint('out')\nsys.exit('msg')", 1, "msg\n"),
        ("import sys\nprint('out')\nsys.exit()", 0, ""),
    ];
    for (code, status, stderr) in cases {
        let run = pvm(&["-c", code]);
        assert_eq!(run.status, status, "for {code:?}");
        assert_eq!(run.stderr, stderr, "for {code:?}");
        assert_eq!(run.stdout, "out\n", "for {code:?}");
    }
}

#[test]
fn a_usage_error_exits_2_with_a_message() {
    let scratch = Scratch::new();
    let file = scratch.write("ok.py", "print('never printed')\n");
    let missing = scratch.missing("missing.py");
    let invocations: [&[&str]; 11] = [
        &[],
        &["--bogus", &file],
        &["dis", "--bogus", &file],
        &["--engine", "nope", &file],
        &["run", "--engine", "nope", &file],
        &["run"],
        &["-c"],
        &["dis"],
        &[&missing],
        &["run", &missing],
        &["dis", &missing],
    ];
    for args in invocations {
        let run = pvm(args);
        assert_eq!(run.status, 2, "pvm {args:?}");
        assert_ne!(run.stderr.trim(), "", "pvm {args:?}");
        assert_eq!(run.stdout, "", "pvm {args:?}");
    }
}

const TO_DISASSEMBLE: &str = "\
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)

def count_down(k):
    while k > 0:
        k -= 1
    return k

print(fact(5), count_down(3), 'done')
";

#[test]
fn dis_prints_every_code_object() {
    let scratch = Scratch::new();
    let file = scratch.write("dis_me.py", TO_DISASSEMBLE);
    let run = pvm(&["dis", &file]);
    assert_eq!(run.status, 0);
    assert_eq!(run.stderr, "");
    let listing = run.stdout;
    for header in [
        format!("Disassembly of <code object fact, file \"{file}\", line 1>:"),
        format!("Disassembly of <code object count_down, file \"{file}\", line 6>:"),
    ] {
        assert!(
            listing.lines().any(|l| l == header),
            "no {header:?} in\n{listing}"
        );
    }
    for fragment in [
        "LoadFast",
        "(n)",
        "(fact)",
        "('done')",
        "(5)",
        "ReturnValue",
    ] {
        assert!(listing.contains(fragment), "no {fragment:?} in\n{listing}");
    }
    // `if n <= 1` jumps to `return n * ...`, which starts by loading `n`.
    assert!(
        listing
            .lines()
            .any(|l| l.contains(">>") && l.contains("LoadFast") && l.ends_with("(n)")),
        "no jump target loading n in\n{listing}"
    );
}

#[test]
fn dis_of_a_syntax_error_exits_1() {
    let scratch = Scratch::new();
    let file = scratch.write("bad.py", "x = 5 +* 3\n");
    let run = pvm(&["dis", &file]);
    assert_eq!(run.status, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr.lines().last(),
        Some("SyntaxError: invalid syntax")
    );
}

#[test]
fn engines_lists_every_engine() {
    let run = pvm(&["engines"]);
    assert_eq!(run.status, 0);
    let names: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(names.contains(&"match"), "{names:?}");
    let all: Vec<&str> = EngineKind::ALL.iter().map(|e| e.name()).collect();
    assert_eq!(names, all);
}

#[test]
fn version_prints_the_crate_version() {
    let run = pvm(&["--version"]);
    assert_eq!(run.status, 0);
    assert_eq!(run.stdout, format!("pvm {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn help_describes_the_options() {
    let cases: [(&[&str], &[&str]); 3] = [
        (
            &["--help"],
            &[
                "-c <CODE>",
                "--engine",
                "--version",
                "run",
                "dis",
                "engines",
            ],
        ),
        (&["run", "--help"], &["--engine", "match", "FILE"]),
        (&["dis", "--help"], &["FILE"]),
    ];
    for (args, mentions) in cases {
        let run = pvm(args);
        assert_eq!(run.status, 0, "pvm {args:?}");
        for mention in mentions {
            assert!(
                run.stdout.contains(mention),
                "pvm {args:?} does not mention {mention:?}:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn deep_recursion_collapses_repeated_traceback_lines() {
    let scratch = Scratch::new();
    let file = scratch.write(
        "down.py",
        "def down(n):\n    return down(n + 1)\n\nprint('going down')\ndown(0)\n",
    );
    let run = pvm(&[&file]);
    assert_eq!(run.status, 1);
    assert_eq!(run.stdout, "going down\n");
    let in_down = format!("  File \"{file}\", line 2, in down");
    let expected = lines(&[
        "Traceback (most recent call last):",
        &format!("  File \"{file}\", line 5, in <module>"),
        "    down(0)",
        &in_down,
        "    return down(n + 1)",
        &in_down,
        "    return down(n + 1)",
        &in_down,
        "    return down(n + 1)",
        "  [Previous line repeated 996 more times]",
        "RecursionError: maximum recursion depth exceeded",
    ]);
    assert_eq!(run.stderr, expected);
}

#[test]
fn one_repeat_beyond_three_is_one_more_time() {
    let scratch = Scratch::new();
    let file = scratch.write(
        "four.py",
        "def f(n):\n    if n == 0:\n        return 1 // n\n    return f(n - 1)\n\nf(4)\n",
    );
    let run = pvm(&[&file]);
    assert_eq!(run.status, 1);
    let recursing = format!("  File \"{file}\", line 4, in f");
    let expected = lines(&[
        "Traceback (most recent call last):",
        &format!("  File \"{file}\", line 6, in <module>"),
        "    f(4)",
        &recursing,
        "    return f(n - 1)",
        &recursing,
        "    return f(n - 1)",
        &recursing,
        "    return f(n - 1)",
        "  [Previous line repeated 1 more time]",
        &format!("  File \"{file}\", line 3, in f"),
        "    return 1 // n",
        "ZeroDivisionError: integer division or modulo by zero",
    ]);
    assert_eq!(run.stderr, expected);
}
