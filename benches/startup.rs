//! What compilation costs at start-up, and what the compiled-file cache saves. For a large
//! generated module (`scripts/gen_large_module.py`, about 10,700 lines; python3 must be on the
//! path) and for a workload:
//!
//! - `startup/compile/<program>`: source text → code object in-process (lex, parse, compile);
//! - `startup/load/<program>`: a cache entry's bytes → verified code object in-process (header
//!   and checksum check, deserialization, verification) — what a warm start does instead;
//! - `startup/process/<program>/{cold,warm}`: the whole `pvm run` as a process, cold with
//!   `-B` and no cache directory, warm with a fresh entry in place.
//!
//! Run with `cargo bench --bench startup`. Compare `compile` with `load` within a program,
//! and `cold` with `warm`.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};

use pvm::bytecode::serialize::materialize_all;
use pvm::cache::{decode_entry, encode_entry_for_source};
use pvm::run::compile;

const PVM: &str = env!("CARGO_BIN_EXE_pvm");

/// A scratch directory holding the programs, removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The programs measured: the generated large module and a workload, copied into `dir`.
fn programs(dir: &Path) -> Vec<(&'static str, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let large = dir.join("large.py");
    let status = Command::new("python3")
        .arg(root.join("scripts/gen_large_module.py"))
        .arg(&large)
        .status()
        .expect("python3 runs scripts/gen_large_module.py");
    assert!(status.success(), "gen_large_module.py failed");
    let workload = dir.join("richards.py");
    std::fs::copy(root.join("workloads/richards.py"), &workload).expect("copy a workload");
    vec![("large", large), ("richards", workload)]
}

/// Runs `pvm run ARGS... PROGRAM 1` and checks that it succeeded.
fn run_pvm(args: &[&str], program: &Path) {
    let output = Command::new(PVM)
        .arg("run")
        .args(args)
        .arg(program)
        .arg("1")
        .env_remove("PVM_CACHE_PREFIX")
        .env_remove("PVM_DONT_WRITE_BYTECODE")
        .output()
        .expect("run pvm");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn startup(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("pvm-startup-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    let scratch = Scratch(dir);
    for (name, path) in programs(&scratch.0) {
        let source = std::fs::read_to_string(&path).expect("a readable program");
        let filename = path.display().to_string();
        let code = compile(&source, &filename).expect("the program compiles");
        let entry = encode_entry_for_source(&code, source.as_bytes());
        let decoded = decode_entry(&entry, &filename).expect("a valid entry");
        assert_eq!(materialize_all(&decoded).as_ref(), Ok(&*code));

        let mut group = c.benchmark_group("startup");
        group.bench_function(format!("compile/{name}"), |b| {
            b.iter(|| compile(&source, &filename).expect("compiles"))
        });
        group.bench_function(format!("load/{name}"), |b| {
            b.iter(|| decode_entry(&entry, &filename).expect("a valid entry"))
        });
        group.finish();

        let mut group = c.benchmark_group(format!("startup/process/{name}"));
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(20);
        let cache_dir = scratch.0.join("__pvmcache__");
        let _ = std::fs::remove_dir_all(&cache_dir);
        group.bench_function("cold", |b| b.iter(|| run_pvm(&["-B"], &path)));
        assert!(!cache_dir.exists(), "-B wrote a cache entry");
        run_pvm(&[], &path);
        group.bench_function("warm", |b| b.iter(|| run_pvm(&[], &path)));
        group.finish();
    }
}

criterion_group!(benches, startup);
criterion_main!(benches);
