//! Frames. All frames' variables and value stacks live in one arena of value slots that
//! never moves: a call places the callee's variables where the caller pushed its arguments,
//! writes one small record and continues the dispatch loop — no allocation, no Rust
//! recursion (the design of CPython 3.11's per-thread data stack). The arena is allocated
//! once, zeroed lazily by the operating system (zeroed bytes are `Value::Undef`), so a large
//! arena costs nothing until deep recursion touches it.
//!
//! Slot layout of a frame from `base`: locals (`varnames`), cells, free variables, then the
//! value stack. Slots at or above `sp` are logically uninitialized: pushing writes without
//! dropping and popping moves the value out.

use std::alloc::{GlobalAlloc, Layout, System};
use std::rc::Rc;

use crate::bytecode::Instr;

use super::dict::PyDict;
use super::function::{PyFunction, RtCode};
use super::value::{Value, discard, slot};

/// The arena holds this many slots (16 bytes each; 2 GiB of address space, committed lazily).
const ARENA_SLOTS: usize = 1 << 27;

pub struct ValueArena {
    start: *mut Value,
    end: *mut Value,
}

impl ValueArena {
    pub fn new() -> ValueArena {
        let layout = Layout::array::<Value>(ARENA_SLOTS).expect("arena layout");
        // SAFETY: the layout has a non-zero size; a null result is handled below.
        let start = unsafe { System.alloc_zeroed(layout) } as *mut Value;
        if start.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        ValueArena {
            start,
            // SAFETY: one past the end of the allocation.
            end: unsafe { start.add(ARENA_SLOTS) },
        }
    }

    pub fn start(&self) -> *mut Value {
        self.start
    }

    /// Whether a frame of `size` slots fits at `base`.
    #[inline(always)]
    pub fn fits(&self, base: *mut Value, size: usize) -> bool {
        (self.end as usize - base as usize) / std::mem::size_of::<Value>() >= size
    }
}

impl Default for ValueArena {
    fn default() -> ValueArena {
        ValueArena::new()
    }
}

impl Drop for ValueArena {
    fn drop(&mut self) {
        let layout = Layout::array::<Value>(ARENA_SLOTS).expect("arena layout");
        // SAFETY: allocated in `new` with the same layout. Live values were dropped by
        // their frames; slots are plain memory now.
        unsafe { System.dealloc(self.start as *mut u8, layout) }
    }
}

/// The record of one active frame. It points at the function it runs (a module runs as a
/// function too): whoever started the frame keeps that function alive for the frame's whole
/// life (the function object sits in the caller's stack until the callee returns;
/// `run_module` and `call_value` hold theirs), so a call costs no reference-count traffic.
pub struct Frame {
    pub func: *const PyFunction,
    pub base: *mut Value,
    /// Where the caller wants the result; null for an entry frame, whose result goes back to
    /// the Rust code that started the engine.
    pub result_slot: *mut Value,
    /// Saved registers while a callee runs.
    pub ip: *const Instr,
    pub sp: *mut Value,
}

impl Frame {
    pub fn is_entry(&self) -> bool {
        self.result_slot.is_null()
    }

    #[inline(always)]
    pub fn code(&self) -> &RtCode {
        // SAFETY: kept alive by the frame's starter (see the type's comment); a frame runs only
        // a function whose code is materialized.
        unsafe { (*self.func).code_unchecked() }
    }

    /// The first slot above anything this frame may use.
    pub fn extent(&self) -> *mut Value {
        // SAFETY: the frame was placed only after checking that its whole size fits.
        unsafe { self.base.add(self.code().shape.frame_size) }
    }

    /// The registers to resume this frame with.
    #[inline(always)]
    pub fn cursor(&self) -> Cursor {
        Cursor {
            ip: self.ip,
            sp: self.sp,
            base: self.base,
            func: self.func,
        }
    }
}

/// The registers of the running frame: exactly what the dispatch loop keeps in machine
/// registers — four words, so that a large `match` loop does not spill them. Everything else
/// (constants, names, globals, caches) is reached through `func`.
#[derive(Clone, Copy)]
pub struct Cursor {
    /// The next instruction.
    pub ip: *const Instr,
    pub sp: *mut Value,
    pub base: *mut Value,
    pub func: *const PyFunction,
}

impl Cursor {
    #[inline(always)]
    pub fn code(&self) -> &RtCode {
        // SAFETY: the frame's starter keeps the function alive while the cursor describes it;
        // a frame runs only a function whose code is materialized.
        unsafe { (*self.func).code_unchecked() }
    }

    #[inline(always)]
    pub fn globals(&self) -> &Rc<PyDict> {
        // SAFETY: as for `code`.
        unsafe { &(*self.func).globals }
    }

    /// Runs `f` — which calls out-of-line code — on a copy of the registers and takes the
    /// copy back, so the dispatch loop's own cursor never has its address taken.
    #[inline(always)]
    pub fn out_of_line<R>(&mut self, f: impl FnOnce(&mut Cursor) -> R) -> R {
        let mut copy = *self;
        let result = f(&mut copy);
        *self = copy;
        result
    }

    /// Reads the next instruction and advances.
    #[inline(always)]
    pub fn fetch(&mut self) -> Instr {
        // SAFETY: the compiler (or the cache loader's validation) guarantees every jump target
        // and fall-through stays inside the code, which always ends in a return.
        unsafe {
            let instr = *self.ip;
            self.ip = self.ip.add(1);
            instr
        }
    }

    /// Continues at instruction index `target`.
    #[inline(always)]
    pub fn jump_to(&mut self, target: u32) {
        // SAFETY: jump targets are validated to lie inside the code.
        self.ip = unsafe { self.code().instructions.add(target as usize) };
    }

    /// The index of the next instruction.
    pub fn ip_index(&self) -> usize {
        (self.ip as usize - self.code().instructions as usize) / std::mem::size_of::<Instr>()
    }

    #[inline(always)]
    pub fn constant(&self, index: u32) -> &Value {
        // SAFETY: constant indices are validated against the constant table.
        unsafe { self.code().constants.get_unchecked(index as usize) }
    }

    #[inline(always)]
    pub fn push(&mut self, value: Value) {
        // SAFETY: the compiler's stack depth bounds pushes within the frame's extent.
        unsafe {
            self.sp.write(value);
            self.sp = self.sp.add(1);
        }
    }

    /// Pushes a value that out-of-line code just built. Such a value was written piecewise
    /// (a tag byte, then a payload word), so immediates are read back by those parts and
    /// stored whole: copying the 16 bytes as one block would stall on store-to-load forwarding.
    #[inline(always)]
    pub fn push_built(&mut self, value: Value) {
        // Not dropped here: an immediate owns nothing, and anything else moves into the slot.
        // (Matching by value would leave an out-of-line drop call for the immediate arms when
        // the value was read from memory, as a native call's result is.)
        let value = std::mem::ManuallyDrop::new(value);
        // SAFETY: as for `push`; the slot is uninitialized.
        unsafe {
            match *value {
                Value::Int(i) => slot::write_int(self.sp, i),
                Value::Float(f) => slot::write_float(self.sp, f),
                Value::Bool(b) => slot::write_bool(self.sp, b),
                _ => self.sp.write(std::mem::ManuallyDrop::into_inner(value)),
            }
            self.sp = self.sp.add(1);
        }
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        // SAFETY: the bytecode never pops below the frame's stack base; the slot is left
        // logically uninitialized, so moving out of it is sound.
        unsafe {
            self.sp = self.sp.sub(1);
            self.sp.read()
        }
    }

    /// The item `depth` below the top (1 = top).
    #[inline(always)]
    pub fn peek(&self, depth: usize) -> &Value {
        // SAFETY: as for `pop`.
        unsafe { &*self.sp.sub(depth) }
    }

    #[inline(always)]
    pub fn local(&self, slot: u32) -> &Value {
        // SAFETY: slot indices are checked against the code's variable count when code is
        // created by the compiler or loaded from the cache.
        unsafe { &*self.base.add(slot as usize) }
    }

    #[inline(always)]
    pub fn local_mut(&mut self, slot: u32) -> &mut Value {
        // SAFETY: as for `local`.
        unsafe { &mut *self.base.add(slot as usize) }
    }

    /// The top `n` values as a slice.
    #[inline(always)]
    pub fn top_slice(&self, n: usize) -> &[Value] {
        // SAFETY: the bytecode guarantees `n` values above the stack base.
        unsafe { std::slice::from_raw_parts(self.sp.sub(n), n) }
    }

    /// Drops the top `n` values.
    #[inline(always)]
    pub fn drop_top(&mut self, n: usize) {
        for _ in 0..n {
            discard(self.pop());
        }
    }
}

/// Drops every value in `[from, to)`.
///
/// # Safety
/// The range must hold initialized values owned by the caller.
pub unsafe fn drop_range(from: *mut Value, to: *mut Value) {
    let mut p = from;
    while p < to {
        // SAFETY: per the contract; each value is dropped exactly once, in place (copying it
        // out first would cost a piecewise copy and a stalled reload).
        unsafe {
            if !(*p).is_immediate() {
                std::ptr::drop_in_place(p);
            }
            p = p.add(1);
        }
    }
}
