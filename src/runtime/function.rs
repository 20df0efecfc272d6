//! Function objects and the runtime form of code objects. `RtCode` pairs a plain-data
//! `CodeObject` with its constants converted to values once (not per execution) and with the
//! per-instruction caches the engines' global lookups use.

use std::cell::Cell;
use std::rc::Rc;

use crate::bytecode::code::LazyCode;
use crate::bytecode::serialize::DecodeError;
use crate::bytecode::{CodeObject, Constant, Instr};

use super::dict::{HashKey, PyDict};
use super::exceptions::{PyErr, PyResult, error, type_error};
use super::frame::Cursor;
use super::set::{PySet, SetTable};
use super::str::PyStr;
use super::types::TypeId;
use super::value::Value;
use super::vm::{Step, Vm};

/// One entry of the global-lookup cache: where the name's value lives inside the globals or
/// builtins dictionary. Entries never move while both dictionaries keep their layout (no key
/// added or removed), which the two versions check; a store to an existing key updates the
/// value in place, so the pointer stays right.
#[derive(Clone, Copy)]
pub struct GlobalCacheEntry {
    pub globals_version: u64,
    pub builtins_version: u64,
    /// Null until the name is first found.
    pub value: *const Value,
}

impl Default for GlobalCacheEntry {
    fn default() -> GlobalCacheEntry {
        GlobalCacheEntry {
            globals_version: 0,
            builtins_version: 0,
            value: std::ptr::null(),
        }
    }
}

/// Slot counts of a frame of one code object, derived once: every call reads them.
#[derive(Clone, Copy)]
pub struct FrameShape {
    /// The first cell slot: the number of local variables (`varnames`).
    pub cells_start: usize,
    /// Local variables plus cells: the slots a call initializes besides free variables.
    pub locals_and_cells: usize,
    /// All variable slots (locals, cells, free variables); the value stack starts after them.
    pub variable_slots: usize,
    /// Variable slots plus the deepest value stack.
    pub frame_size: usize,
}

pub struct RtCode {
    pub code: Rc<CodeObject>,
    pub shape: FrameShape,
    /// `code.instructions`' first element: jumps and tracebacks work with pointers into it.
    pub instructions: *const Instr,
    pub constants: Vec<Value>,
    /// `code.names` as interned str values.
    pub names: Vec<Value>,
    /// One cache entry per name index, for `LoadGlobal`.
    pub global_cache: Vec<Cell<GlobalCacheEntry>>,
    /// One entry per name index, for `LoadMethod` on built-in types: the receiver type last
    /// seen and its method of that name.
    pub method_cache: Vec<Cell<Option<(TypeId, &'static BuiltinFunction)>>>,
    pub filename: Rc<str>,
    /// The code's name, as tracebacks show it.
    pub name: Rc<str>,
    /// The running engine's own form of this code, made once before it first runs.
    pub translation: Translation,
}

/// An engine's translation of one code object. The runtime keeps it with the code and points
/// `RtCode::instructions` at replacement instructions when there are some; what else an engine
/// runs from (closure-threaded code) is opaque to the runtime.
#[derive(Default)]
pub struct Translation {
    /// Instructions to run instead of the compiler's: the same length and indices, so jump
    /// targets, line numbers and tracebacks apply unchanged.
    pub instructions: Option<Box<[Instr]>>,
    pub engine_code: Option<Box<dyn std::any::Any>>,
}

/// An engine's translator, called once per code object.
pub type Translator = fn(&CodeObject) -> Translation;

impl RtCode {
    pub fn new(code: Rc<CodeObject>, translate: Translator) -> Rc<RtCode> {
        let constants = code
            .constants
            .iter()
            .map(|c| constant_value(c, translate))
            .collect();
        let names: Vec<Value> = interned_all(&code.names);
        let global_cache = (0..names.len()).map(|_| Cell::default()).collect();
        let method_cache = (0..names.len()).map(|_| Cell::new(None)).collect();
        let filename = code.filename.clone();
        let name = code.name.clone();
        let shape = FrameShape {
            cells_start: code.varnames.len(),
            locals_and_cells: code.varnames.len() + code.cellvars.len(),
            variable_slots: code.variable_slots(),
            frame_size: code.frame_size(),
        };
        let translation = translate(&code);
        let instructions = match &translation.instructions {
            Some(replacement) => replacement.as_ptr(),
            None => code.instructions.as_ptr(),
        };
        Rc::new(RtCode {
            shape,
            instructions,
            translation,
            code,
            constants,
            names,
            global_cache,
            method_cache,
            filename,
            name,
        })
    }

    pub fn name_str(&self, index: u32) -> &str {
        match &self.names[index as usize] {
            Value::Str(s) => s.as_str(),
            _ => "",
        }
    }
}

/// A code object constant as a value. Its runtime form is made when a function made from it
/// is first called, not when the enclosing code is loaded or the function defined: most
/// functions of a large module are never called in one run, and building every nested code
/// object's runtime form up front cost as much as running the module body. A code object read
/// from a compiled file is decoded and verified at that point too. The engine's translator
/// runs once, with that runtime form.
pub struct CodeValue {
    source: CodeSource,
    translate: Translator,
    runtime: std::cell::OnceCell<Rc<RtCode>>,
}

enum CodeSource {
    Code(Rc<CodeObject>),
    Lazy(Rc<LazyCode>),
}

impl CodeValue {
    /// The runtime form, made on first use; an error if the code's body, read from a compiled
    /// file, is not valid code.
    pub fn runtime(&self) -> PyResult<&Rc<RtCode>> {
        if let Some(runtime) = self.runtime.get() {
            return Ok(runtime);
        }
        let code = match &self.source {
            CodeSource::Code(code) => code.clone(),
            CodeSource::Lazy(lazy) => lazy
                .code()
                .map_err(|e| corrupt_code(lazy.filename(), &e))?
                .clone(),
        };
        Ok(self
            .runtime
            .get_or_init(|| RtCode::new(code, self.translate)))
    }

    pub fn name(&self) -> &Rc<str> {
        match &self.source {
            CodeSource::Code(code) => &code.name,
            CodeSource::Lazy(lazy) => &lazy.name,
        }
    }

    pub fn qualname(&self) -> &Rc<str> {
        match &self.source {
            CodeSource::Code(code) => &code.qualname,
            CodeSource::Lazy(lazy) => &lazy.qualname,
        }
    }

    pub fn filename(&self) -> &Rc<str> {
        match &self.source {
            CodeSource::Code(code) => &code.filename,
            CodeSource::Lazy(lazy) => lazy.filename(),
        }
    }

    pub fn first_line(&self) -> u32 {
        match &self.source {
            CodeSource::Code(code) => code.first_line,
            CodeSource::Lazy(lazy) => lazy.first_line,
        }
    }

    /// How many cells a function of this code closes over.
    pub fn freevar_count(&self) -> usize {
        match &self.source {
            CodeSource::Code(code) => code.freevars.len(),
            CodeSource::Lazy(lazy) => lazy.freevar_count as usize,
        }
    }
}

#[cold]
#[inline(never)]
fn corrupt_code(filename: &str, why: &DecodeError) -> PyErr {
    error(
        TypeId::SystemError,
        format!("corrupt compiled code in '{filename}': {why}"),
    )
}

/// The shared str object for a constant or name. Equal literals anywhere in the program are
/// one object, so dictionary lookups by literal keys (`task['state']`) usually match by
/// pointer before comparing text, as with CPython's interned strings.
fn interned(text: &str) -> Value {
    INTERNED.with(|table| table.borrow_mut().intern(text))
}

/// `interned` of each of `names`, with room made for them all at once: a module's code names
/// a thousand globals, and growing the table step by step rehashed it ten times.
fn interned_all(names: &[Rc<str>]) -> Vec<Value> {
    INTERNED.with(|table| {
        let mut table = table.borrow_mut();
        table.0.reserve(names.len());
        names.iter().map(|name| table.intern(name)).collect()
    })
}

thread_local! {
    static INTERNED: std::cell::RefCell<InternTable> = std::cell::RefCell::default();
}

/// The interned str objects, found by their text (which never changes: the lint about keys
/// with interior mutability does not apply, as only the cached hash is mutable).
#[derive(Default)]
struct InternTable(rustc_hash::FxHashSet<Interned>);

impl InternTable {
    fn intern(&mut self, text: &str) -> Value {
        // Looked up before inserting: most names recur. The str object is its own key (looked
        // up by its text), so a new name costs one string, not a second copy as the key.
        if let Some(Interned(s)) = self.0.get(text) {
            return Value::Str(s.clone());
        }
        let s = PyStr::new(text);
        self.0.insert(Interned(s.clone()));
        Value::Str(s)
    }
}

/// An interned str object, hashed and compared by its text.
struct Interned(PyStr);

impl std::borrow::Borrow<str> for Interned {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl std::hash::Hash for Interned {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.as_str().hash(state);
    }
}

impl PartialEq for Interned {
    fn eq(&self, other: &Interned) -> bool {
        self.0.as_str() == other.0.as_str()
    }
}

impl Eq for Interned {}

fn constant_value(constant: &Constant, translate: Translator) -> Value {
    match constant {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(digits) => match digits.parse::<dashu_int::IBig>() {
            Ok(n) => Value::from_ibig(n),
            Err(_) => Value::None,
        },
        Constant::Float(f) => Value::Float(*f),
        Constant::Str(s) => interned(s),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Tuple(items) => Value::tuple(
            items
                .iter()
                .map(|item| constant_value(item, translate))
                .collect(),
        ),
        Constant::FrozenSet(items) => frozenset_constant(items),
        Constant::Code(code) => code_value(CodeSource::Code(code.clone()), translate),
        Constant::LazyCode(lazy) => code_value(CodeSource::Lazy(lazy.clone()), translate),
    }
}

fn code_value(source: CodeSource, translate: Translator) -> Value {
    Value::Code(Rc::new(CodeValue {
        source,
        translate,
        runtime: std::cell::OnceCell::new(),
    }))
}

/// Frozenset constants hold no code.
fn no_translation(_: &CodeObject) -> Translation {
    Translation::default()
}

/// A frozenset constant laid out as CPython's compiler leaves it: built from the items in
/// source order, then rebuilt from that set's iteration order when the compiler merges equal
/// constants.
fn frozenset_constant(items: &[Constant]) -> Value {
    let keys = items.iter().map(|item| {
        HashKey::new(constant_value(item, no_translation)).expect("constants are hashable")
    });
    let built = SetTable::from_keys(keys);
    let merged = SetTable::from_keys(built.iter().cloned());
    Value::FrozenSet(Rc::new(PySet::new(merged)))
}

struct FunctionNames {
    name: PyStr,
    qualname: PyStr,
}

pub struct PyFunction {
    /// The runtime form of the function's code, made at its first call (`materialize`).
    runtime: std::cell::OnceCell<Rc<RtCode>>,
    /// Where `runtime` comes from.
    code: Rc<CodeValue>,
    pub globals: Rc<PyDict>,
    /// `__name__` and `__qualname__`, made when first asked for: most functions are never
    /// asked, and a module of a thousand `def`s would otherwise allocate two thousand strings
    /// at start-up.
    names: std::cell::OnceCell<FunctionNames>,
    /// Defaults of the last positional parameters: the tuple `MakeFunction` was given (shared,
    /// not copied), if any.
    pub defaults: Option<Rc<Vec<Value>>>,
    /// Defaults of keyword-only parameters.
    pub kwdefaults: Option<Rc<PyDict>>,
    /// The cells of the free variables, in `code.freevars` order.
    pub closure: Vec<Value>,
    /// The positional argument count of calls that need no binding work (no `*args`,
    /// `**kwargs` or keyword-only parameters, no defaults used): `argcount` when the function
    /// has such calls, `usize::MAX` when it has none or its runtime form is not made yet (so
    /// the first call takes the general path, which makes it). Set only once `runtime` is.
    simple_argcount: Cell<usize>,
    /// The function's `__dict__`, created on first use (`f.calls = 0`).
    pub attributes: std::cell::OnceCell<Rc<PyDict>>,
}

impl PyFunction {
    /// Defaults of the last positional parameters.
    pub fn default_values(&self) -> &[Value] {
        self.defaults.as_deref().map_or(&[], |d| d.as_slice())
    }

    /// `__name__`.
    pub fn name(&self) -> &PyStr {
        &self.names().name
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> &PyStr {
        &self.names().qualname
    }

    fn names(&self) -> &FunctionNames {
        self.names.get_or_init(|| {
            let (name, qualname) = (self.code.name(), self.code.qualname());
            let name_object = PyStr::new(name);
            // A top-level function's qualified name is its name: one object.
            let qualname = if name == qualname {
                name_object.clone()
            } else {
                PyStr::new(qualname)
            };
            FunctionNames {
                name: name_object,
                qualname,
            }
        })
    }

    pub fn attributes(&self) -> &Rc<PyDict> {
        self.attributes.get_or_init(|| Rc::new(PyDict::new()))
    }

    /// A module body run as a function of no arguments, so frames treat both alike.
    pub fn for_module(code: Rc<RtCode>, translate: Translator, globals: Rc<PyDict>) -> PyFunction {
        let source = Rc::new(CodeValue {
            source: CodeSource::Code(code.code.clone()),
            translate,
            runtime: std::cell::OnceCell::from(code.clone()),
        });
        PyFunction {
            runtime: std::cell::OnceCell::from(code),
            code: source,
            globals,
            names: std::cell::OnceCell::new(),
            defaults: None,
            kwdefaults: None,
            closure: Vec::new(),
            simple_argcount: Cell::new(usize::MAX),
            attributes: std::cell::OnceCell::new(),
        }
    }

    /// A function of `code` (whose runtime form is made at the first call), as `MakeFunction`
    /// makes it: the closure must have one cell per free variable of the code.
    pub fn new(
        code: Rc<CodeValue>,
        globals: Rc<PyDict>,
        defaults: Option<Rc<Vec<Value>>>,
        kwdefaults: Option<Rc<PyDict>>,
        closure: Vec<Value>,
    ) -> PyFunction {
        PyFunction {
            names: std::cell::OnceCell::new(),
            runtime: std::cell::OnceCell::new(),
            code,
            globals,
            defaults,
            kwdefaults,
            closure,
            simple_argcount: Cell::new(usize::MAX),
            attributes: std::cell::OnceCell::new(),
        }
    }

    /// The runtime form of the function's code, made (decoded and verified first, when read
    /// from a compiled file) at the first call.
    #[inline(always)]
    pub fn materialize(&self) -> PyResult<&RtCode> {
        match self.runtime.get() {
            Some(code) => Ok(code),
            None => self.materialize_first(),
        }
    }

    #[cold]
    #[inline(never)]
    fn materialize_first(&self) -> PyResult<&RtCode> {
        let code = self.code.runtime()?.clone();
        let code = self.runtime.get_or_init(|| code);
        let c = &code.code;
        let simple = c.kwonlyargcount == 0 && !c.has_varargs() && !c.has_varkeywords();
        if simple {
            self.simple_argcount.set(c.argcount as usize);
        }
        Ok(code)
    }

    /// Whether calls with `argc` positional arguments and no keywords need no binding work;
    /// true only once the code is materialized.
    #[inline(always)]
    pub fn is_simple_call(&self, argc: usize) -> bool {
        self.simple_argcount.get() == argc
    }

    /// The runtime code of a function that has been called before.
    ///
    /// # Safety
    /// `materialize` must have succeeded for this function (as it has for any function a
    /// frame runs).
    #[inline(always)]
    pub unsafe fn code_unchecked(&self) -> &RtCode {
        // SAFETY: the caller's promise.
        unsafe { self.runtime.get().unwrap_unchecked() }
    }
}

/// Arguments of a built-in call, borrowed from the caller's value stack: positional values,
/// then keyword names (str values) and their values.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub positional: &'a [Value],
    pub kw_names: &'a [Value],
    pub kw_values: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn positional(values: &'a [Value]) -> Args<'a> {
        Args {
            positional: values,
            kw_names: &[],
            kw_values: &[],
        }
    }

    pub fn has_keywords(&self) -> bool {
        !self.kw_names.is_empty()
    }

    /// Binds the arguments after the first `skip` positional ones (a method's receiver) to
    /// `params` the way CPython's Argument Clinic (`_PyArg_UnpackKeywords`) does, with its
    /// messages: the first `posonly` parameters are positional-only, at most `maxpos` may be
    /// passed by position (the rest are keyword-only), the first `min` are required.
    pub fn bind<const N: usize>(
        &self,
        fname: &str,
        skip: usize,
        params: [&str; N],
        posonly: usize,
        min: usize,
        maxpos: usize,
    ) -> PyResult<[Option<&'a Value>; N]> {
        let positional = &self.positional[skip.min(self.positional.len())..];
        let (nargs, nkw) = (positional.len(), self.kw_names.len());
        let s = |n: usize| if n == 1 { "" } else { "s" };
        if nargs + nkw > N {
            return Err(type_error(format!(
                "{fname}() takes at most {N} {}argument{} ({} given)",
                if nargs == 0 { "keyword " } else { "" },
                s(N),
                nargs + nkw
            )));
        }
        let min_posonly = posonly.min(min);
        if nargs > maxpos {
            return Err(type_error(if maxpos == 0 {
                format!("{fname}() takes no positional arguments")
            } else {
                format!(
                    "{fname}() takes {} {maxpos} positional argument{} ({nargs} given)",
                    if min_posonly < maxpos {
                        "at most"
                    } else {
                        "exactly"
                    },
                    s(maxpos)
                )
            }));
        }
        if nargs < min_posonly {
            return Err(type_error(format!(
                "{fname}() takes {} {min_posonly} positional argument{} ({nargs} given)",
                if min_posonly < maxpos {
                    "at least"
                } else {
                    "exactly"
                },
                s(min_posonly)
            )));
        }
        let mut bound: [Option<&'a Value>; N] = [None; N];
        let mut matched = 0;
        for (i, slot) in bound.iter_mut().enumerate() {
            if i < nargs {
                *slot = Some(&positional[i]);
                continue;
            }
            if i >= posonly
                && let Some(v) = self.keyword(params[i])
            {
                *slot = Some(v);
                matched += 1;
            } else if i < min {
                return Err(type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    params[i],
                    i + 1
                )));
            }
        }
        if matched < nkw {
            for (i, name) in params.iter().enumerate().take(nargs).skip(posonly) {
                if self.keyword(name).is_some() {
                    return Err(type_error(format!(
                        "argument for {fname}() given by name ('{name}') and position ({})",
                        i + 1
                    )));
                }
            }
            for name in self.kw_names {
                if let Value::Str(k) = name
                    && !params[posonly..].contains(&k.as_str())
                {
                    return Err(type_error(format!(
                        "'{}' is an invalid keyword argument for {fname}()",
                        k.as_str()
                    )));
                }
            }
        }
        Ok(bound)
    }

    /// The value of keyword argument `name`, if given.
    pub fn keyword(&self, name: &str) -> Option<&'a Value> {
        self.kw_names
            .iter()
            .position(|n| matches!(n, Value::Str(s) if s.as_str() == name))
            .map(|i| &self.kw_values[i])
    }
}

pub type BuiltinFn = fn(&mut Vm, Args<'_>) -> PyResult<Value>;

/// A built-in's entry for a call with positional arguments only, made from the value stack:
/// the `argc` arguments on top, the callable (possibly after a NULL marker) from the result
/// slot below them. It runs the built-in and leaves its result in the result slot.
pub type StackCall = fn(&mut Vm, &mut Cursor, *mut Value, usize) -> Step;

pub struct BuiltinFunction {
    pub name: &'static str,
    pub func: BuiltinFn,
    /// `func` called straight from the value stack, with the call's plumbing specialized to
    /// it: positional calls (most built-in calls) cost one indirect call this way.
    pub stack_call: StackCall,
}

/// The `BuiltinFunction` of `name` and `func` (in a static table), called from the value stack
/// through `func`, or through a hand-written `stack_call` (`stack_calls`) when one is given.
#[macro_export]
macro_rules! builtin_function {
    ($name:expr, $func:path) => {
        $crate::builtin_function!($name, $func, |vm, cur, result_slot, argc| {
            vm.call_builtin_on_stack(cur, result_slot, argc, $func)
        })
    };
    ($name:expr, $func:path, $stack_call:expr) => {
        $crate::runtime::function::BuiltinFunction {
            name: $name,
            func: $func,
            stack_call: $stack_call,
        }
    };
}

/// A built-in method bound to its receiver (`xs.append` used as a value).
pub struct BoundMethod {
    pub receiver: Value,
    pub method: &'static BuiltinFunction,
}
