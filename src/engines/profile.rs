//! `pvm profile`: dynamic counts of instructions and of the instruction pairs, triples and
//! quadruples that run in sequence (each one falling through to the next, in the same frame), like CPython's
//! `--enable-pystats`. The `fused` engine's superinstructions are chosen from these counts.
//! The counting run is the `match` loop with a counter before each instruction.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write;

use crate::bytecode::{Instr, Opcode};
use crate::runtime::exceptions::PyResult;
use crate::runtime::frame::Cursor;
use crate::runtime::function::PyFunction;
use crate::runtime::value::Value;
use crate::runtime::vm::{Backend, Vm};

use super::match_loop::dispatch_loop;

/// The backend of a counting run.
pub static PROFILING: Backend = Backend {
    translate: |_| Default::default(),
    execute: execute_counting,
};

fn execute_counting(vm: &mut Vm) -> PyResult<Value> {
    dispatch_loop::<false, true>(vm)
}

/// Counts gathered on this thread since the last `take`.
#[derive(Default)]
pub struct OpStats {
    pub singles: HashMap<Opcode, u64>,
    pub pairs: HashMap<[Opcode; 2], u64>,
    pub triples: HashMap<[Opcode; 3], u64>,
    pub quadruples: HashMap<[Opcode; 4], u64>,
    /// The last three instructions, most recent last, while they form a straight-line run.
    recent: Vec<(*const PyFunction, *const Instr, Opcode)>,
}

thread_local! {
    static STATS: RefCell<OpStats> = RefCell::new(OpStats::default());
}

/// Counts the instruction `cur` is about to execute.
#[inline(never)]
pub(super) fn record(cur: &Cursor) {
    // SAFETY: the cursor points at the next instruction of the running code.
    let op = unsafe { (*cur.ip).opcode() };
    STATS.with(|stats| {
        let mut stats = stats.borrow_mut();
        let stats = &mut *stats;
        *stats.singles.entry(op).or_default() += 1;
        let follows = |&(func, ip, _): &(*const PyFunction, *const Instr, Opcode)| {
            func == cur.func && ip.wrapping_add(1) == cur.ip
        };
        if !stats.recent.last().is_some_and(follows) {
            stats.recent.clear();
        }
        if let [.., (_, _, previous)] = stats.recent[..] {
            *stats.pairs.entry([previous, op]).or_default() += 1;
        }
        if let [.., (_, _, first), (_, _, second)] = stats.recent[..] {
            *stats.triples.entry([first, second, op]).or_default() += 1;
        }
        if let [(_, _, first), (_, _, second), (_, _, third)] = stats.recent[..] {
            *stats
                .quadruples
                .entry([first, second, third, op])
                .or_default() += 1;
        }
        if stats.recent.len() == 3 {
            stats.recent.remove(0);
        }
        stats.recent.push((cur.func, cur.ip, op));
    });
}

/// The counts gathered so far on this thread; resets them.
pub fn take() -> OpStats {
    STATS.with(|stats| std::mem::take(&mut *stats.borrow_mut()))
}

impl OpStats {
    pub fn total(&self) -> u64 {
        self.singles.values().sum()
    }

    /// A report of the `limit` most frequent instructions, pairs, triples and quadruples, with their
    /// share of all instructions executed.
    pub fn report(&self, limit: usize) -> String {
        let total = self.total().max(1);
        let mut out = format!("instructions executed: {}\n", self.total());
        section(
            &mut out,
            "instructions",
            &self.singles,
            total,
            limit,
            |op| op.name().to_owned(),
        );
        section(&mut out, "pairs", &self.pairs, total, limit, |ops| {
            ops.map(Opcode::name).join(" ")
        });
        section(&mut out, "triples", &self.triples, total, limit, |ops| {
            ops.map(Opcode::name).join(" ")
        });
        section(
            &mut out,
            "quadruples",
            &self.quadruples,
            total,
            limit,
            |ops| ops.map(Opcode::name).join(" "),
        );
        out
    }
}

fn section<K: Copy>(
    out: &mut String,
    title: &str,
    counts: &HashMap<K, u64>,
    total: u64,
    limit: usize,
    name: impl Fn(K) -> String,
) {
    let mut rows: Vec<(String, u64)> = counts.iter().map(|(k, n)| (name(*k), *n)).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let _ = writeln!(out, "\n{title}:");
    for (label, count) in rows.into_iter().take(limit) {
        let share = count as f64 * 100.0 / total as f64;
        let _ = writeln!(out, "{count:>14} {share:>6.2}%  {label}");
    }
}
