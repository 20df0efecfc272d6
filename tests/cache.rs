//! The compiled-file cache as a user meets it, one `pvm` process per step on a scratch
//! directory: entries written on the first run and used on the next (seen with `-v`), stale
//! and corrupt entries replaced, `-B` / `PVM_DONT_WRITE_BYTECODE` writing nothing,
//! `PVM_CACHE_PREFIX`, an unwritable cache directory, `--check-source`, and `pvm compile`.

use std::path::{Path, PathBuf};
use std::process::Command;

use pvm::cache::cache_tag;

mod common;
use common::Scratch;

const PVM: &str = env!("CARGO_BIN_EXE_pvm");

/// The length of an entry's header, before the serialized code.
const HEADER_LEN: usize = 44;

/// Where the entry for the source `name` in `scratch` goes without a prefix.
fn entry(scratch: &Scratch, name: &str) -> PathBuf {
    let source = scratch.dir.join(name);
    let stem = source.file_stem().expect("a file name").to_owned();
    source
        .parent()
        .expect("a directory")
        .join("__pvmcache__")
        .join(format!("{}.{}.pvc", stem.to_string_lossy(), cache_tag()))
}

fn make_writable(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755));
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn pvm(args: &[&str], env: &[(&str, &Path)]) -> Run {
    let mut command = Command::new(PVM);
    command
        .args(args)
        .env_remove("PVM_DONT_WRITE_BYTECODE")
        .env_remove("PVM_CACHE_PREFIX");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("run pvm");
    Run {
        status: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn run_verbose(path: impl AsRef<Path>, extra: &[&str]) -> Run {
    let path = path.as_ref();
    let mut args = vec!["run", "-v"];
    args.extend_from_slice(extra);
    args.push(path.to_str().expect("a UTF-8 path"));
    let run = pvm(&args, &[]);
    assert_eq!(run.status, 0, "stderr: {}", run.stderr);
    run
}

const PROGRAM: &str = "def double(x):\n    return 2 * x\nprint(double(21))\n";

#[test]
fn the_first_run_writes_an_entry_and_the_second_uses_it() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("prog.py", PROGRAM);
    let first = run_verbose(&program, &[]);
    assert_eq!(first.stdout, "42\n");
    assert!(first.stderr.contains("no entry"), "{}", first.stderr);
    assert!(
        first.stderr.contains("# pvm cache: wrote"),
        "{}",
        first.stderr
    );
    assert!(entry(&scratch, "prog.py").is_file());
    let second = run_verbose(&program, &[]);
    assert_eq!(second.stdout, "42\n");
    assert!(
        second.stderr.contains("# pvm cache: loaded"),
        "{}",
        second.stderr
    );
    assert!(!second.stderr.contains("wrote"), "{}", second.stderr);
}

#[test]
fn the_bare_form_takes_the_cache_options_too() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("bare.py", PROGRAM);
    let path = program.as_str();
    let run = pvm(&["-v", "-B", path], &[]);
    assert_eq!(run.stdout, "42\n");
    assert!(run.stderr.contains("not writing"), "{}", run.stderr);
    assert!(!entry(&scratch, "bare.py").exists());
}

#[test]
fn an_edited_source_is_compiled_again() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("edit.py", PROGRAM);
    run_verbose(&program, &[]);
    // A different size, so the change shows even within the file system's time resolution.
    scratch.write("edit.py", "print('edited', 1 + 1)\n");
    let run = run_verbose(&program, &[]);
    assert_eq!(run.stdout, "edited 2\n");
    assert!(run.stderr.contains("stale entry"), "{}", run.stderr);
    assert!(run.stderr.contains("wrote"), "{}", run.stderr);
    assert!(run_verbose(&program, &[]).stderr.contains("loaded"));
}

#[test]
fn a_corrupt_entry_is_ignored_and_rewritten() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("corrupt.py", PROGRAM);
    run_verbose(&program, &[]);
    let entry = entry(&scratch, "corrupt.py");
    let mut bytes = std::fs::read(&entry).expect("the entry");
    // The first byte after the header: the eager part, checked when the entry is loaded.
    bytes[HEADER_LEN] ^= 0x55;
    std::fs::write(&entry, &bytes).expect("corrupt the entry");
    let run = run_verbose(&program, &[]);
    assert_eq!(run.stdout, "42\n");
    assert!(run.stderr.contains("corrupt entry"), "{}", run.stderr);
    assert!(run.stderr.contains("wrote"), "{}", run.stderr);
    std::fs::write(&entry, &bytes[..20]).expect("truncate the entry");
    let run = run_verbose(&program, &[]);
    assert!(run.stderr.contains("truncated entry"), "{}", run.stderr);
    std::fs::write(
        &entry,
        b"not an entry of any version, but long enough for a header",
    )
    .expect("replace the entry");
    let run = run_verbose(&program, &[]);
    assert!(run.stderr.contains("another version"), "{}", run.stderr);
    assert!(run_verbose(&program, &[]).stderr.contains("loaded"));
}

/// A function's body is read from the entry at the function's first call, checked against its
/// own checksum: a damaged one raises SystemError there (the module ran up to it) and removes
/// the entry, so the next run compiles the source again.
#[test]
fn a_damaged_function_body_raises_and_the_next_run_recompiles() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("body.py", PROGRAM);
    run_verbose(&program, &[]);
    let warm = run_verbose(&program, &[]);
    assert_eq!(warm.stdout, "42\n");
    assert!(warm.stderr.contains("loaded"), "{}", warm.stderr);
    let entry = entry(&scratch, "body.py");
    let mut bytes = std::fs::read(&entry).expect("the entry");
    // The header's length field gives where the eager part ends; `double`'s body, the only
    // nested one, is the bodies section after it.
    let eager_len = u64::from_le_bytes(bytes[28..36].try_into().expect("a header"));
    let bodies_start = HEADER_LEN + usize::try_from(eager_len).expect("a small entry");
    assert!(bodies_start < bytes.len(), "no bodies section");
    let inside_the_body = (bodies_start + bytes.len()) / 2;
    bytes[inside_the_body] ^= 0x55;
    std::fs::write(&entry, &bytes).expect("damage the body");
    let damaged = pvm(&["run", "-v", &program], &[]);
    assert_body_refused_then_recompiled(
        &damaged,
        "",
        "the body of double fails its checksum",
        &entry,
        &program,
        "42\n",
    );
}

/// `refused` ran from a loaded entry up to the first call of a function whose body is
/// damaged (printing `stdout_before`), raised SystemError saying `why` and removed the entry;
/// the next run compiles the source again, prints `stdout_after` and writes a new entry.
fn assert_body_refused_then_recompiled(
    refused: &Run,
    stdout_before: &str,
    why: &str,
    entry: &Path,
    program: &str,
    stdout_after: &str,
) {
    assert_eq!(refused.status, 1, "{}", refused.stderr);
    assert_eq!(refused.stdout, stdout_before);
    assert!(refused.stderr.contains("loaded"), "{}", refused.stderr);
    let error = refused.stderr.lines().last().unwrap_or_default();
    assert!(
        error.starts_with("SystemError: corrupt compiled code in") && error.ends_with(why),
        "{}",
        refused.stderr
    );
    assert!(!entry.exists(), "the damaged entry was kept");
    let next = run_verbose(program, &[]);
    assert_eq!(next.stdout, stdout_after);
    assert!(next.stderr.contains("no entry"), "{}", next.stderr);
    assert!(next.stderr.contains("wrote"), "{}", next.stderr);
    assert!(entry.exists(), "the entry was not written again");
}

#[test]
fn dont_write_bytecode_writes_nothing() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("nowrite.py", PROGRAM);
    let path = program.as_str();
    let run = pvm(&["run", "-B", path], &[]);
    assert_eq!(run.stdout, "42\n");
    let run = pvm(
        &["run", path],
        &[("PVM_DONT_WRITE_BYTECODE", Path::new("1"))],
    );
    assert_eq!(run.stdout, "42\n");
    assert!(!scratch.dir.join("__pvmcache__").exists());
}

#[test]
fn a_cache_prefix_holds_the_entries_in_a_mirrored_tree() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("src/prefixed.py", PROGRAM);
    let prefix = scratch.dir.join("cache-tree");
    let path = program.as_str();
    let run = pvm(&["run", "-v", path], &[("PVM_CACHE_PREFIX", &prefix)]);
    assert_eq!(run.stdout, "42\n");
    let mirrored = prefix
        .join(
            scratch
                .dir
                .strip_prefix("/")
                .expect("an absolute directory"),
        )
        .join("src")
        .join(format!("prefixed.{}.pvc", cache_tag()));
    assert!(
        mirrored.is_file(),
        "no {}: {}",
        mirrored.display(),
        run.stderr
    );
    assert!(!scratch.dir.join("src/__pvmcache__").exists());
    let again = pvm(&["run", "-v", path], &[("PVM_CACHE_PREFIX", &prefix)]);
    assert!(again.stderr.contains("loaded"), "{}", again.stderr);
}

#[test]
fn an_unwritable_cache_directory_still_runs() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new("cache");
    let program = scratch.write("locked.py", PROGRAM);
    let cache_dir = scratch.dir.join("__pvmcache__");
    std::fs::create_dir_all(&cache_dir).expect("create the cache directory");
    std::fs::set_permissions(&cache_dir, std::fs::Permissions::from_mode(0o555))
        .expect("make it read-only");
    // Root ignores permission bits; a file where the directory should be blocks anyone.
    let blocked = Scratch::new("cache");
    let blocked_program = blocked.write("blocked.py", PROGRAM);
    std::fs::write(blocked.dir.join("__pvmcache__"), "a file, not a directory")
        .expect("block the cache directory");
    let run = run_verbose(&program, &[]);
    assert_eq!(run.stdout, "42\n");
    assert!(
        run.stderr.contains("wrote") || run.stderr.contains("could not write"),
        "{}",
        run.stderr
    );
    let run = run_verbose(&blocked_program, &[]);
    assert_eq!(run.stdout, "42\n");
    assert!(run.stderr.contains("could not write"), "{}", run.stderr);
    make_writable(&cache_dir);
}

#[test]
fn check_source_hash_and_unchecked() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("hashed.py", PROGRAM);
    let first = run_verbose(&program, &["--check-source", "hash"]);
    assert!(first.stderr.contains("wrote"), "{}", first.stderr);
    let second = run_verbose(&program, &["--check-source", "hash"]);
    assert!(second.stderr.contains("loaded"), "{}", second.stderr);
    // Same size and (possibly) the same modification time: only the hash can tell.
    scratch.write("hashed.py", &PROGRAM.replace("21", "12"));
    let edited = run_verbose(&program, &["--check-source", "hash"]);
    assert_eq!(edited.stdout, "24\n");
    assert!(edited.stderr.contains("stale entry"), "{}", edited.stderr);
    // Unchecked trusts whatever entry is there, even one for other source.
    scratch.write("hashed.py", "print('never compiled')\n");
    let trusted = run_verbose(&program, &["--check-source", "unchecked"]);
    assert_eq!(trusted.stdout, "24\n");
}

#[test]
fn a_traceback_from_a_cached_run_shows_the_source_lines() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("fails.py", "def f(x):\n    return 1 / x\nf(0)\n");
    let path = program.as_str();
    let cold = pvm(&["run", path], &[]);
    let warm = pvm(&["run", "-v", path], &[]);
    assert!(warm.stderr.contains("loaded"), "{}", warm.stderr);
    assert_eq!(warm.status, 1);
    assert!(
        warm.stderr.contains("    return 1 / x\n"),
        "{}",
        warm.stderr
    );
    assert!(warm.stderr.ends_with(&cold.stderr), "{}", warm.stderr);
}

#[test]
fn timings_name_every_phase() {
    let scratch = Scratch::new("cache");
    let program = scratch.write("timed.py", PROGRAM);
    let path = program.as_str();
    let cold = pvm(&["run", "--timings", path], &[]);
    assert!(
        cold.stderr.contains("compiled from source"),
        "{}",
        cold.stderr
    );
    let warm = pvm(&["run", "--timings", path], &[]);
    assert!(warm.stderr.contains("cache hit"), "{}", warm.stderr);
    for phase in [
        "read+parse+compile",
        "cache load",
        "cache write",
        "execution",
    ] {
        assert!(
            warm.stderr.contains(phase),
            "{phase} missing: {}",
            warm.stderr
        );
    }
}

#[test]
fn compile_fills_the_cache_for_a_tree_and_reports_syntax_errors() {
    let scratch = Scratch::new("cache");
    scratch.write("pkg/good.py", PROGRAM);
    scratch.write("pkg/deeper/also_good.py", "print('ok')\n");
    scratch.write("pkg/notes.txt", "not python");
    let dir = scratch.dir.join("pkg");
    let run = pvm(&["compile", dir.to_str().expect("a UTF-8 path")], &[]);
    assert_eq!(run.status, 0, "{}{}", run.stdout, run.stderr);
    assert!(entry(&scratch, "pkg/good.py").is_file());
    assert!(entry(&scratch, "pkg/deeper/also_good.py").is_file());
    let warm = run_verbose(scratch.dir.join("pkg/good.py"), &[]);
    assert!(warm.stderr.contains("loaded"), "{}", warm.stderr);

    scratch.write("pkg/bad.py", "def broken(:\n    pass\n");
    let run = pvm(&["compile", dir.to_str().expect("a UTF-8 path")], &[]);
    assert_eq!(run.status, 1);
    assert!(run.stdout.contains("*** Error compiling"), "{}", run.stdout);
    assert!(run.stdout.contains("SyntaxError"), "{}", run.stdout);
    assert!(!entry(&scratch, "pkg/bad.py").exists());
}

#[test]
fn many_cached_modules_run_within_a_small_file_limit() {
    // Each of the first entries loaded keeps its file open to serve function bodies at their
    // first call; later ones are read whole. With 100 imported modules and a limit of 80 open
    // files, every entry must still load from the cache and every function run.
    let scratch = Scratch::new("cache");
    let mut main = String::new();
    let mut expected = 0;
    for i in 0..100 {
        scratch.write(
            &format!("mod_{i}.py"),
            &format!("def f(x):\n    def g(y):\n        return y * {i} + 1\n    return g(x)\n"),
        );
        main.push_str(&format!("import mod_{i}\n"));
        expected += 3 * i + 1;
    }
    main.push_str("print(sum([m.f(3) for m in [");
    main.push_str(
        &(0..100)
            .map(|i| format!("mod_{i}"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    main.push_str("]]))\n");
    let path = scratch.write("main.py", &main);
    run_verbose(&path, &[]);
    let script = format!("ulimit -n 80 && exec {PVM} run -v {path}");
    let output = Command::new("sh")
        .args(["-c", &script])
        .output()
        .expect("run sh");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "stderr: {stderr}");
    assert_eq!(stdout, format!("{expected}\n"));
    assert_eq!(
        stderr.matches("pvm cache: loaded ").count(),
        101,
        "stderr: {stderr}"
    );
    assert!(!stderr.contains("compiling"), "stderr: {stderr}");
}

#[test]
fn an_entry_whose_body_fails_verification_is_removed_and_rewritten() {
    // Checksums intact, but a function body is not valid code (as if pvm had written it
    // wrong): its first call raises SystemError and the entry goes, so the next run
    // compiles the source and is right, instead of meeting the same body every time.
    let scratch = Scratch::new("cache");
    let source =
        "def ok():\n    return 'ok'\ndef bad():\n    return 1\nprint(ok())\nprint(bad())\n";
    let path = scratch.write("s.py", source);
    let code = common::with_invalid_body_of_bad(source, &path);
    let entry = entry(&scratch, "s.py");
    std::fs::create_dir_all(entry.parent().expect("a cache directory")).expect("mkdir");
    let bytes = pvm::cache::encode_entry_for_source(&code, source.as_bytes());
    std::fs::write(&entry, bytes).expect("write the entry");
    let broken = pvm(&["run", "-v", &path], &[]);
    assert_body_refused_then_recompiled(
        &broken,
        "ok\n",
        "bad: stack underflow at instruction 0",
        &entry,
        &path,
        "ok\n1\n",
    );
}
