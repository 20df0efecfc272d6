//! A Python-to-Python call allocates nothing, on every engine: each workload runs twice, once
//! with a few calls and once with at least 200,000 more, and the two runs must make (almost)
//! the same number of heap allocations. The global allocator here counts allocations per
//! thread, so tests running in parallel do not disturb each other's counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use pvm::engines::EngineKind;
use pvm::run::run_source;

struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_allocation() {
    ALLOCATIONS.with(|count| count.set(count.get() + 1));
}

// SAFETY: every request is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `alloc_zeroed`'s contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller upholds `dealloc`'s contract.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// How many more allocations the large run may make than the small one: the printed number
/// is longer and buffers may grow once more, but nothing may scale with the number of calls.
const TOLERANCE: usize = 50;

/// The large run makes at least this many more Python calls than the small one.
const EXTRA_CALLS: u64 = 200_000;

/// Runs `source` on `engine`, checks that it prints `expected` and returns how many
/// allocations the run made.
fn allocations_of(source: &str, expected: &str, engine: EngineKind) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    let outcome = run_source(source, "<alloc>", vec![], engine, true);
    let after = ALLOCATIONS.with(Cell::get);
    assert_eq!(outcome.stderr, "", "[{}] {source}", engine.name());
    assert_eq!(outcome.status, 0, "[{}] {source}", engine.name());
    assert_eq!(
        String::from_utf8_lossy(&outcome.stdout),
        format!("{expected}\n"),
        "[{}] {source}",
        engine.name()
    );
    after - before
}

/// Runs the program for `small` and for `large` on every engine and asserts that the extra
/// calls of the large run allocate nothing. `program` gives the source and its output.
fn assert_calls_do_not_allocate(program: fn(u64) -> (String, String), small: u64, large: u64) {
    for &engine in EngineKind::ALL {
        let (small_source, small_output) = program(small);
        let (large_source, large_output) = program(large);
        let few = allocations_of(&small_source, &small_output, engine);
        let many = allocations_of(&large_source, &large_output, engine);
        assert!(
            many < few + TOLERANCE,
            "[{}] {few} allocations for size {small}, {many} for size {large}:\n{large_source}",
            engine.name()
        );
    }
}

/// `n` calls of a two-argument function from a loop; prints the sum of `0..n`.
fn adding_loop(n: u64) -> (String, String) {
    let source = format!(
        "def add(a, b):\n    return a + b\n\ntotal = 0\nfor i in range({n}):\n    total = add(total, i)\nprint(total)\n"
    );
    (source, (n * n.saturating_sub(1) / 2).to_string())
}

/// Naive recursive Fibonacci of `n`: `2 * fib(n + 1) - 1` calls.
fn recursive_fib(n: u64) -> (String, String) {
    let source = format!(
        "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib({n}))\n"
    );
    let (mut current, mut next) = (0u64, 1u64);
    for _ in 0..n {
        (current, next) = (next, current + next);
    }
    (source, current.to_string())
}

/// `n` calls of a closure, which reads a free variable of its enclosing function.
fn closure_calls(n: u64) -> (String, String) {
    let source = format!(
        "def make_adder(step):\n    def add(x):\n        return x + step\n    return add\n\nadd3 = make_adder(3)\nx = 0\nfor _ in range({n}):\n    x = add3(x)\nprint(x)\n"
    );
    (source, (3 * n).to_string())
}

#[test]
fn calls_from_a_loop_do_not_allocate() {
    assert_calls_do_not_allocate(adding_loop, 10, 10 + EXTRA_CALLS);
}

#[test]
fn recursive_calls_do_not_allocate() {
    // fib(5) makes 15 calls, fib(25) makes 242,785.
    assert_calls_do_not_allocate(recursive_fib, 5, 25);
}

#[test]
fn closure_calls_do_not_allocate() {
    assert_calls_do_not_allocate(closure_calls, 10, 10 + EXTRA_CALLS);
}

/// `n` calls that bind arguments by keyword and from defaults (the general binding path).
fn keyword_and_default_calls(n: u64) -> (String, String) {
    let source = format!(
        "def add(a, b=1, *, c=0):\n    return a + b + c\n\nx = 0\nfor _ in range({n}):\n    x = add(x)\n    x = add(x, c=1, b=0)\nprint(x)\n"
    );
    (source, (2 * n).to_string())
}

#[test]
fn keyword_and_default_calls_do_not_allocate() {
    assert_calls_do_not_allocate(keyword_and_default_calls, 10, 10 + EXTRA_CALLS);
}

/// `n` calls of a built-in method kept as a bound-method value (`push = xs.append`).
fn bound_method_calls(n: u64) -> (String, String) {
    let source = format!(
        "xs = []\npush = xs.append\npop = xs.pop\nfor i in range({n}):\n    push(i)\n    pop()\nprint(len(xs), {n})\n"
    );
    (source, format!("0 {n}"))
}

#[test]
fn bound_method_calls_do_not_allocate() {
    assert_calls_do_not_allocate(bound_method_calls, 10, 10 + EXTRA_CALLS);
}
