//! The virtual machine's state shared by every engine: the frame arena and frame records,
//! builtins and modules, output, and the call machinery. Engines own only dispatch; how a
//! call places a frame, how arguments bind and how an exception unwinds is decided here,
//! once, so every engine behaves identically.

use std::collections::HashMap;
use std::rc::Rc;

use crate::bytecode::CodeObject;

use super::dict::PyDict;
use super::exceptions::{PyErr, PyResult, TraceEntry, error, type_error};
use super::frame::{Cursor, Frame, ValueArena, drop_range};
use super::function::{Args, PyFunction, RtCode, Translator};
use super::output::Output;
use super::types::TypeId;
use super::value::{PyList, Value, discard};

/// What an instruction tells the dispatch loop to do next.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum Step {
    /// Continue with the instruction at `cursor.ip`.
    Next,
    /// The entry frame returned; its value is in `Vm::entry_result`.
    Return,
    /// An exception is pending in `Vm::pending`; the engine calls `unwind`.
    Raise,
}

/// What the runtime needs from an engine: its translation of each code object (made once,
/// before the code first runs) and its entry point, which runs the frame on top of the frame
/// stack until that frame returns.
pub struct Backend {
    pub translate: Translator,
    pub execute: fn(&mut Vm) -> PyResult<Value>,
}

pub struct Vm {
    pub arena: ValueArena,
    pub frames: Vec<Frame>,
    pub builtins: Rc<PyDict>,
    /// Every module imported so far by name (`sys.modules`, the same dict).
    pub modules: Rc<PyDict>,
    /// Where `import` looks for `.py` files and packages, in order: the main script's
    /// directory, then `PVMPATH`'s entries (`sys.path`, the same list).
    pub search_path: Rc<PyList>,
    pub recursion_limit: usize,
    /// `sys.get_int_max_str_digits()` (0 = no limit); change it with
    /// `set_int_max_str_digits`, which keeps the conversions' copy in step (see `int`).
    int_max_str_digits: usize,
    pub pending: Option<PyErr>,
    pub entry_result: Value,
    pub backend: &'static Backend,
    pub output: Output,
    pub argv: Vec<String>,
    /// Source text by file name, for traceback lines.
    pub sources: HashMap<String, Rc<str>>,
    /// How imports use the compiled-file cache.
    pub cache_settings: crate::cache::CacheSettings,
}

/// CPython's default for `sys.getrecursionlimit()`.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

impl Vm {
    pub fn new(backend: &'static Backend, argv: Vec<String>) -> Vm {
        super::int::set_max_str_digits(super::int::DEFAULT_MAX_STR_DIGITS);
        super::repr::set_depth_limit(DEFAULT_RECURSION_LIMIT);
        Vm {
            arena: ValueArena::new(),
            frames: Vec::with_capacity(64),
            builtins: Rc::new(super::builtins::builtins_dict()),
            modules: Rc::new(PyDict::new()),
            search_path: Rc::default(),
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            int_max_str_digits: super::int::DEFAULT_MAX_STR_DIGITS,
            pending: None,
            entry_result: Value::None,
            backend,
            output: Output::stdout(),
            argv,
            sources: HashMap::new(),
            cache_settings: crate::cache::CacheSettings::default(),
        }
    }

    pub fn int_max_str_digits(&self) -> usize {
        self.int_max_str_digits
    }

    /// `sys.set_int_max_str_digits(limit)` once the argument is checked.
    pub fn set_int_max_str_digits(&mut self, limit: usize) {
        self.int_max_str_digits = limit;
        super::int::set_max_str_digits(limit);
    }

    /// Runs a module's code with `globals` as its namespace.
    pub fn run_module(&mut self, code: Rc<CodeObject>, globals: Rc<PyDict>) -> PyResult<Value> {
        let rt = RtCode::new(code, self.backend.translate);
        let module = PyFunction::for_module(rt.clone(), self.backend.translate, globals);
        let base = self.next_entry_base();
        let shape = &rt.code;
        if !self.arena.fits(base, shape.frame_size()) {
            return Err(recursion_error());
        }
        let nvars = shape.variable_slots();
        // SAFETY: the frame fits in the arena (checked above); slots are written before use.
        unsafe {
            for i in 0..nvars {
                base.add(i).write(Value::Undef);
            }
        }
        // `module` lives (unmoved) in this function until its frame is gone.
        self.frames.push(Frame {
            func: &module,
            base,
            result_slot: std::ptr::null_mut(),
            ip: rt.instructions,
            // SAFETY: within the frame (checked above).
            sp: unsafe { base.add(nvars) },
        });
        (self.backend.execute)(self)
    }

    fn next_entry_base(&self) -> *mut Value {
        match self.frames.last() {
            Some(frame) => frame.extent(),
            None => self.arena.start(),
        }
    }

    /// `sys.setrecursionlimit`: bounds Python frames and how deeply a repr may nest.
    pub fn set_recursion_limit(&mut self, limit: usize) {
        self.recursion_limit = limit;
        super::repr::set_depth_limit(limit);
    }

    /// Parks `exc` for the engine to unwind and returns the step that says so.
    #[cold]
    pub fn raise(&mut self, exc: PyErr) -> Step {
        self.pending = Some(exc);
        Step::Raise
    }

    /// The registers of the frame on top of the frame stack.
    pub fn cursor(&self) -> Cursor {
        self.frames.last().expect("a running frame").cursor()
    }

    /// Unwinds frames after an exception: adds a traceback entry per frame and drops the
    /// frames' values, up to and including the entry frame. Returns the exception.
    #[cold]
    pub fn unwind(&mut self, cur: &Cursor) -> PyErr {
        let exc = self
            .pending
            .take()
            .unwrap_or_else(|| error(TypeId::SystemError, "error without exception"));
        let (mut ip, mut sp) = (cur.ip_index(), cur.sp);
        while let Some(frame) = self.frames.pop() {
            let code = frame.code();
            exc.traceback.borrow_mut().push(TraceEntry {
                filename: code.filename.clone(),
                function: code.name.clone(),
                line: code.code.line_at(ip.saturating_sub(1)),
            });
            if frame.is_entry() {
                // SAFETY: the frame's live values are exactly [base, sp).
                unsafe { drop_range(frame.base, sp) };
                break;
            }
            // SAFETY: the callable, the arguments and the callee's values occupy
            // [result_slot, sp) and are owned by the unwinding frames.
            unsafe { drop_range(frame.result_slot, sp) };
            sp = frame.result_slot;
            if let Some(caller) = self.frames.last() {
                ip = caller.cursor().ip_index();
            }
        }
        exc
    }

    /// Returns from the running frame with `result`.
    #[inline(always)]
    pub(crate) fn return_from_frame(&mut self, cur: &mut Cursor, result: Value) -> Step {
        // Only the fields needed are read from the record, each as the word it was stored as;
        // copying the whole record out would read it back in wider pieces than it was written.
        let frame = self.frames.last().expect("a running frame");
        let (result_slot, base) = (frame.result_slot, frame.base);
        self.frames.pop();
        if result_slot.is_null() {
            // SAFETY: the entry frame's live values are exactly [base, sp).
            unsafe { drop_range(base, cur.sp) };
            self.entry_result = result;
            return Step::Return;
        }
        // SAFETY: [result_slot, sp) holds the caller's callable and arguments and the callee's
        // values, all dead now; the result slot is then rewritten.
        unsafe {
            drop_range(result_slot, cur.sp);
            result_slot.write(result);
        }
        *cur = self.frames.last().expect("a caller frame").cursor();
        // SAFETY: the result slot is inside the caller's frame.
        cur.sp = unsafe { result_slot.add(1) };
        Step::Next
    }

    /// Calls `f` with the `argc` positional arguments on top of the stack (below them the
    /// callable itself at `result_slot`, possibly after a NULL marker). Python functions get a
    /// new frame and the loop continues in it; anything else runs to completion here.
    #[inline(always)]
    pub(crate) fn call_positional(
        &mut self,
        cur: &mut Cursor,
        result_slot: *mut Value,
        argc: usize,
    ) -> Step {
        // SAFETY: the callable sits just below the arguments.
        let callable = unsafe { &*cur.sp.sub(argc + 1) };
        if let Value::Function(f) = callable
            && f.is_simple_call(argc)
        {
            // SAFETY: the function object stays in the caller's stack until the call returns,
            // so the reference outlives the frame; detaching it from `cur` lets the frame change.
            let f = unsafe { &*Rc::as_ptr(f) };
            // SAFETY: the arguments are the first `argc` slots of the new frame.
            let base = unsafe { cur.sp.sub(argc) };
            return self.push_simple_frame(cur, f, result_slot, base, argc);
        }
        // A built-in function, or a built-in type's method found by `LoadMethod`.
        if let Value::Builtin(b) = callable {
            let stack_call = b.stack_call;
            return cur.out_of_line(|c| stack_call(self, c, result_slot, argc));
        }
        cur.out_of_line(|c| self.call_general(c, result_slot, argc, &[]))
    }

    /// Calls built-in `func` with the `argc` positional arguments on top of the stack (below
    /// them only the built-in itself and possibly a NULL marker, from `result_slot`): the body
    /// of each built-in's `stack_call`, so that `func` is called directly and usually inlined.
    #[inline(always)]
    pub fn call_builtin_on_stack(
        &mut self,
        cur: &mut Cursor,
        result_slot: *mut Value,
        argc: usize,
        func: impl FnOnce(&mut Vm, Args<'_>) -> PyResult<Value>,
    ) -> Step {
        // SAFETY: the arguments are the top `argc` values; arena slots never move, so the
        // slice stays valid while `func` runs (anything it calls runs in frames above).
        let first_arg = unsafe { cur.sp.sub(argc) };
        let values = unsafe { std::slice::from_raw_parts(first_arg, argc) };
        let result = func(self, Args::positional(values));
        self.finish_builtin_call(cur, result_slot, first_arg, result)
    }

    /// Drops the arguments of a finished built-in call (from `first_arg`) and pushes its
    /// result.
    #[inline(always)]
    fn finish_builtin_call(
        &mut self,
        cur: &mut Cursor,
        result_slot: *mut Value,
        first_arg: *mut Value,
        result: PyResult<Value>,
    ) -> Step {
        // Below the arguments only the built-in or type (nothing to drop) and possibly a
        // NULL marker (an immediate) remain, so the result can be stored over them before the
        // arguments are dropped: it goes straight to its slot instead of being kept across
        // the drops.
        let args_end = cur.sp;
        let step = self.push_native_result(cur, result_slot, result);
        // SAFETY: the arguments are live, consumed by the call, and above the result slot.
        unsafe { drop_range(first_arg, args_end) };
        step
    }

    /// Pushes a frame whose first `argc` slots already hold its arguments, for a call with no
    /// binding work (`f.is_simple_call(argc)`, so `f`'s code is materialized).
    #[inline(always)]
    fn push_simple_frame(
        &mut self,
        cur: &mut Cursor,
        f: &PyFunction,
        result_slot: *mut Value,
        base: *mut Value,
        argc: usize,
    ) -> Step {
        // SAFETY: a simple call's function is materialized.
        let shape = unsafe { f.code_unchecked() }.shape;
        if self.frames.len() >= self.recursion_limit || !self.arena.fits(base, shape.frame_size) {
            return self.raise(recursion_error());
        }
        let nvars = shape.locals_and_cells;
        // SAFETY: the frame fits (checked above); these slots are uninitialized stack slots.
        unsafe {
            for i in argc..nvars {
                base.add(i).write(Value::Undef);
            }
            for (i, cell) in f.closure.iter().enumerate() {
                base.add(nvars + i).write(cell.clone());
            }
        }
        self.enter(cur, f, result_slot, base)
    }

    /// Enters the frame of `f` (materialized) at `base`.
    #[inline(always)]
    fn enter(
        &mut self,
        cur: &mut Cursor,
        f: &PyFunction,
        result_slot: *mut Value,
        base: *mut Value,
    ) -> Step {
        // SAFETY: the callers materialized `f`.
        let code = unsafe { f.code_unchecked() };
        let caller = self.frames.last_mut().expect("a caller frame");
        caller.ip = cur.ip;
        caller.sp = cur.sp;
        // SAFETY: the frame fits in the arena (checked by the caller).
        let sp = unsafe { base.add(code.shape.variable_slots) };
        let frame = Frame {
            func: f,
            base,
            result_slot,
            ip: code.instructions,
            sp,
        };
        *cur = frame.cursor();
        self.frames.push(frame);
        Step::Next
    }

    /// Any call: `argc` values on the stack, the last `kw_names.len()` of them keyword values.
    pub(crate) fn call_general(
        &mut self,
        cur: &mut Cursor,
        result_slot: *mut Value,
        argc: usize,
        kw_names: &[Value],
    ) -> Step {
        // SAFETY: the callable and its arguments are the top argc + 1 values; arena slots never
        // move, so the slices stay valid while the frame stack changes above them.
        let callable_slot = unsafe { cur.sp.sub(argc + 1) };
        // SAFETY: as above.
        let first_arg = unsafe { cur.sp.sub(argc) };
        // A built-in function is called straight from its slot: nothing to clone.
        // SAFETY: as above.
        if let Value::Builtin(b) = unsafe { &*callable_slot } {
            let func = b.func;
            let values = unsafe { std::slice::from_raw_parts(first_arg, argc) };
            let split = argc - kw_names.len();
            let result = func(
                self,
                Args {
                    positional: &values[..split],
                    kw_names,
                    kw_values: &values[split..],
                },
            );
            return self.finish_builtin_call(cur, result_slot, first_arg, result);
        }
        // A type called with positional arguments only (`range(n)`, `list(xs)`) is
        // constructed straight from the stack too.
        // SAFETY: as above.
        if let Value::Type(ty) = unsafe { &*callable_slot }
            && kw_names.is_empty()
        {
            // SAFETY: the arguments are the top `argc` values.
            let values = unsafe { std::slice::from_raw_parts(first_arg, argc) };
            let result = super::builtins::construct(self, *ty, Args::positional(values));
            return self.finish_builtin_call(cur, result_slot, first_arg, result);
        }
        let callable = unsafe { (*callable_slot).clone() };
        if let Value::BoundMethod(bound) = &callable {
            // The receiver takes the bound method's slot, right before the arguments, so the
            // method gets `[receiver, args...]` straight from the stack with no new vector.
            // SAFETY: the slot is live; `callable` keeps the bound method alive meanwhile.
            let receiver_and_args = unsafe {
                discard(std::mem::replace(
                    &mut *callable_slot,
                    bound.receiver.clone(),
                ));
                std::slice::from_raw_parts(callable_slot, argc + 1)
            };
            let method = Value::Builtin(bound.method);
            return self.call_with_values(cur, result_slot, &method, receiver_and_args, kw_names);
        }
        // SAFETY: as above.
        let values = unsafe { std::slice::from_raw_parts(cur.sp.sub(argc), argc) };
        self.call_with_values(cur, result_slot, &callable, values, kw_names)
    }

    /// Calls `callable` with `values` (the last `kw_names.len()` of them keyword values). On
    /// completion everything in `[result_slot, sp)` is dropped and the result takes its place.
    pub(crate) fn call_with_values(
        &mut self,
        cur: &mut Cursor,
        result_slot: *mut Value,
        callable: &Value,
        values: &[Value],
        kw_names: &[Value],
    ) -> Step {
        let split = values.len() - kw_names.len();
        let args = Args {
            positional: &values[..split],
            kw_names,
            kw_values: &values[split..],
        };
        if let Value::Function(f) = callable {
            let base = cur.sp;
            let code = match f.materialize() {
                Ok(code) => code,
                Err(e) => return self.raise(e),
            };
            if self.frames.len() >= self.recursion_limit
                || !self.arena.fits(base, code.shape.frame_size)
            {
                return self.raise(recursion_error());
            }
            if let Err(e) = bind_arguments(f, code, base, args) {
                return self.raise(e);
            }
            return self.enter(cur, f, result_slot, base);
        }
        let result = self.call_native(callable, args);
        self.finish_native_call(cur, result_slot, result)
    }

    /// Replaces the callable and arguments of a finished native call with its result.
    fn finish_native_call(
        &mut self,
        cur: &mut Cursor,
        result_slot: *mut Value,
        result: PyResult<Value>,
    ) -> Step {
        // SAFETY: [result_slot, sp) holds the callable and its arguments, all consumed now.
        unsafe { drop_range(result_slot, cur.sp) };
        self.push_native_result(cur, result_slot, result)
    }

    /// Pushes a native call's result at `result_slot`, the values above it being dropped.
    #[inline(always)]
    fn push_native_result(
        &mut self,
        cur: &mut Cursor,
        result_slot: *mut Value,
        result: PyResult<Value>,
    ) -> Step {
        cur.sp = result_slot;
        match result {
            Ok(value) => {
                cur.push_built(value);
                Step::Next
            }
            Err(e) => self.raise(e),
        }
    }

    /// Calls a callable that is not a Python function.
    fn call_native(&mut self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        match callable {
            Value::Builtin(b) => (b.func)(self, args),
            Value::Type(t) => super::builtins::construct(self, *t, args),
            Value::BoundMethod(m) => {
                let mut positional = Vec::with_capacity(args.positional.len() + 1);
                positional.push(m.receiver.clone());
                positional.extend_from_slice(args.positional);
                (m.method.func)(
                    self,
                    Args {
                        positional: &positional,
                        ..args
                    },
                )
            }
            Value::MethodDescriptor(d) => {
                let Some(receiver) = args.positional.first() else {
                    return Err(type_error(format!(
                        "unbound method {}.{}() needs an argument",
                        d.owner.name(),
                        d.method.name
                    )));
                };
                if !receiver.type_id().is_subtype_of(d.owner) {
                    return Err(type_error(format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        d.method.name,
                        d.owner.name(),
                        receiver.type_name()
                    )));
                }
                (d.method.func)(self, args)
            }
            Value::Function(_) => self.call_value(callable, args),
            other => Err(type_error(format!(
                "'{}' object is not callable",
                other.type_name()
            ))),
        }
    }

    /// Calls any callable from Rust (built-ins calling back into Python, such as `sorted`'s
    /// key): a Python function runs in a nested engine loop above the current frames.
    pub fn call_value(&mut self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        let Value::Function(f) = callable else {
            return self.call_native(callable, args);
        };
        let base = self.next_entry_base();
        let code = f.materialize()?;
        if self.frames.len() >= self.recursion_limit
            || !self.arena.fits(base, code.shape.frame_size)
        {
            return Err(recursion_error());
        }
        bind_arguments(f, code, base, args)?;
        // SAFETY: the frame fits in the arena (checked above).
        let sp = unsafe { base.add(code.shape.variable_slots) };
        self.frames.push(Frame {
            func: Rc::as_ptr(f),
            base,
            result_slot: std::ptr::null_mut(),
            ip: code.instructions,
            sp,
        });
        (self.backend.execute)(self)
    }

    /// Calls with positional arguments only.
    pub fn call(&mut self, callable: &Value, positional: &[Value]) -> PyResult<Value> {
        self.call_value(callable, Args::positional(positional))
    }
}

#[cold]
pub fn recursion_error() -> PyErr {
    error(TypeId::RecursionError, "maximum recursion depth exceeded")
}

/// Binds a call's arguments to the parameters of `f` in a fresh frame at `base`, with
/// CPython's rules and messages; initializes every variable slot of the frame. Binding writes
/// straight into the frame, so a call with keywords or defaults allocates nothing either
/// (only `*args` tuples and `**kwargs` dicts are new objects). On error the frame's slots are
/// dropped again. The common case (`is_simple_call`, no keywords) is inlined into the callers;
/// everything else is out of line.
#[inline(always)]
fn bind_arguments(f: &PyFunction, rt: &RtCode, base: *mut Value, args: Args<'_>) -> PyResult<()> {
    let argc = args.positional.len();
    if f.is_simple_call(argc) && args.kw_names.is_empty() {
        // The arguments fill the parameters in order; the frame is laid out as
        // `push_simple_frame` lays it out.
        let nvars = rt.shape.locals_and_cells;
        // SAFETY: the caller checked that the whole frame fits at `base`.
        unsafe {
            for (i, value) in args.positional.iter().enumerate() {
                base.add(i).write(value.clone());
            }
            for i in argc..nvars {
                base.add(i).write(Value::Undef);
            }
            for (i, cell) in f.closure.iter().enumerate() {
                base.add(nvars + i).write(cell.clone());
            }
        }
        return Ok(());
    }
    bind_general(f, &rt.code, base, args)
}

#[inline(never)]
fn bind_general(
    f: &PyFunction,
    code: &CodeObject,
    base: *mut Value,
    args: Args<'_>,
) -> PyResult<()> {
    let nvars = code.variable_slots();
    // SAFETY: the caller checked that the whole frame fits at `base`; every variable slot is
    // initialized here before the slice is formed.
    let slots = unsafe {
        for i in 0..nvars {
            base.add(i).write(Value::Undef);
        }
        std::slice::from_raw_parts_mut(base, nvars)
    };
    let free_start = nvars - code.freevars.len();
    for (slot, cell) in slots[free_start..].iter_mut().zip(&f.closure) {
        *slot = cell.clone();
    }
    let result = bind_parameters(f, code, &mut slots[..code.varnames.len()], args);
    if result.is_err() {
        // SAFETY: the slots are initialized and owned by this unfinished frame.
        unsafe { drop_range(base, base.add(nvars)) };
    }
    result
}

fn bind_parameters(
    f: &PyFunction,
    code: &CodeObject,
    slots: &mut [Value],
    args: Args<'_>,
) -> PyResult<()> {
    let argcount = code.argcount as usize;
    let kwonly = code.kwonlyargcount as usize;
    let name = &code.qualname;
    let positional = args.positional;
    for (slot, value) in slots.iter_mut().zip(positional.iter().take(argcount)) {
        *slot = value.clone();
    }
    let mut next_slot = argcount + kwonly;
    if code.has_varargs() {
        let extra = positional.get(argcount..).unwrap_or(&[]).to_vec();
        slots[next_slot] = Value::tuple(extra);
        next_slot += 1;
    } else if positional.len() > argcount {
        return Err(too_many_positional(
            f,
            code,
            positional.len(),
            args.kw_names.len(),
        ));
    }
    let kwargs = if code.has_varkeywords() {
        let d = Rc::new(PyDict::new());
        slots[next_slot] = Value::Dict(d.clone());
        Some(d)
    } else {
        None
    };
    let posonly = code.posonlyargcount as usize;
    for (key, value) in args.kw_names.iter().zip(args.kw_values) {
        let Value::Str(key_str) = key else {
            return Err(type_error("keywords must be strings"));
        };
        let key_str = key_str.as_str();
        let found = code.varnames[..argcount + kwonly]
            .iter()
            .position(|p| **p == *key_str)
            .filter(|&i| i >= posonly);
        match found {
            Some(i) if !matches!(slots[i], Value::Undef) => {
                return Err(type_error(format!(
                    "{name}() got multiple values for argument '{key_str}'"
                )));
            }
            Some(i) => slots[i] = value.clone(),
            None => match &kwargs {
                Some(d) => d.set(key.clone(), value.clone())?,
                None if code.varnames[..posonly].iter().any(|p| **p == *key_str) => {
                    return Err(type_error(format!(
                        "{name}() got some positional-only arguments passed as keyword arguments: '{key_str}'"
                    )));
                }
                None => {
                    return Err(type_error(format!(
                        "{name}() got an unexpected keyword argument '{key_str}'"
                    )));
                }
            },
        }
    }
    let first_default = argcount - f.default_values().len();
    let mut missing = Vec::new();
    for (i, slot) in slots.iter_mut().enumerate().take(argcount) {
        if matches!(slot, Value::Undef) {
            if i >= first_default {
                *slot = f.default_values()[i - first_default].clone();
            } else {
                missing.push(&*code.varnames[i]);
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(name, "positional", &missing));
    }
    for (i, slot) in slots
        .iter_mut()
        .enumerate()
        .take(argcount + kwonly)
        .skip(argcount)
    {
        if matches!(slot, Value::Undef) {
            let default = f
                .kwdefaults
                .as_ref()
                .and_then(|d| d.get_str(&code.varnames[i]));
            match default {
                Some(v) => *slot = v,
                None => missing.push(&*code.varnames[i]),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(name, "keyword-only", &missing));
    }
    Ok(())
}

#[cold]
fn too_many_positional(f: &PyFunction, code: &CodeObject, given: usize, kw_given: usize) -> PyErr {
    let argcount = code.argcount as usize;
    let required = argcount - f.default_values().len();
    let takes = if f.default_values().is_empty() {
        format!("{argcount}")
    } else {
        format!("from {required} to {argcount}")
    };
    let plural = if argcount == 1 && f.default_values().is_empty() {
        ""
    } else {
        "s"
    };
    let was = if given == 1 { "was" } else { "were" };
    let keyword_part = if kw_given > 0 {
        format!(
            " positional argument{} (and {kw_given} keyword-only argument{})",
            if given == 1 { "" } else { "s" },
            if kw_given == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    if keyword_part.is_empty() {
        type_error(format!(
            "{}() takes {takes} positional argument{plural} but {given} {was} given",
            code.qualname
        ))
    } else {
        type_error(format!(
            "{}() takes {takes} positional argument{plural} but {given}{keyword_part} were given",
            code.qualname
        ))
    }
}

#[cold]
fn missing_arguments(name: &str, kind: &str, missing: &[&str]) -> PyErr {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    };
    type_error(format!(
        "{name}() missing {} required {kind} argument{}: {list}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    ))
}

impl Drop for Vm {
    fn drop(&mut self) {
        self.output.flush();
    }
}
