//! The engines compared in-process: every workload in `workloads/*.py` on every engine in
//! `EngineKind::ALL`, through `pvm::run::run_source` with stdout captured. One iteration is one
//! whole program — parse, compile and run — at a size small enough (10–50 ms) that the full
//! suite finishes in a few minutes on two cores. No process start-up and no CPython here:
//! `scripts/bench.py` measures against CPython.
//!
//! Reading the report: each workload is one group (`engines/<workload>`), and within it each
//! engine is a function whose parameter is the workload's size (`match/25`, `closure/25`, …),
//! so the lines of one group compare the engines on the same program;
//! `target/criterion/report/index.html` draws them side by side. Compare times within a
//! group, not across groups: the sizes differ per workload.
//!
//! `cargo bench --bench engines -- --profile-time 5` runs each benchmark for 5 s under a
//! sampling profiler instead of measuring it and writes
//! `target/criterion/engines_<workload>/<engine>/<size>/profile/flamegraph.svg`.

use std::fs::File;
use std::path::Path;
use std::time::Duration;

use criterion::profiler::Profiler;
use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use pprof::{ProfilerGuard, ProfilerGuardBuilder};

use pvm::engines::EngineKind;
use pvm::run::{Outcome, run_source};

/// The size (`argv[1]`) of each workload, with criterion's time per run on the `match` engine
/// (a 2-core AMD EPYC, shared). A workload missing from this table fails the bench, so a new
/// workload gets a size chosen on purpose.
const SIZES: &[(&str, u32)] = &[
    ("closures", 80),       // 31 ms
    ("dict_count", 15_000), // 35 ms
    ("fannkuch", 7),        // 27 ms
    ("fib", 25),            // 21 ms
    ("loop", 150_000),      // 35 ms
    ("nbody", 1_000),       // 20 ms
    ("richards", 700),      // 13 ms
    ("sieve", 15_000),      // 22 ms
    ("spectral_norm", 40),  // 21 ms
    ("strings", 12_000),    // 30 ms
];

/// Every `workloads/*.py` with its source, sorted by name.
fn workloads() -> Vec<(String, String, u32)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("workloads");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("workloads/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let size = SIZES
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("benches/engines.rs: no size for workload {name}"))
            .1;
        let source = std::fs::read_to_string(&path).expect("a readable workload");
        found.push((name, source, size));
    }
    found.sort();
    found
}

/// Runs one workload to completion with its stdout captured.
fn run(name: &str, source: &str, size: u32, engine: EngineKind) -> Outcome {
    let path = format!("workloads/{name}.py");
    run_source(
        source,
        &path,
        vec![path.clone(), size.to_string()],
        engine,
        true,
    )
}

fn engines(c: &mut Criterion) {
    for (name, source, size) in workloads() {
        let mut group = c.benchmark_group(format!("engines/{name}"));
        // One iteration is a whole program run: few, equal-sized samples.
        group.sampling_mode(SamplingMode::Flat);
        for &engine in EngineKind::ALL {
            // Checked once, outside the timing loop: a workload that fails on an engine
            // would otherwise be timed as a fast error.
            let outcome = run(&name, &source, size, engine);
            assert_eq!(
                outcome.status,
                0,
                "{name} on {} failed: {}",
                engine.name(),
                outcome.stderr
            );
            assert!(
                !outcome.stdout.is_empty(),
                "{name} on {} printed nothing",
                engine.name()
            );
            group.bench_with_input(BenchmarkId::new(engine.name(), size), &size, |b, &size| {
                b.iter(|| run(&name, &source, size, engine))
            });
        }
        group.finish();
    }
}

/// Criterion's `--profile-time` hook: samples the benchmark with pprof and writes a
/// flamegraph into the benchmark's directory. pprof's own criterion integration targets
/// criterion 0.5 and cannot take a blocklist, so this small adapter replaces it.
struct Flamegraph {
    active: Option<ProfilerGuard<'static>>,
}

impl Profiler for Flamegraph {
    fn start_profiling(&mut self, _id: &str, _dir: &Path) {
        // The default unwinder is not async-signal-safe: a sample that lands inside libc,
        // libgcc, pthread or the vDSO could deadlock or crash, so those frames are not
        // unwound (pprof's README).
        let guard = ProfilerGuardBuilder::default()
            .frequency(997)
            .blocklist(&["libc", "libgcc", "pthread", "vdso"])
            .build()
            .expect("pprof starts");
        self.active = Some(guard);
    }

    fn stop_profiling(&mut self, _id: &str, dir: &Path) {
        let Some(guard) = self.active.take() else {
            return;
        };
        let report = guard.report().build().expect("pprof report");
        std::fs::create_dir_all(dir).expect("profile directory");
        let file = File::create(dir.join("flamegraph.svg")).expect("flamegraph.svg");
        report.flamegraph(file).expect("flamegraph written");
    }
}

fn config() -> Criterion {
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .with_profiler(Flamegraph { active: None })
}

criterion_group! {
    name = benches;
    config = config();
    targets = engines
}
criterion_main!(benches);
