//! The str object: UTF-8 text with its character count and hash cached, so `len`, indexing of
//! ASCII text and dictionary lookups by string key cost O(1) after the first use.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use super::text;

pub struct PyStr {
    /// A `String`, not a boxed `str`: boxing would shrink (reallocate and copy) every new
    /// string built with spare capacity.
    text: String,
    char_len: usize,
    /// -1 until computed (a Python hash is never -1).
    hash: Cell<i64>,
    /// The entry index at which this str object was last found as a dict key. Dicts built
    /// alike (records with the same literal keys) keep a key at the same index, so a lookup
    /// by a literal usually needs one identity check instead of a hash probe.
    slot_hint: Cell<usize>,
}

/// The empty str's entry in the shared table, after the 128 ASCII chars.
const EMPTY_INDEX: usize = 128;

/// A new table of the shared strs (see `PyStr::shared`).
#[cold]
fn short_strs() -> &'static [Rc<PyStr>] {
    let table: Box<[Rc<PyStr>]> = (0..=EMPTY_INDEX)
        .map(|i| {
            let text = match u8::try_from(i) {
                Ok(b) if b.is_ascii() => char::from(b).to_string(),
                _ => String::new(),
            };
            Rc::new(PyStr::from_string(text))
        })
        .collect();
    Box::leak(table)
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_owned())
    }

    pub fn from_string(s: String) -> PyStr {
        let char_len = text::char_len(&s);
        PyStr {
            text: s,
            char_len,
            hash: Cell::new(-1),
            slot_hint: Cell::new(0),
        }
    }

    /// The shared object for `s` when it is empty or one ASCII char, as CPython shares its
    /// empty and one-character strings: such results (`text[i]`, `for ch in text`, `chr(i)`,
    /// `s * 0`) then allocate nothing. The table is per thread because `Rc` counts are; should
    /// thread-local storage be unavailable, callers allocate instead.
    #[inline]
    pub fn shared(s: &str) -> Option<Rc<PyStr>> {
        match s.as_bytes() {
            [] => PyStr::shared_at(EMPTY_INDEX),
            &[byte] => PyStr::shared_at(usize::from(byte)),
            _ => None,
        }
    }

    /// The shared one-char str of an ASCII char (see `shared`).
    #[inline]
    pub fn shared_ascii(c: char) -> Option<Rc<PyStr>> {
        debug_assert!(c.is_ascii());
        PyStr::shared_at(c as usize)
    }

    /// Entry `index` of the shared table: ASCII chars by code, then the empty str.
    #[inline]
    fn shared_at(index: usize) -> Option<Rc<PyStr>> {
        thread_local! {
            // Leaked, so the key has no destructor to register or teardown state to check:
            // an access is one null test. The table lives as long as its thread.
            static SHORT_STRS: OnceCell<&'static [Rc<PyStr>]> = const { OnceCell::new() };
        }
        SHORT_STRS
            .try_with(|table| table.get_or_init(short_strs)[index].clone())
            .ok()
    }

    /// `this + tail` for non-empty texts (so never a shared str): appended in place when
    /// nothing else references `this`, else a new str.
    pub fn append(mut this: Rc<PyStr>, tail: &str) -> Rc<PyStr> {
        debug_assert!(!this.text.is_empty() && !tail.is_empty());
        let tail_chars = text::char_len(tail);
        if let Some(unique) = Rc::get_mut(&mut this) {
            unique.text.push_str(tail);
            unique.char_len += tail_chars;
            // A hash computed for the old text no longer holds.
            unique.hash.set(-1);
            return this;
        }
        let mut joined = String::with_capacity(this.text.len() + tail.len());
        joined.push_str(&this.text);
        joined.push_str(tail);
        Rc::new(PyStr {
            text: joined,
            char_len: this.char_len + tail_chars,
            hash: Cell::new(-1),
            slot_hint: Cell::new(0),
        })
    }

    #[inline(always)]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in characters (code points), as Python counts it.
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = text::hash_str(&self.text);
        self.hash.set(h);
        h
    }

    #[inline(always)]
    pub fn slot_hint(&self) -> usize {
        self.slot_hint.get()
    }

    #[inline(always)]
    pub fn set_slot_hint(&self, index: usize) {
        self.slot_hint.set(index);
    }

    /// False only when the two strings certainly differ (lengths or known hashes).
    #[inline(always)]
    pub fn may_equal(&self, other: &PyStr) -> bool {
        let (a, b) = (self.hash.get(), other.hash.get());
        self.text.len() == other.text.len() && (a == -1 || b == -1 || a == b)
    }

    /// The character at `index` (0 <= index < char_len).
    #[inline]
    pub fn char_at(&self, index: usize) -> char {
        if self.is_ascii() {
            self.text.as_bytes()[index] as char
        } else {
            self.text.chars().nth(index).unwrap_or('\0')
        }
    }
}
