//! The `pvm` binary as a user runs it, one process per scenario: how programs are named and
//! given `sys.argv`, exit statuses, tracebacks and SyntaxError reports in CPython 3.11's format
//! (expected texts were produced with `python3.11`), the order of stdout and stderr, and the
//! `dis`, `engines`, `--version` and `--help` commands, and imports (module files named by
//! absolute paths, `PVMPATH`).
//!
//! CPython 3.11 also prints `^^^^` / `~~~^^~~` lines under a traceback's source lines; pvm does
//! not, so the expected tracebacks here are CPython's with those lines left out.

use std::fs::File;
use std::process::{Command, Stdio};

use pvm::engines::EngineKind;

mod common;
use common::Scratch;

const PVM: &str = env!("CARGO_BIN_EXE_pvm");

/// How one run of `pvm` ended.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn pvm(args: &[&str]) -> Run {
    finish(Command::new(PVM).args(args))
}

/// `pvm` run in the directory `cwd` with `PVMPATH` set to `pvmpath`.
fn pvm_in(cwd: &str, pvmpath: &str, args: &[&str]) -> Run {
    finish(
        Command::new(PVM)
            .args(args)
            .current_dir(cwd)
            .env("PVMPATH", pvmpath),
    )
}

fn finish(command: &mut Command) -> Run {
    let output = command.output().expect("start the pvm binary");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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
    let scratch = Scratch::new("cli");
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

const HELPER_MODULE: &str = "def run(x):\n    print('run', x)\n    return 10 // x\n";

#[test]
fn imported_modules_have_a_repr_with_their_file_and_tracebacks_cross_into_them() {
    let scratch = Scratch::new("cli");
    let helper = scratch.write("helper.py", HELPER_MODULE);
    let file = scratch.write(
        "main.py",
        "import helper\nprint(helper)\nimport sys, time\nprint(sys, time)\nprint(sys.path[0])\nhelper.run(0)\n",
    );
    let run = pvm(&[&file]);
    assert_eq!(run.status, 1);
    let expected_stdout = lines(&[
        &format!("<module 'helper' from '{helper}'>"),
        "<module 'sys' (built-in)> <module 'time' (built-in)>",
        scratch.dir.to_str().expect("a UTF-8 path"),
        "run 0",
    ]);
    assert_eq!(run.stdout, expected_stdout);
    let expected = lines(&[
        "Traceback (most recent call last):",
        &format!("  File \"{file}\", line 6, in <module>"),
        "    helper.run(0)",
        &format!("  File \"{helper}\", line 3, in run"),
        "    return 10 // x",
        "ZeroDivisionError: integer division or modulo by zero",
    ]);
    assert_eq!(run.stderr, expected);
}

#[test]
fn an_exception_in_a_module_body_shows_the_import_and_the_module_line() {
    let scratch = Scratch::new("cli");
    let broken = scratch.write("broken.py", "print('broken starts')\nvalue = {}['key']\n");
    let file = scratch.write("main.py", "print('before')\nimport broken\n");
    let run = pvm(&[&file]);
    assert_eq!(run.status, 1);
    assert_eq!(run.stdout, "before\nbroken starts\n");
    let expected = lines(&[
        "Traceback (most recent call last):",
        &format!("  File \"{file}\", line 2, in <module>"),
        "    import broken",
        &format!("  File \"{broken}\", line 2, in <module>"),
        "    value = {}['key']",
        "KeyError: 'key'",
    ]);
    assert_eq!(run.stderr, expected);
}

#[test]
fn a_circular_from_import_of_a_name_not_yet_defined_fails() {
    let scratch = Scratch::new("cli");
    let loop_a = scratch.write(
        "loop_a.py",
        "from loop_b import g\n\ndef f():\n    return 1\n",
    );
    let loop_b = scratch.write(
        "loop_b.py",
        "from loop_a import f\n\ndef g():\n    return 2\n",
    );
    let file = scratch.write("main.py", "import loop_a\n");
    let run = pvm(&[&file]);
    assert_eq!(run.status, 1);
    let expected = lines(&[
        "Traceback (most recent call last):",
        &format!("  File \"{file}\", line 1, in <module>"),
        "    import loop_a",
        &format!("  File \"{loop_a}\", line 1, in <module>"),
        "    from loop_b import g",
        &format!("  File \"{loop_b}\", line 1, in <module>"),
        "    from loop_a import f",
        &format!(
            "ImportError: cannot import name 'f' from partially initialized module 'loop_a' (most likely due to a circular import) ({loop_a})"
        ),
    ]);
    assert_eq!(run.stderr, expected);
}

#[test]
fn importing_a_missing_name_names_the_module_file() {
    let scratch = Scratch::new("cli");
    let helper = scratch.write("helper.py", HELPER_MODULE);
    let file = scratch.write("main.py", "from helper import run, nope\n");
    let run = pvm(&[&file]);
    assert_eq!(run.status, 1);
    let last = run.stderr.lines().last().unwrap_or("");
    assert_eq!(
        last,
        format!("ImportError: cannot import name 'nope' from 'helper' ({helper})")
    );
}

#[test]
fn a_syntax_error_in_an_imported_module_is_reported_at_the_import() {
    let scratch = Scratch::new("cli");
    let bad = scratch.write("badsyn.py", "def f():\n    return (1 +\n");
    let file = scratch.write("main.py", "import badsyn\n");
    let run = pvm(&[&file]);
    assert_eq!(run.status, 1);
    let expected = lines(&[
        "Traceback (most recent call last):",
        &format!("  File \"{file}\", line 1, in <module>"),
        "    import badsyn",
        &format!("  File \"{bad}\", line 2"),
        "    return (1 +",
        "           ^",
        "SyntaxError: '(' was never closed",
    ]);
    assert_eq!(run.stderr, expected);
}

#[test]
fn an_imported_module_that_is_not_utf8_is_a_syntax_error_at_the_import() {
    let scratch = Scratch::new("cli");
    let bad = scratch.dir.join("badtext.py");
    std::fs::write(&bad, b"x = 1\n\xff\n").expect("write a scratch file");
    let bad = bad.to_str().expect("a UTF-8 path");
    let file = scratch.write("main.py", "import badtext\n");
    let run = pvm(&[&file]);
    assert_eq!(run.status, 1);
    let expected = lines(&[
        "Traceback (most recent call last):",
        &format!("  File \"{file}\", line 1, in <module>"),
        "    import badtext",
        &format!("  File \"{bad}\", line 2"),
        "    \u{fffd}",
        "    ^",
        "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte",
    ]);
    assert_eq!(run.stderr, expected);
}

#[test]
fn modules_are_found_in_the_script_directory_then_in_pvmpath_order() {
    let scratch = Scratch::new("cli");
    let lib1 = scratch.subdir("lib1");
    let lib2 = scratch.subdir("lib2");
    let main_dir = scratch.subdir("main");
    scratch.write("lib1/libmod.py", "where = 'lib1'\n");
    scratch.write("lib2/libmod.py", "where = 'lib2'\n");
    scratch.write("lib2/other.py", "where = 'lib2 other'\n");
    scratch.write("lib1/helper.py", "where = 'lib1 helper'\n");
    let helper = scratch.write("main/helper.py", "where = 'script dir'\n");
    let file = scratch.write(
        "main/main.py",
        "import libmod, other, helper\nprint(libmod.where, other.where, helper.where)\nprint(helper.__file__)\n",
    );
    let pvmpath = std::env::join_paths([&lib1, &lib2]).expect("joinable paths");
    let pvmpath = pvmpath.to_str().expect("a UTF-8 path list");
    let run = pvm_in(&main_dir, pvmpath, &[&file]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout, lines(&["lib1 lib2 other script dir", &helper]));
    // Without PVMPATH only the script's directory is searched.
    let run = pvm_in(&main_dir, "", &[&file]);
    assert_eq!(
        run.stderr.lines().last(),
        Some("ModuleNotFoundError: No module named 'libmod'")
    );
}

#[test]
fn dash_c_imports_from_the_current_directory() {
    let scratch = Scratch::new("cli");
    let helper = scratch.write("helper.py", HELPER_MODULE);
    let dir = scratch.dir.to_str().expect("a UTF-8 path");
    let run = pvm_in(
        dir,
        "",
        &[
            "-c",
            "import helper\nprint(helper.__file__, helper.__name__)",
        ],
    );
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout, format!("{helper} helper\n"));
}
