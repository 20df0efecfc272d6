//! The value representation. A `Value` is 16 bytes: a one-byte tag and an 8-byte payload.
//! `None`, booleans, machine integers and floats are immediates, so the hot arithmetic and
//! compare-and-branch paths never touch the heap; everything else is a reference-counted
//! pointer (`Rc`), which frees objects deterministically as CPython does.
//!
//! `#[repr(u8)]` pins the tag of `Undef` to 0, so zeroed memory is a valid run of unbound
//! slots: the frame arena hands out fresh, lazily zeroed chunks without initializing them.

use std::cell::RefCell;
use std::rc::Rc;

use dashu_int::IBig;

use super::dict::PyDict;
use super::exceptions::PyException;
use super::function::{BoundMethod, BuiltinFunction, CodeValue, PyFunction};
use super::iter::PyIter;
use super::module::PyModule;
use super::set::PySet;
use super::str::{PyStr, StrBuilder};
use super::types::TypeId;

pub type PyList = RefCell<Vec<Value>>;

#[derive(Default)]
#[repr(u8)]
pub enum Value {
    /// An unbound variable, or CPython's NULL stack marker (e.g. below a plain function pushed by
    /// `LoadMethod`). Never visible to Python code.
    #[default]
    Undef = 0,
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// An int beyond i64. Invariant: never holds a value that fits in i64.
    BigInt(Rc<IBig>),
    Str(PyStr),
    List(Rc<PyList>),
    Tuple(Rc<Vec<Value>>),
    Dict(Rc<PyDict>),
    Set(Rc<PySet>),
    FrozenSet(Rc<PySet>),
    Range(Rc<PyRange>),
    Slice(Rc<PySlice>),
    Function(Rc<PyFunction>),
    Builtin(&'static BuiltinFunction),
    BoundMethod(Rc<BoundMethod>),
    Iter(Rc<RefCell<PyIter>>),
    Module(Rc<PyModule>),
    Type(TypeId),
    Exception(Rc<PyException>),
    Cell(Rc<RefCell<Value>>),
    Code(Rc<CodeValue>),
    Ellipsis,
    /// `d.keys()`, `d.values()`, `d.items()`: live views of a dict.
    DictView(Rc<DictView>),
    /// A built-in method taken from its type, unbound (`str.upper`).
    MethodDescriptor(Rc<MethodDescriptor>),
}

pub struct MethodDescriptor {
    pub owner: TypeId,
    pub method: &'static BuiltinFunction,
}

pub struct DictView {
    pub dict: Rc<PyDict>,
    /// `TypeId::DictKeys`, `DictValues` or `DictItems`.
    pub kind: TypeId,
}

/// `range(start, stop, step)`. Bounds are 128-bit so ranges past i64 (`range(10**20)`) work
/// without big-integer arithmetic per step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyRange {
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

impl PyRange {
    pub fn len(&self) -> i128 {
        let (start, stop, step) = (self.start, self.stop, self.step);
        let (span, stride) = if step > 0 && start < stop {
            (stop - start, step)
        } else if step < 0 && start > stop {
            (start - stop, -step)
        } else {
            return 0;
        };
        // Every `for` loop over a range asks once: 128-bit division is a library call, so the
        // usual strides take a shortcut.
        match (stride, u64::try_from(span - 1), u64::try_from(stride)) {
            (1, _, _) => span,
            (_, Ok(last), Ok(stride)) => (last / stride) as i128 + 1,
            _ => (span - 1) / stride + 1,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn item(&self, index: i128) -> i128 {
        self.start + index * self.step
    }
}

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

impl Clone for Value {
    /// A clone is a reference-count bump (out of line, heap values only) and a bitwise copy of
    /// all 16 bytes. Building the clone variant by variant instead would write it piecewise
    /// through memory, and the next 16-byte copy of it would miss store-to-load forwarding.
    #[inline(always)]
    fn clone(&self) -> Value {
        if !self.is_immediate() {
            self.retain();
        }
        // SAFETY: immediates own nothing; for heap values `retain` has just taken the
        // reference that the copied pointer now owns.
        unsafe { std::ptr::read(self) }
    }
}

/// Writers of freshly computed immediates into a value slot. Each writes all 16 bytes with one
/// store: slots are otherwise copied as whole 16-byte blocks, and a wide load of a slot that
/// was written piecewise (a tag byte, then a payload word — what the compiler emits for
/// `Value::Int(i)`) cannot take the store-to-load forwarding path and stalls.
pub mod slot {
    use super::Value;

    /// Tags in `repr(u8)` declaration order.
    const TAG_BOOL: u64 = 2;
    const TAG_INT: u64 = 3;
    const TAG_FLOAT: u64 = 4;

    /// # Safety
    /// `slot` is valid for a 16-byte write and holds no value that needs dropping.
    #[inline(always)]
    unsafe fn store_words(slot: *mut Value, low: u64, high: u64) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: SSE2 is part of x86-64; the caller guarantees the slot.
        unsafe {
            use std::arch::x86_64::{__m128i, _mm_set_epi64x, _mm_storeu_si128};
            _mm_storeu_si128(
                slot as *mut __m128i,
                _mm_set_epi64x(high as i64, low as i64),
            );
        }
        #[cfg(not(target_arch = "x86_64"))]
        // SAFETY: as above; other targets get two word stores.
        unsafe {
            let words = slot as *mut u64;
            words.write(low);
            words.add(1).write(high);
        }
    }

    /// # Safety
    /// As for `store_words`.
    #[inline(always)]
    pub unsafe fn write_int(slot: *mut Value, i: i64) {
        // SAFETY: an Int is its tag in the first byte and the i64 at offset 8.
        unsafe { store_words(slot, TAG_INT, i as u64) }
    }

    /// # Safety
    /// As for `store_words`.
    #[inline(always)]
    pub unsafe fn write_float(slot: *mut Value, f: f64) {
        // SAFETY: a Float is its tag in the first byte and the f64 at offset 8.
        unsafe { store_words(slot, TAG_FLOAT, f.to_bits()) }
    }

    /// # Safety
    /// As for `store_words`.
    #[inline(always)]
    pub unsafe fn write_bool(slot: *mut Value, b: bool) {
        // SAFETY: a Bool is its tag in the first byte and the bool in the second.
        unsafe { store_words(slot, TAG_BOOL | (b as u64) << 8, 0) }
    }

    /// A value's 16 bytes in one vector register. A value read out of a container by
    /// `clone` travels as its tag and its payload bytes, and is then written back in three
    /// pieces; carried as `Bits` it is read with one 16-byte load and written with one store.
    #[derive(Clone, Copy)]
    pub struct Bits(
        #[cfg(target_arch = "x86_64")] std::arch::x86_64::__m128i,
        #[cfg(not(target_arch = "x86_64"))] [u64; 2],
    );

    /// The 16 bytes of the value at `value`, which stays where it is and keeps its reference.
    /// # Safety
    /// `value` is valid for a 16-byte read.
    #[inline(always)]
    unsafe fn read_bits(value: *const Value) -> Bits {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: SSE2 is part of x86-64; the caller guarantees the read.
        unsafe {
            Bits(std::arch::x86_64::_mm_loadu_si128(value as *const _))
        }
        #[cfg(not(target_arch = "x86_64"))]
        // SAFETY: as above.
        unsafe {
            Bits(std::ptr::read_unaligned(value as *const [u64; 2]))
        }
    }

    /// # Safety
    /// As for `store_words`; `bits` are a value's whose reference the slot now owns.
    #[inline(always)]
    pub unsafe fn write_bits(slot: *mut Value, bits: Bits) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: SSE2 is part of x86-64; the caller guarantees the slot.
        unsafe {
            std::arch::x86_64::_mm_storeu_si128(slot as *mut _, bits.0)
        }
        #[cfg(not(target_arch = "x86_64"))]
        // SAFETY: as above.
        unsafe {
            std::ptr::write_unaligned(slot as *mut [u64; 2], bits.0)
        }
    }

    /// A clone of `value` as bits: its reference count bumped (heap values), its 16 bytes
    /// read at once.
    #[inline(always)]
    pub fn clone_bits(value: &Value) -> Bits {
        if !value.is_immediate() {
            value.retain();
        }
        // SAFETY: a reference is valid for reading its 16 bytes; the bits own the reference
        // just taken.
        unsafe { read_bits(value) }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn bits_carry_a_clone() {
            use std::rc::Rc;
            let original = Value::list(vec![Value::Int(1)]);
            let bits = clone_bits(&original);
            let mut copy = Value::None;
            unsafe { write_bits(&mut copy, bits) };
            assert!(
                matches!((&original, &copy), (Value::List(a), Value::List(b)) if Rc::ptr_eq(a, b) && Rc::strong_count(a) == 2)
            );
            drop(copy);
            assert!(matches!(&original, Value::List(a) if Rc::strong_count(a) == 1));
            let bits = clone_bits(&Value::Float(-0.5));
            let mut float = Value::None;
            unsafe { write_bits(&mut float, bits) };
            assert!(matches!(float, Value::Float(f) if f == -0.5));
        }

        #[test]
        fn writers_agree_with_the_enum_layout() {
            let mut v = Value::None;
            unsafe { write_int(&mut v, -7) };
            assert!(matches!(v, Value::Int(-7)));
            unsafe { write_float(&mut v, 2.5) };
            assert!(matches!(v, Value::Float(f) if f == 2.5));
            unsafe { write_bool(&mut v, true) };
            assert!(matches!(v, Value::Bool(true)));
            unsafe { write_bool(&mut v, false) };
            assert!(matches!(v, Value::Bool(false)));
        }
    }
}

/// Drops a value, skipping the drop glue's dispatch for immediates: the common case on the
/// hot paths that overwrite locals and pop the stack.
#[inline(always)]
pub fn discard(value: Value) {
    if value.is_immediate() {
        std::mem::forget(value);
    } else {
        drop(value);
    }
}

impl Value {
    /// True for the variants that own no heap object (`Undef`, `None`, `Bool`, `Int`,
    /// `Float`): the first five tags, by the `repr(u8)` declaration order.
    #[inline(always)]
    pub fn is_immediate(&self) -> bool {
        // SAFETY: `repr(u8)` puts the tag in the first byte.
        unsafe { *(self as *const Value as *const u8) <= 4 }
    }

    /// True for `None`, `Bool`, `Int` and `Float`: the immediates other than `Undef`, tags
    /// 1 to 4, picked out with one unsigned range test.
    #[inline(always)]
    pub fn is_bound_immediate(&self) -> bool {
        // SAFETY: `repr(u8)` puts the tag in the first byte.
        unsafe { (*(self as *const Value as *const u8)).wrapping_sub(1) < 4 }
    }

    /// Takes one more reference to a heap value's object. Inline: every `Rc` arm compiles to
    /// the same increment of the count behind the payload pointer, so the match folds into a
    /// test of the three pointer-free heap tags.
    #[inline(always)]
    fn retain(&self) {
        match self {
            Value::BigInt(r) => std::mem::forget(Rc::clone(r)),
            Value::Str(r) => std::mem::forget(r.clone()),
            Value::List(r) => std::mem::forget(Rc::clone(r)),
            Value::Tuple(r) => std::mem::forget(Rc::clone(r)),
            Value::Dict(r) => std::mem::forget(Rc::clone(r)),
            Value::Set(r) | Value::FrozenSet(r) => std::mem::forget(Rc::clone(r)),
            Value::Range(r) => std::mem::forget(Rc::clone(r)),
            Value::Slice(r) => std::mem::forget(Rc::clone(r)),
            Value::Function(r) => std::mem::forget(Rc::clone(r)),
            Value::BoundMethod(r) => std::mem::forget(Rc::clone(r)),
            Value::Iter(r) => std::mem::forget(Rc::clone(r)),
            Value::Module(r) => std::mem::forget(Rc::clone(r)),
            Value::Exception(r) => std::mem::forget(Rc::clone(r)),
            Value::Cell(r) => std::mem::forget(Rc::clone(r)),
            Value::Code(r) => std::mem::forget(Rc::clone(r)),
            Value::DictView(r) => std::mem::forget(Rc::clone(r)),
            Value::MethodDescriptor(r) => std::mem::forget(Rc::clone(r)),
            Value::Undef
            | Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Builtin(_)
            | Value::Type(_)
            | Value::Ellipsis => {}
        }
    }

    #[inline(always)]
    pub fn str(s: &str) -> Value {
        match PyStr::shared(s) {
            Some(shared) => Value::Str(shared),
            None => Value::Str(PyStr::new(s)),
        }
    }

    /// `Value::str` of text the caller knows to be `char_len` characters long.
    #[inline(always)]
    pub fn str_of_chars(s: &str, char_len: usize) -> Value {
        match PyStr::shared(s) {
            Some(shared) => Value::Str(shared),
            None => Value::Str(PyStr::of_chars(s, char_len)),
        }
    }

    /// A one-character str; ASCII characters are shared objects (see `PyStr::shared`), so
    /// iterating or indexing text allocates nothing.
    #[inline]
    pub fn char(c: char) -> Value {
        if c.is_ascii()
            && let Some(shared) = PyStr::shared_ascii(c)
        {
            return Value::Str(shared);
        }
        Value::allocated_char(c)
    }

    /// `Value::char` of a char with no shared object: kept out of line so the shared path
    /// saves no registers.
    #[inline(never)]
    fn allocated_char(c: char) -> Value {
        let mut buf = [0u8; 4];
        Value::str(c.encode_utf8(&mut buf))
    }

    #[inline(always)]
    pub fn string(s: String) -> Value {
        Value::str(&s)
    }

    /// The str a builder holds (or the shared object for its text).
    #[inline(always)]
    pub fn built_str(builder: StrBuilder) -> Value {
        let char_len = super::text::char_len(builder.as_str());
        Value::built_str_of_chars(builder, char_len)
    }

    /// `built_str` when the caller knows the text is `char_len` characters long.
    #[inline(always)]
    pub fn built_str_of_chars(builder: StrBuilder, char_len: usize) -> Value {
        match PyStr::shared(builder.as_str()) {
            Some(shared) => Value::Str(shared),
            None => Value::Str(builder.finish_with_char_len(char_len)),
        }
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }

    /// An int from a 128-bit integer.
    #[inline(always)]
    pub fn from_i128(n: i128) -> Value {
        match i64::try_from(n) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::BigInt(Rc::new(IBig::from(n))),
        }
    }

    /// An int from a big integer, demoted to a machine integer when it fits.
    pub fn from_ibig(n: IBig) -> Value {
        match i64::try_from(&n) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::BigInt(Rc::new(n)),
        }
    }

    pub fn type_id(&self) -> TypeId {
        match self {
            Value::Undef => TypeId::NoneType,
            Value::None => TypeId::NoneType,
            Value::Bool(_) => TypeId::Bool,
            Value::Int(_) | Value::BigInt(_) => TypeId::Int,
            Value::Float(_) => TypeId::Float,
            Value::Str(_) => TypeId::Str,
            Value::List(_) => TypeId::List,
            Value::Tuple(_) => TypeId::Tuple,
            Value::Dict(_) => TypeId::Dict,
            Value::Set(_) => TypeId::Set,
            Value::FrozenSet(_) => TypeId::FrozenSet,
            Value::Range(_) => TypeId::Range,
            Value::Slice(_) => TypeId::Slice,
            Value::Function(_) => TypeId::Function,
            Value::Builtin(_) => TypeId::BuiltinFunction,
            Value::BoundMethod(_) => TypeId::BuiltinFunction,
            Value::Iter(it) => it.borrow().type_id(),
            Value::Module(_) => TypeId::Module,
            Value::Type(_) => TypeId::Type,
            Value::Exception(e) => e.kind,
            Value::Cell(_) => TypeId::Cell,
            Value::Code(_) => TypeId::Code,
            Value::Ellipsis => TypeId::Ellipsis,
            Value::DictView(v) => v.kind,
            Value::MethodDescriptor(_) => TypeId::MethodDescriptor,
        }
    }

    /// The type's name as CPython's messages spell it (`'int' object is not callable`).
    pub fn type_name(&self) -> &'static str {
        self.type_id().name()
    }

    /// Python truthiness for the types that define it without calling user code.
    #[inline(always)]
    pub fn is_truthy(&self) -> bool {
        // Three cases and a range test: a match over all five immediate tags compiles to an
        // indirect jump through a table.
        match self {
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            // The immediates left are `None` and `Undef`.
            _ => !self.is_immediate() && self.is_truthy_slow(),
        }
    }

    #[cold]
    fn is_truthy_slow(&self) -> bool {
        match self {
            Value::BigInt(_) => true,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::DictView(v) => !v.dict.is_empty(),
            _ => true,
        }
    }

    /// `a is b`: identity for heap objects, value identity for immediates (CPython caches small
    /// ints and the singletons; pvm's immediates behave as if all ints and floats were cached).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) | (Value::Undef, Value::Undef) => true,
            (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Type(a), Value::Type(b)) => a == b,
            (Value::Builtin(a), Value::Builtin(b)) => std::ptr::eq(*a, *b),
            _ => match (self.heap_address(), other.heap_address()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of a heap object, used for identity and `id()`.
    pub fn heap_address(&self) -> Option<usize> {
        Some(match self {
            Value::BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Str(r) => r.as_ptr() as usize,
            Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Set(r) | Value::FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::BoundMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Exception(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::DictView(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::MethodDescriptor(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Builtin(b) => *b as *const BuiltinFunction as usize,
            _ => return None,
        })
    }
}
