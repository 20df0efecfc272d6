//! The str object: UTF-8 text with its character count and hash cached, so `len`, indexing of
//! ASCII text and dictionary lookups by string key cost O(1) after the first use.
//!
//! A str is one heap block, a header followed by the text, referenced by a counted thin
//! pointer: one allocation per new str (an `Rc` of a `String` takes two) and one pointer to
//! follow to reach the text. `StrBuilder` writes the text of a new str straight into its
//! block, so building a str copies each piece once.

use std::alloc::{self, Layout};
use std::cell::{Cell, OnceCell};
use std::fmt;
use std::ptr::NonNull;

use super::text;

/// The start of every str block; `capacity` bytes follow it, the first `len` of them the text
/// (always valid UTF-8). `len`, `capacity` and `char_len` change only while one handle
/// references the block (a builder, or a str being appended to in place).
#[repr(C)]
struct Header {
    /// The number of `PyStr` handles. First in the block, as `Rc`'s count is in its block, so
    /// taking a reference to any counted value is the same increment (see `Value::retain`).
    strong: Cell<usize>,
    len: usize,
    capacity: usize,
    char_len: usize,
    /// -1 until computed (a Python hash is never -1).
    hash: Cell<i64>,
    /// The entry index at which this str object was last found as a dict key. Dicts built
    /// alike (records with the same literal keys) keep a key at the same index, so a lookup
    /// by a literal usually needs one identity check instead of a hash probe.
    slot_hint: Cell<usize>,
}

/// The layout of a block with room for `capacity` bytes of text. Too large a capacity is
/// treated as `String` treats it (a capacity overflow); callers check Python-visible limits
/// (`checked_repeat_len`) first.
fn block_layout(capacity: usize) -> Layout {
    std::mem::size_of::<Header>()
        .checked_add(capacity)
        .and_then(|size| Layout::from_size_align(size, std::mem::align_of::<Header>()).ok())
        .expect("str capacity overflow")
}

/// A new block for at least `capacity` bytes of empty text, referenced once. The block is
/// rounded up to a multiple of 16 bytes, a size the allocator would round to anyway, so a
/// short str appended to in place (`f"..." + s`) usually has room without reallocating.
fn allocate(capacity: usize) -> NonNull<Header> {
    let capacity = capacity.checked_next_multiple_of(16).unwrap_or(capacity);
    let layout = block_layout(capacity);
    // SAFETY: the layout is never zero-sized (it includes the header).
    let block = unsafe { alloc::alloc(layout) }.cast::<Header>();
    let Some(block) = NonNull::new(block) else {
        alloc::handle_alloc_error(layout)
    };
    // SAFETY: the block was just allocated with room and alignment for a header.
    unsafe {
        block.write(Header {
            strong: Cell::new(1),
            len: 0,
            capacity,
            char_len: 0,
            hash: Cell::new(-1),
            slot_hint: Cell::new(0),
        })
    };
    block
}

/// Where the text of `block` starts: right after its header.
#[inline(always)]
fn text_start(block: NonNull<Header>) -> *mut u8 {
    // SAFETY: every block has room for its header, so one header past the start is in it
    // (or one past its end when the capacity is 0).
    unsafe { block.as_ptr().add(1).cast::<u8>() }
}

/// Makes room for `additional` more bytes of text in a block referenced by one handle (a
/// builder, or a str appended to in place). Returns the block, which may have moved.
#[inline(always)]
fn reserve(block: NonNull<Header>, additional: usize) -> NonNull<Header> {
    // SAFETY: the caller's handle keeps the block and its header alive.
    let (len, capacity) = unsafe { ((*block.as_ptr()).len, (*block.as_ptr()).capacity) };
    if additional <= capacity - len {
        return block;
    }
    grow(block, additional)
}

/// `reserve` when the text space is too small: at least doubles it, so that repeated appends
/// take amortised constant time.
#[cold]
#[inline(never)]
fn grow(block: NonNull<Header>, additional: usize) -> NonNull<Header> {
    // SAFETY: the caller's handle keeps the block and its header alive.
    let (len, capacity) = unsafe { ((*block.as_ptr()).len, (*block.as_ptr()).capacity) };
    let needed = len.checked_add(additional).expect("str capacity overflow");
    let new_capacity = needed
        .max(capacity.saturating_mul(2))
        .checked_next_multiple_of(16)
        .unwrap_or(needed);
    let new_layout = block_layout(new_capacity);
    // SAFETY: the block was allocated with `block_layout(capacity)` and the new size is
    // non-zero and was checked by `block_layout` not to overflow `isize`.
    let grown = unsafe {
        alloc::realloc(
            block.as_ptr().cast::<u8>(),
            block_layout(capacity),
            new_layout.size(),
        )
    };
    let Some(grown) = NonNull::new(grown.cast::<Header>()) else {
        alloc::handle_alloc_error(new_layout)
    };
    // SAFETY: `realloc` kept the header (the start of the block); only one handle exists.
    unsafe { (*grown.as_ptr()).capacity = new_capacity };
    grown
}

/// Appends `tail` to the text of a block referenced by one handle, with room reserved.
///
/// SAFETY: `block` must be referenced by the caller's handle only and have room for `tail`.
unsafe fn write_tail(block: NonNull<Header>, tail: &str) {
    // SAFETY: per the contract the block is the caller's alone and has room for `tail`
    // after its text; `tail` cannot overlap the block's spare space, which nothing else
    // references.
    unsafe {
        let header = &mut *block.as_ptr();
        std::ptr::copy_nonoverlapping(tail.as_ptr(), text_start(block).add(header.len), tail.len());
        header.len += tail.len();
    }
}

/// A counted reference to a str object.
pub struct PyStr {
    block: NonNull<Header>,
}

/// The empty str's entry in the shared table, after the 128 ASCII chars.
const EMPTY_INDEX: usize = 128;

/// A new table of the shared strs (see `PyStr::shared`).
#[cold]
fn short_strs() -> &'static [PyStr] {
    let table: Box<[PyStr]> = (0..=EMPTY_INDEX)
        .map(|i| match u8::try_from(i) {
            Ok(b) if b.is_ascii() => PyStr::new(char::from(b).encode_utf8(&mut [0; 4])),
            _ => PyStr::new(""),
        })
        .collect();
    Box::leak(table)
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::of_chars(s, text::char_len(s))
    }

    /// A new str of `s`, which the caller knows to be `char_len` characters long.
    pub fn of_chars(s: &str, char_len: usize) -> PyStr {
        let mut builder = StrBuilder::with_capacity(s.len());
        builder.push_str(s);
        builder.finish_with_char_len(char_len)
    }

    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: the handle keeps the block alive; its header is initialised, and its
        // plain fields change only through a unique handle, never while `self` is borrowed.
        unsafe { self.block.as_ref() }
    }

    /// The shared object for `s` when it is empty or one ASCII char, as CPython shares its
    /// empty and one-character strings: such results (`text[i]`, `for ch in text`, `chr(i)`,
    /// `s * 0`) then allocate nothing. The table is per thread because the counts are; should
    /// thread-local storage be unavailable, callers allocate instead.
    #[inline]
    pub fn shared(s: &str) -> Option<PyStr> {
        match s.as_bytes() {
            [] => PyStr::shared_at(EMPTY_INDEX),
            &[byte] => PyStr::shared_at(usize::from(byte)),
            _ => None,
        }
    }

    /// The shared one-char str of an ASCII char (see `shared`).
    #[inline]
    pub fn shared_ascii(c: char) -> Option<PyStr> {
        debug_assert!(c.is_ascii());
        PyStr::shared_at(c as usize)
    }

    /// Entry `index` of the shared table: ASCII chars by code, then the empty str.
    #[inline]
    fn shared_at(index: usize) -> Option<PyStr> {
        thread_local! {
            // Leaked, so the key has no destructor to register or teardown state to check:
            // an access is one null test. The table lives as long as its thread.
            static SHORT_STRS: OnceCell<&'static [PyStr]> = const { OnceCell::new() };
        }
        SHORT_STRS
            .try_with(|table| table.get_or_init(short_strs)[index].clone())
            .ok()
    }

    /// `this + tail` for non-empty texts (so never a shared str): appended in place when
    /// nothing else references `this`, else a new str.
    pub fn append(this: PyStr, tail: &str) -> PyStr {
        debug_assert!(!this.as_str().is_empty() && !tail.is_empty());
        let tail_chars = text::char_len(tail);
        if this.header().strong.get() != 1 {
            let mut joined = StrBuilder::with_capacity(this.as_str().len() + tail.len());
            joined.push_str(this.as_str());
            joined.push_str(tail);
            return joined.finish_with_char_len(this.char_len() + tail_chars);
        }
        let block = reserve(this.block, tail.len());
        // Ownership of the (possibly moved) block passes to the result.
        std::mem::forget(this);
        // SAFETY: `this` was the only handle and room was reserved; nothing borrows the block
        // while it changes, and the text stays UTF-8 (a str appended to a str).
        unsafe {
            write_tail(block, tail);
            let header = &mut *block.as_ptr();
            header.char_len += tail_chars;
            // A hash computed for the old text no longer holds.
            header.hash.set(-1);
        }
        PyStr { block }
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        // SAFETY: the first `len` bytes after the header are the str's text, valid UTF-8,
        // unchanged while `self` is borrowed.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                text_start(self.block),
                self.header().len,
            ))
        }
    }

    /// Length in characters (code points), as Python counts it.
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.header().char_len
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.header().char_len == self.header().len
    }

    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.header().hash.get();
        if h != -1 {
            return h;
        }
        let h = text::hash_str(self.as_str());
        self.header().hash.set(h);
        h
    }

    #[inline(always)]
    pub fn slot_hint(&self) -> usize {
        self.header().slot_hint.get()
    }

    #[inline(always)]
    pub fn set_slot_hint(&self, index: usize) {
        self.header().slot_hint.set(index);
    }

    /// False only when the two strings certainly differ (lengths or known hashes).
    #[inline(always)]
    pub fn may_equal(&self, other: &PyStr) -> bool {
        let (a, b) = (self.header().hash.get(), other.header().hash.get());
        self.header().len == other.header().len && (a == -1 || b == -1 || a == b)
    }

    /// The character at `index` (0 <= index < char_len).
    #[inline]
    pub fn char_at(&self, index: usize) -> char {
        if self.is_ascii() {
            self.as_str().as_bytes()[index] as char
        } else {
            self.as_str().chars().nth(index).unwrap_or('\0')
        }
    }

    /// True when both handles reference the same str object.
    #[inline(always)]
    pub fn ptr_eq(a: &PyStr, b: &PyStr) -> bool {
        a.block == b.block
    }

    /// The object's address, its identity.
    #[inline(always)]
    pub fn as_ptr(&self) -> *const u8 {
        self.block.as_ptr().cast::<u8>().cast_const()
    }
}

impl Clone for PyStr {
    #[inline(always)]
    fn clone(&self) -> PyStr {
        let strong = &self.header().strong;
        // As `Rc`: a count that wraps (only after leaking `usize::MAX` handles) aborts.
        let count = strong.get().wrapping_add(1);
        strong.set(count);
        if count == 0 {
            std::process::abort();
        }
        PyStr { block: self.block }
    }
}

impl Drop for PyStr {
    #[inline(always)]
    fn drop(&mut self) {
        let strong = &self.header().strong;
        let count = strong.get() - 1;
        strong.set(count);
        if count == 0 {
            free_block(self.block);
        }
    }
}

/// Frees a block no handle references any more.
#[inline(never)]
fn free_block(block: NonNull<Header>) {
    // SAFETY: the last handle is gone, so nothing references the block; it was allocated
    // (or last reallocated) with the layout of its recorded capacity.
    unsafe {
        let capacity = (*block.as_ptr()).capacity;
        alloc::dealloc(block.as_ptr().cast::<u8>(), block_layout(capacity));
    }
}

/// The text of a new str, written in place into the block that becomes the str.
pub struct StrBuilder {
    block: NonNull<Header>,
}

impl StrBuilder {
    pub fn with_capacity(capacity: usize) -> StrBuilder {
        StrBuilder {
            block: allocate(capacity),
        }
    }

    #[inline]
    pub fn push_str(&mut self, s: &str) {
        self.block = reserve(self.block, s.len());
        // SAFETY: the builder is the block's only handle, and room was just reserved.
        unsafe { write_tail(self.block, s) };
    }

    #[inline]
    pub fn push(&mut self, c: char) {
        self.push_str(c.encode_utf8(&mut [0; 4]));
    }

    pub fn as_str(&self) -> &str {
        // SAFETY: the first `len` bytes after the header are the text written so far: UTF-8,
        // as only whole strs are written.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                text_start(self.block),
                (*self.block.as_ptr()).len,
            ))
        }
    }

    /// The text so far, to change in place (such as ASCII case changes).
    pub fn as_mut_str(&mut self) -> &mut str {
        // SAFETY: as in `as_str`; the builder is the block's only handle, and `&mut str`
        // only allows changes that keep the text UTF-8.
        unsafe {
            std::str::from_utf8_unchecked_mut(std::slice::from_raw_parts_mut(
                text_start(self.block),
                (*self.block.as_ptr()).len,
            ))
        }
    }

    /// The new str (counting its characters).
    pub fn finish(self) -> PyStr {
        let char_len = text::char_len(self.as_str());
        self.finish_with_char_len(char_len)
    }

    /// The new str, whose text the caller knows to be `char_len` characters long.
    pub fn finish_with_char_len(self, char_len: usize) -> PyStr {
        debug_assert_eq!(char_len, text::char_len(self.as_str()));
        let block = self.block;
        // Ownership of the block passes to the str.
        std::mem::forget(self);
        // SAFETY: the builder was the block's only handle.
        unsafe { (*block.as_ptr()).char_len = char_len };
        PyStr { block }
    }
}

impl Drop for StrBuilder {
    fn drop(&mut self) {
        free_block(self.block);
    }
}

impl fmt::Write for StrBuilder {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.push_str(s);
        Ok(())
    }
}
