//! The serialized form of code objects and the cache entries that hold it, in-process: every
//! program in `tests/py/` and `workloads/` survives serialize → deserialize unchanged and runs
//! the same from the deserialized code on every engine; and damaged entries — truncated,
//! bit-flipped, with corrupted length fields — are always refused with an error, never a panic.
//! Nested code objects are read, checked, decoded and verified at their first call: the tests
//! decode them all (`materialize_all`), and a body that fails then raises a Python error.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use pvm::bytecode::CodeObject;
use pvm::bytecode::serialize::{DecodeError, deserialize, materialize_all, serialize};
use pvm::cache::{decode_entry, encode_entry_for_source};
use pvm::engines::EngineKind;
use pvm::run::{compile, run_compiled};

mod common;

/// Programs recurse on the Rust stack only through built-ins and the parser; the same generous
/// stack the corpus test gives them.
const STACK: usize = 256 << 20;

/// Every `.py` file of `tests/py/` and `workloads/`, sorted.
fn programs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["tests/py", "workloads"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("a readable directory") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|ext| ext == "py") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The program's code, or `None` when it is meant not to compile (SyntaxError tests).
fn compiled(path: &Path) -> Option<(String, Rc<CodeObject>)> {
    let source = std::fs::read_to_string(path).ok()?;
    let filename = path.display().to_string();
    let code = compile(&source, &filename).ok()?;
    Some((source, code))
}

/// `argv` for a program: workloads take a size, kept tiny here.
fn argv_for(path: &Path) -> Vec<String> {
    let mut argv = vec![path.display().to_string()];
    if path.parent().is_some_and(|dir| dir.ends_with("workloads")) {
        argv.push("5".to_owned());
    }
    argv
}

/// What a run left behind, comparable.
fn run_on(code: Rc<CodeObject>, path: &Path, engine: EngineKind) -> (i32, String, Vec<u8>) {
    let outcome = run_compiled(
        code,
        &path.display().to_string(),
        argv_for(path),
        engine,
        true,
    );
    (outcome.status, outcome.stderr, outcome.stdout)
}

/// Round-trips one program's code and runs both copies on every engine; `false` when the
/// program does not compile.
fn check_round_trip(path: &Path) -> bool {
    let Some((_, code)) = compiled(path) else {
        return false;
    };
    let filename = path.display().to_string();
    let bytes = serialize(&code);
    let back = deserialize(&bytes, &filename)
        .unwrap_or_else(|e| panic!("{filename}: the serialized code is refused: {e}"));
    assert_eq!(
        materialize_all(&back).as_ref(),
        Ok(&*code),
        "{filename}: the code object changed in the round trip"
    );
    // The copy that runs keeps its nested code lazy, as a cached run does.
    let back = Rc::new(back);
    for &engine in EngineKind::ALL {
        assert_eq!(
            run_on(back.clone(), path, engine),
            run_on(code.clone(), path, engine),
            "{filename} on {}: the deserialized code runs differently",
            engine.name()
        );
    }
    true
}

#[test]
fn every_program_round_trips_and_runs_the_same() {
    let mut checked = 0;
    for path in programs() {
        let runner = std::thread::Builder::new()
            .stack_size(STACK)
            .spawn(move || check_round_trip(&path))
            .expect("spawn a runner thread");
        if runner.join().expect("the round trip holds") {
            checked += 1;
        }
    }
    assert!(checked > 50, "only {checked} programs were checked");
}

/// xorshift64*: a fixed, seedable sequence, so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A few varied programs: functions, closures, constants of every kind.
fn fuzz_samples() -> Vec<(String, Rc<CodeObject>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["workloads/closures.py", "workloads/richards.py", "workloads/strings.py"]
        .iter()
        .map(|name| compiled(&root.join(name)).expect("a workload compiles"))
        .chain(std::iter::once({
            let source = "def f(a, b=2.5, *c, d=-10**40, **e):\n    def g():\n        return a, d, {1, 'x', (2, None)}, ...\n    return g\nprint(f(1, d=3)())\n";
            (source.to_owned(), compile(source, "/s.py").expect("compiles"))
        }))
        .collect()
}

/// The bytes of an entry's header holding the flags and the source stamp.
const STAMP: std::ops::Range<usize> = 8..28;

/// Where an entry's eager part ends and its bodies section begins.
fn bodies_start(entry: &[u8]) -> usize {
    let eager_len = u64::from_le_bytes(entry[28..36].try_into().expect("a header"));
    44 + usize::try_from(eager_len).expect("a small entry")
}

/// An entry loaded and every nested body read and decoded, as running all of its functions
/// would.
fn load_all(entry: &[u8], filename: &str) -> Result<CodeObject, String> {
    decode_entry(entry, filename).and_then(|code| materialize_all(&code).map_err(|e| e.0))
}

/// Damaged entries are refused with an error: any strict prefix, any flipped bit of the magic
/// number, length, checksum, eager part or bodies section (the flags and source stamp are
/// compared with the source by the freshness check, which `decode_entry` leaves out) and any
/// corrupted length field. Damage up to the end of the eager part is refused when the entry
/// is loaded; damage in the bodies section when the damaged body is first read.
#[test]
fn damaged_entries_are_always_refused() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases = 0;
    for (source, code) in fuzz_samples() {
        let entry = encode_entry_for_source(&code, source.as_bytes());
        let filename = &*code.filename;
        assert_eq!(load_all(&entry, filename).as_ref(), Ok(&*code));
        let bodies_start = bodies_start(&entry);
        assert!(bodies_start < entry.len(), "no bodies section");
        for _ in 0..300 {
            let cut = rng.below(entry.len());
            assert!(
                cut >= bodies_start || decode_entry(&entry[..cut], filename).is_err(),
                "prefix of {cut} loaded"
            );
            assert!(
                load_all(&entry[..cut], filename).is_err(),
                "prefix of {cut} accepted"
            );
            let mut flipped = entry.clone();
            let at = match rng.below(flipped.len() - STAMP.len()) {
                at if at < STAMP.start => at,
                at => at + STAMP.len(),
            };
            flipped[at] ^= 1 << rng.below(8);
            assert!(
                at >= bodies_start || decode_entry(&flipped, filename).is_err(),
                "flip at {at} loaded"
            );
            assert!(
                load_all(&flipped, filename).is_err(),
                "flip at {at} accepted"
            );
            let mut relengthed = entry.clone();
            relengthed[28..36].copy_from_slice(&rng.next().to_le_bytes());
            assert!(
                decode_entry(&relengthed, filename).is_err(),
                "a wrong length accepted"
            );
            cases += 3;
        }
    }
    assert!(cases >= 3000);
}

/// Every code object of `code`, itself first.
fn every_code(code: &Rc<CodeObject>) -> Vec<Rc<CodeObject>> {
    let mut found = vec![code.clone()];
    for constant in &code.constants {
        if let pvm::bytecode::Constant::Code(inner) = constant {
            found.extend(every_code(inner));
        }
    }
    found
}

/// Bodies damaged behind a valid checksum (or none: a serialized form's eager part has none)
/// reach the deserializer and the verifier: they must return, with a code object that passed
/// verification or with an error, and never panic or allocate without bound. Each nested body
/// has its own checksum, which refuses damage to it, so every code object of the samples is
/// serialized as the top level in turn, its body then in the eager part. Mutations: flipped
/// bits, overwritten bytes, huge variable-length numbers written over counts, truncations and
/// duplicated slices.
#[test]
fn damaged_bodies_never_panic() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut refused = 0;
    let mut cases = 0;
    for (_, code) in fuzz_samples() {
        let serialized: Vec<Vec<u8>> = every_code(&code).iter().map(|c| serialize(c)).collect();
        for _ in 0..2000 {
            let mut damaged = serialized[rng.below(serialized.len())].clone();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(damaged.len());
                match rng.below(5) {
                    0 => damaged[at] ^= 1 << rng.below(8),
                    1 => damaged[at] = rng.next() as u8,
                    2 => {
                        let huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f];
                        let end = (at + huge.len()).min(damaged.len());
                        damaged[at..end].copy_from_slice(&huge[..end - at]);
                    }
                    3 => damaged.truncate(at),
                    _ => {
                        let len = rng.below(16).min(damaged.len() - at);
                        let slice = damaged[at..at + len].to_vec();
                        let to = rng.below(damaged.len());
                        damaged.splice(to..to, slice);
                    }
                }
                if damaged.is_empty() {
                    break;
                }
            }
            if decode_all(&damaged).is_err() {
                refused += 1;
            }
            cases += 1;
        }
    }
    assert!(cases >= 8000);
    assert!(
        refused > cases / 2,
        "only {refused} of {cases} damaged bodies were refused"
    );
}

/// A body decoded with every nested code object decoded and verified too, as running all of
/// its functions would.
fn decode_all(body: &[u8]) -> Result<CodeObject, DecodeError> {
    deserialize(body, "/s.py").and_then(|code| materialize_all(&code))
}

/// A function body that is not valid code behind a valid checksum (written wrong, not damaged
/// on disk) loads, and its first call raises SystemError on every engine, after the module ran
/// up to it; the functions that are valid still run.
#[test]
fn an_invalid_body_raises_at_its_first_call() {
    let source = "def ok():\n    return 'ok'\ndef bad():\n    return 1\nprint(ok())\nbad()\nprint('not reached')\n";
    let code = common::with_invalid_body_of_bad(source, "/s.py");
    let entry = encode_entry_for_source(&code, source.as_bytes());
    let loaded = Rc::new(decode_entry(&entry, "/s.py").expect("the module's own code is valid"));
    assert!(materialize_all(&loaded).is_err());
    for &engine in EngineKind::ALL {
        let (status, stderr, stdout) = run_on(loaded.clone(), Path::new("/s.py"), engine);
        assert_eq!(stdout, b"ok\n", "on {}", engine.name());
        assert_eq!(status, 1, "on {}", engine.name());
        assert!(
            stderr.contains(
                "SystemError: corrupt compiled code in '/s.py': bad: stack underflow at instruction 0"
            ),
            "on {}: {stderr}",
            engine.name()
        );
    }
}

/// The body's leading uvar: how many strings its string table holds, and the bytes it takes.
fn string_count(body: &[u8]) -> (u64, usize) {
    let mut n = 0u64;
    for (i, &b) in body.iter().enumerate().take(9) {
        n |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return (n, i + 1);
        }
    }
    panic!("the body starts with a string count");
}

/// Names are indices into the string table at the start of the body: a table that claims
/// fewer or more strings than it holds, or damage inside it, shifts or breaks every index after
/// it. Such bodies must be refused or verified, never panic; for these samples a table that
/// claims too few strings is refused (the reader then takes string bytes for code).
#[test]
fn damaged_string_tables_never_panic() {
    let mut rng = Rng(0x51_7cc1_b727_220a);
    let mut cases = 0;
    for (_, code) in fuzz_samples() {
        let body = serialize(&code);
        let (count, width) = string_count(&body);
        assert!(count > 0);
        for wrong in [0, count - 1, count + 1, count + 2, u64::from(u32::MAX)] {
            let mut damaged = Vec::new();
            let mut n = wrong;
            while n >= 0x80 {
                damaged.push(n as u8 | 0x80);
                n >>= 7;
            }
            damaged.push(n as u8);
            damaged.extend_from_slice(&body[width..]);
            let result = decode_all(&damaged);
            if wrong < count {
                assert!(
                    result.is_err(),
                    "a table of {wrong} of {count} strings accepted"
                );
            }
            cases += 1;
        }
        // The table is the body's first bytes: damage there, one bit or byte at a time.
        let table_end = (body.len() / 4).max(width + 1);
        for _ in 0..500 {
            let mut damaged = body.clone();
            let at = width + rng.below(table_end - width);
            if rng.below(2) == 0 {
                damaged[at] ^= 1 << rng.below(8);
            } else {
                damaged[at] = rng.next() as u8;
            }
            let _ = decode_all(&damaged);
            cases += 1;
        }
    }
    assert!(cases >= 2000);
}
