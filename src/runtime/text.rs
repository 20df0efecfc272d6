//! String algorithms behind the `str` methods and `repr(str)`, with CPython 3.11 semantics.
//!
//! Python indexes strings by code point while Rust indexes them by byte, so every index, width
//! and count in this module is in chars. ASCII text, by far the common case, takes byte-level
//! fast paths where a char index is a byte index. Character properties follow CPython's own
//! definitions: general categories come from `unicode-general-category`, title case from
//! `unicode-case-mapping`, identifier classes from `unicode-ident`; the few facts no crate
//! offers (numeric types, multi-char case folds) are small tables below, extracted from the
//! Unicode 14 database that CPython 3.11 uses.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt::Write as _;
use std::hash::Hasher as _;

use rustc_hash::FxHasher;
use unicode_general_category::{GeneralCategory as Gc, get_general_category};

use super::str::StrBuilder;

// ---------------------------------------------------------------------------------------------
// Lengths, offsets and slices
// ---------------------------------------------------------------------------------------------

/// Number of chars (code points) in `s`.
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of char index `char_index` (`char_index <= char_len(s)`). An all-ASCII prefix is
/// recognised with one vectorised check, so ASCII strings never decode a char.
pub fn byte_offset(s: &str, char_index: usize) -> usize {
    let prefix = &s.as_bytes()[..char_index.min(s.len())];
    if prefix.is_ascii() {
        return prefix.len();
    }
    let ascii_run = prefix.iter().take_while(|b| b.is_ascii()).count();
    s[ascii_run..]
        .char_indices()
        .nth(char_index - ascii_run)
        .map_or(s.len(), |(offset, _)| ascii_run + offset)
}

/// Resolves slice bounds like CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`: returns the
/// adjusted `(start, stop, slicelength)`. `step` must be non-zero.
pub fn adjust_slice(len: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> (i64, i64, i64) {
    let step = step.max(-i64::MAX);
    let backwards = step < 0;
    let clamp = |index: Option<i64>, default: i64| -> i64 {
        let Some(mut index) = index else {
            return default;
        };
        if index < 0 {
            index += len;
            if index < 0 {
                index = if backwards { -1 } else { 0 };
            }
        } else if index >= len {
            index = if backwards { len - 1 } else { len };
        }
        index
    };
    let start = clamp(start, if backwards { len - 1 } else { 0 });
    let stop = clamp(stop, if backwards { -1 } else { len });
    (start, stop, slice_length(start, stop, step))
}

fn slice_length(start: i64, stop: i64, step: i64) -> i64 {
    if step < 0 {
        if stop < start {
            (start - stop - 1) / step.checked_neg().unwrap_or(i64::MAX) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    }
}

/// `s[start:stop:step]` for bounds already resolved by [`adjust_slice`].
pub fn slice(s: &str, start: i64, stop: i64, step: i64) -> Cow<'_, str> {
    let count = usize::try_from(slice_length(start, stop, step)).unwrap_or(0);
    if count == 0 {
        return Cow::Borrowed("");
    }
    let start = start as usize;
    if step == 1 {
        let first = byte_offset(s, start);
        let last = first + byte_offset(&s[first..], count);
        return Cow::Borrowed(&s[first..last]);
    }
    let stride = step.unsigned_abs() as usize;
    if s.is_ascii() {
        let bytes = s.as_bytes();
        let mut out = String::with_capacity(count);
        let mut index = start;
        for _ in 0..count {
            out.push(char::from(bytes[index]));
            index = if step > 0 {
                index + stride
            } else {
                index.wrapping_sub(stride)
            };
        }
        return Cow::Owned(out);
    }
    Cow::Owned(if step > 0 {
        s.chars().skip(start).step_by(stride).take(count).collect()
    } else {
        let from_end = char_len(s) - 1 - start;
        s.chars()
            .rev()
            .skip(from_end)
            .step_by(stride)
            .take(count)
            .collect()
    })
}

// ---------------------------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------------------------

/// The part of a string that Python's optional `start`/`end` arguments select.
struct Window<'a> {
    text: &'a str,
    /// Char index of `text` within the whole string.
    start: usize,
}

impl Window<'_> {
    /// Char index in the whole string of byte offset `byte` within the window.
    fn char_index(&self, byte: usize) -> i64 {
        (self.start + char_len(&self.text[..byte])) as i64
    }
}

/// Applies CPython's `ADJUST_INDICES` to `start`/`end`, or returns `None` when the selected range
/// is shorter than `needle` (so nothing can match there, not even an empty needle).
fn window<'a>(
    s: &'a str,
    start: Option<i64>,
    end: Option<i64>,
    needle: &str,
) -> Option<Window<'a>> {
    if start.is_none() && end.is_none() {
        return Some(Window { text: s, start: 0 });
    }
    let len = char_len(s) as i64;
    let end = match end.unwrap_or(len) {
        end if end > len => len,
        end if end < 0 => (end + len).max(0),
        end => end,
    };
    let start = match start.unwrap_or(0) {
        start if start < 0 => (start + len).max(0),
        start => start,
    };
    if end - start < char_len(needle) as i64 {
        return None;
    }
    let (start, end) = (start as usize, end as usize);
    let first = byte_offset(s, start);
    let last = first + byte_offset(&s[first..], end - start);
    Some(Window {
        text: &s[first..last],
        start,
    })
}

/// `sub` when it is one char: searched for with a byte scan (memchr) instead of the general
/// two-way substring search, which costs several times more per call on short texts.
fn single_char(sub: &str) -> Option<char> {
    let mut chars = sub.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// `str.find`: char index of the first occurrence of `sub` in `s[start:end]`, or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    window(s, start, end, sub)
        .and_then(|w| {
            // One ASCII byte is a whole char wherever it occurs: a plain byte scan, cheaper
            // on short text than the char searcher.
            let byte = match (sub.as_bytes(), single_char(sub)) {
                (&[byte], _) => w.text.bytes().position(|b| b == byte),
                (_, Some(c)) => w.text.find(c),
                _ => w.text.find(sub),
            };
            byte.map(|byte| w.char_index(byte))
        })
        .unwrap_or(-1)
}

/// `str.rfind`: char index of the last occurrence of `sub` in `s[start:end]`, or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    window(s, start, end, sub)
        .and_then(|w| {
            let byte = match single_char(sub) {
                Some(c) => w.text.rfind(c),
                None => w.text.rfind(sub),
            };
            byte.map(|byte| w.char_index(byte))
        })
        .unwrap_or(-1)
}

/// `str.count`: non-overlapping occurrences; an empty `sub` matches between every pair of chars.
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    match window(s, start, end, sub) {
        None => 0,
        Some(w) if sub.is_empty() => char_len(w.text) + 1,
        Some(w) => match sub.as_bytes() {
            // An ASCII byte never occurs inside a multi-byte UTF-8 sequence.
            &[byte] => count_byte(w.text.as_bytes(), byte),
            _ => w.text.matches(sub).count(),
        },
    }
}

/// Occurrences of `byte` in `bytes`, tallied in byte-wide counters over chunks short enough
/// that they cannot overflow: the compiler turns that into a few vector ops per 16 bytes.
fn count_byte(bytes: &[u8], byte: u8) -> usize {
    bytes
        .chunks(usize::from(u8::MAX))
        .map(|chunk| usize::from(chunk.iter().fold(0u8, |n, &b| n + u8::from(b == byte))))
        .sum()
}

/// `str.startswith` with a single prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end, prefix).is_some_and(|w| w.text.starts_with(prefix))
}

/// `str.endswith` with a single suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end, suffix).is_some_and(|w| w.text.ends_with(suffix))
}

/// `str.replace`; `count < 0` replaces all. An empty `old` inserts `new` before every char and
/// at the end. `None` when nothing is replaced, so the caller can return the str itself as
/// CPython does.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> Option<StrBuilder> {
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    if limit == 0 {
        return None;
    }
    if let ([from], [to]) = (old.as_bytes(), new.as_bytes())
        && from.is_ascii()
        && to.is_ascii()
        && count < 0
    {
        // A branch-free scan: it vectorises, where a search call costs more on short text.
        let found = s.bytes().fold(false, |found, byte| found | (byte == *from));
        return found.then(|| replace_ascii_byte(s, *from, *to));
    }
    if !old.is_empty() {
        return match single_char(old) {
            Some(c) => replace_matches(s, s.match_indices(c), new, limit),
            None => replace_matches(s, s.match_indices(old), new, limit),
        };
    }
    let mut out = StrBuilder::with_capacity(s.len() + new.len() * (s.len() + 1).min(limit));
    let mut inserted = 0;
    for (offset, ch) in s.char_indices() {
        if inserted == limit {
            out.push_str(&s[offset..]);
            return Some(out);
        }
        out.push_str(new);
        out.push(ch);
        inserted += 1;
    }
    if inserted < limit {
        out.push_str(new);
    }
    Some(out)
}

/// `s` with every ASCII byte `from` turned into the ASCII byte `to`, by one copy and an
/// in-place pass the compiler vectorises.
fn replace_ascii_byte(s: &str, from: u8, to: u8) -> StrBuilder {
    debug_assert!(from.is_ascii() && to.is_ascii());
    let mut out = StrBuilder::with_capacity(s.len());
    out.push_str(s);
    // SAFETY: an ASCII byte is a whole char (every byte of a multi-byte UTF-8 sequence is
    // >= 0x80), so swapping one ASCII byte for another leaves `out` valid UTF-8.
    let bytes = unsafe { out.as_mut_str().as_bytes_mut() };
    for byte in bytes {
        // A select rather than a conditional store, so the loop vectorises.
        *byte = if *byte == from { to } else { *byte };
    }
    out
}

/// `s` with its first `limit` `matches` (`(offset, matched text)` in order) replaced by `new`;
/// `None` when there are none. One search pass, and no buffer until the first match.
fn replace_matches<'a>(
    s: &'a str,
    matches: impl Iterator<Item = (usize, &'a str)>,
    new: &str,
    limit: usize,
) -> Option<StrBuilder> {
    let mut out: Option<StrBuilder> = None;
    let mut copied = 0;
    for (offset, matched) in matches.take(limit) {
        let out = out.get_or_insert_with(|| StrBuilder::with_capacity(s.len()));
        out.push_str(&s[copied..offset]);
        out.push_str(new);
        copied = offset + matched.len();
    }
    let mut out = out?;
    out.push_str(&s[copied..]);
    Some(out)
}

// ---------------------------------------------------------------------------------------------
// Splitting, stripping, partitioning
// ---------------------------------------------------------------------------------------------

/// Python's whitespace (`str.isspace`): Rust's `White_Space` plus the separators `\x1c`-`\x1f`.
fn is_py_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ')
    } else {
        c.is_whitespace()
    }
}

/// Python's `maxsplit` (negative = unlimited) as a number of splits.
fn split_limit(maxsplit: i64) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `str.split()` / `str.split(None, maxsplit)`: runs of whitespace separate, and leading and
/// trailing whitespace produce no empty parts. Once `maxsplit` is reached the rest (after its
/// leading whitespace) is the last part, trailing whitespace included.
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut splits_left = split_limit(maxsplit);
    let mut parts = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(is_py_space);
        if rest.is_empty() {
            break;
        }
        if splits_left == 0 {
            parts.push(rest);
            break;
        }
        let end = rest.find(is_py_space).unwrap_or(rest.len());
        parts.push(&rest[..end]);
        rest = &rest[end..];
        splits_left -= 1;
    }
    parts
}

/// `str.rsplit()` / `str.rsplit(None, maxsplit)`: like [`split_whitespace`] from the right.
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let mut splits_left = split_limit(maxsplit);
    let mut parts = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_end_matches(is_py_space);
        if rest.is_empty() {
            break;
        }
        if splits_left == 0 {
            parts.push(rest);
            break;
        }
        let start = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| is_py_space(c))
            .map_or(0, |(offset, c)| offset + c.len_utf8());
        parts.push(&rest[start..]);
        rest = &rest[..start];
        splits_left -= 1;
    }
    parts.reverse();
    parts
}

/// `str.split(sep, maxsplit)` for a non-empty `sep`.
pub fn split<'a>(s: &'a str, sep: &str, maxsplit: i64) -> Vec<&'a str> {
    let limit = split_limit(maxsplit).saturating_add(1);
    if let &[byte] = sep.as_bytes() {
        return split_at_byte(s, byte, limit);
    }
    match (single_char(sep), maxsplit < 0) {
        (Some(c), true) => s.split(c).collect(),
        (Some(c), false) => s.splitn(limit, c).collect(),
        (None, true) => s.split(sep).collect(),
        (None, false) => s.splitn(limit, sep).collect(),
    }
}

/// `s.split(sep)` into at most `limit` parts for a one-byte (ASCII) `sep`, which never occurs
/// inside a multi-byte char: a plain byte scan, cheaper on short text than the char searcher.
fn split_at_byte(s: &str, sep: u8, limit: usize) -> Vec<&str> {
    let seps = count_byte(s.as_bytes(), sep);
    let mut parts = Vec::with_capacity(limit.min(seps + 1));
    let mut rest = s;
    while parts.len() + 1 < limit
        && let Some(at) = rest.bytes().position(|b| b == sep)
    {
        parts.push(&rest[..at]);
        rest = &rest[at + 1..];
    }
    parts.push(rest);
    parts
}

/// `str.rsplit(sep, maxsplit)` for a non-empty `sep`; parts come back in string order.
pub fn rsplit<'a>(s: &'a str, sep: &str, maxsplit: i64) -> Vec<&'a str> {
    let limit = split_limit(maxsplit).saturating_add(1);
    let mut parts: Vec<&str> = match (single_char(sep), maxsplit < 0) {
        (Some(c), true) => s.rsplit(c).collect(),
        (Some(c), false) => s.rsplitn(limit, c).collect(),
        (None, true) => s.rsplit(sep).collect(),
        (None, false) => s.rsplitn(limit, sep).collect(),
    };
    parts.reverse();
    parts
}

fn is_line_boundary(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `str.splitlines(keepends)`: splits at every Python line boundary, `\r\n` counting as one.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if !is_line_boundary(c) {
            continue;
        }
        let mut line_end = offset + c.len_utf8();
        if c == '\r' && chars.next_if(|&(_, next)| next == '\n').is_some() {
            line_end += 1;
        }
        lines.push(&s[line_start..if keepends { line_end } else { offset }]);
        line_start = line_end;
    }
    if line_start < s.len() {
        lines.push(&s[line_start..]);
    }
    lines
}

/// `str.strip(chars)`; `None` strips Python whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_matches(is_py_space),
        Some(set) => s.trim_matches(|c| set.contains(c)),
    }
}

/// `str.lstrip(chars)`; `None` strips Python whitespace.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(is_py_space),
        Some(set) => s.trim_start_matches(|c| set.contains(c)),
    }
}

/// `str.rstrip(chars)`; `None` strips Python whitespace.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(is_py_space),
        Some(set) => s.trim_end_matches(|c| set.contains(c)),
    }
}

/// `str.partition(sep)` for a non-empty `sep`.
pub fn partition<'a>(s: &'a str, sep: &str) -> (&'a str, &'a str, &'a str) {
    match s.find(sep) {
        Some(at) => (&s[..at], &s[at..at + sep.len()], &s[at + sep.len()..]),
        None => (s, "", ""),
    }
}

/// `str.rpartition(sep)` for a non-empty `sep`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> (&'a str, &'a str, &'a str) {
    match s.rfind(sep) {
        Some(at) => (&s[..at], &s[at..at + sep.len()], &s[at + sep.len()..]),
        None => ("", "", s),
    }
}

// ---------------------------------------------------------------------------------------------
// Padding and tabs
// ---------------------------------------------------------------------------------------------

/// How many chars `s` is short of `width`, or `None` if it is already wide enough.
fn shortfall(s: &str, width: i64) -> Option<usize> {
    let missing = usize::try_from(width).ok()?.checked_sub(char_len(s))?;
    (missing > 0).then_some(missing)
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `str.center(width, fill)`. With an odd margin the extra fill char goes left exactly when
/// `width` is odd, as in CPython.
pub fn center(s: &str, width: i64, fill: char) -> String {
    let Some(margin) = shortfall(s, width) else {
        return s.to_owned();
    };
    let left = margin / 2 + (margin & width as usize & 1);
    pad(s, left, margin - left, fill)
}

/// `str.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    shortfall(s, width).map_or_else(|| s.to_owned(), |margin| pad(s, 0, margin, fill))
}

/// `str.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    shortfall(s, width).map_or_else(|| s.to_owned(), |margin| pad(s, margin, 0, fill))
}

/// `str.zfill(width)`: pads with zeros after a leading sign.
pub fn zfill(s: &str, width: i64) -> String {
    let Some(margin) = shortfall(s, width) else {
        return s.to_owned();
    };
    let (sign, digits) = match s.as_bytes().first() {
        Some(b'+' | b'-') => s.split_at(1),
        _ => ("", s),
    };
    let mut out = String::with_capacity(s.len() + margin);
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', margin));
    out.push_str(digits);
    out
}

/// `str.expandtabs(tabsize)`: columns restart after `\n` and `\r`; `tabsize <= 0` drops tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    if !s.contains('\t') {
        return s.to_owned();
    }
    let tabsize = usize::try_from(tabsize).unwrap_or(0);
    let mut out = String::with_capacity(s.len() + tabsize * 2);
    let mut column = 0usize;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let spaces = tabsize - column % tabsize;
                    out.extend(std::iter::repeat_n(' ', spaces));
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Case mapping
// ---------------------------------------------------------------------------------------------

/// Unicode `Cased`: has an upper, lower or title case form of its own kind.
fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || get_general_category(c) == Gc::TitlecaseLetter
}

/// Unicode `Case_Ignorable`: marks, format chars, modifiers and the in-word punctuation of
/// `Word_Break` classes MidLetter, MidNumLet and Single_Quote.
fn is_case_ignorable(c: char) -> bool {
    matches!(
        c,
        '\'' | '.'
            | ':'
            | '\u{b7}'
            | '\u{387}'
            | '\u{55f}'
            | '\u{5f4}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2024}'
            | '\u{2027}'
            | '\u{fe13}'
            | '\u{fe52}'
            | '\u{fe55}'
            | '\u{ff07}'
            | '\u{ff0e}'
            | '\u{ff1a}'
    ) || matches!(
        get_general_category(c),
        Gc::NonspacingMark
            | Gc::EnclosingMark
            | Gc::Format
            | Gc::ModifierLetter
            | Gc::ModifierSymbol
    )
}

/// Whether the capital sigma at byte `at` of `s` ends a word (and so lowercases to 'ς'):
/// preceded by a cased char and not followed by one, ignoring case-ignorable chars between.
fn is_final_sigma(s: &str, at: usize) -> bool {
    let mut before = s[..at].chars().rev().filter(|&c| !is_case_ignorable(c));
    let mut after = s[at + 'Σ'.len_utf8()..]
        .chars()
        .filter(|&c| !is_case_ignorable(c));
    before.next().is_some_and(is_cased) && !after.next().is_some_and(is_cased)
}

/// Appends the full lowercase of the char `c` at byte `at` of `s`, minding final sigma.
fn push_lower(out: &mut String, s: &str, at: usize, c: char) {
    if c == 'Σ' {
        out.push(if is_final_sigma(s, at) { 'ς' } else { 'σ' });
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Appends the full titlecase of `c` (e.g. 'ǆ' → 'ǅ', 'ß' → "Ss").
fn push_title(out: &mut String, c: char) {
    let mapped = unicode_case_mapping::to_titlecase(c);
    if mapped[0] == 0 {
        out.push(c);
    } else {
        out.extend(
            mapped
                .iter()
                .take_while(|&&cp| cp != 0)
                .filter_map(|&cp| char::from_u32(cp)),
        );
    }
}

/// `str.upper()` with full case mapping ('ß' → "SS").
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        s.to_uppercase()
    }
}

/// `str.lower()` with full case mapping and final-sigma handling.
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// `str.capitalize()`: the first char in title case, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let mut chars = s.char_indices();
    let Some((_, first)) = chars.next() else {
        return String::new();
    };
    if s.is_ascii() {
        let mut out = s.to_ascii_lowercase();
        out[..1].make_ascii_uppercase();
        return out;
    }
    let mut out = String::with_capacity(s.len());
    push_title(&mut out, first);
    for (at, c) in chars {
        push_lower(&mut out, s, at, c);
    }
    out
}

/// `str.title()`: title case after an uncased char, lowercase after a cased one.
pub fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    if s.is_ascii() {
        for c in s.chars() {
            out.push(if previous_is_cased {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            });
            previous_is_cased = c.is_ascii_alphabetic();
        }
        return out;
    }
    for (at, c) in s.char_indices() {
        if previous_is_cased {
            push_lower(&mut out, s, at, c);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `str.swapcase()`: uppercase chars lowered, lowercase chars uppered, others (title case
/// included) kept.
pub fn swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        out.extend(s.chars().map(|c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        }));
        return out;
    }
    for (at, c) in s.char_indices() {
        if c.is_uppercase() {
            push_lower(&mut out, s, at, c);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.casefold()`: full Unicode case folding ('ß' → "ss", 'ς' → 'σ').
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if let Ok(found) = MULTI_CHAR_FOLDS.binary_search_by_key(&c, |&(from, _)| from) {
            out.push_str(MULTI_CHAR_FOLDS[found].1);
        } else {
            let folded = unicode_case_mapping::case_folded(c).and_then(|f| char::from_u32(f.get()));
            // Chars without a fold stay as they are, even where lowercase differs ('Ꭰ').
            out.push(folded.unwrap_or(c));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = u32::from(c);
    table
        .binary_search_by(|&(low, high)| {
            if high < cp {
                Ordering::Less
            } else if low > cp {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        })
        .is_ok()
}

/// True when `s` is non-empty and every char satisfies `test`.
fn all_chars(s: &str, test: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(test)
}

fn is_decimal_char(c: char) -> bool {
    get_general_category(c) == Gc::DecimalNumber
}

/// The value of a decimal digit of any script (category Nd). Nd characters come in aligned runs
/// of ten starting at a zero, so the value is the position within the run.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() || !is_decimal_char(c) {
        return None;
    }
    let mut before = 0;
    while let Some(p) = char::from_u32(c as u32 - before - 1)
        && is_decimal_char(p)
    {
        before += 1;
    }
    Some(before % 10)
}

/// `s` with every decimal digit of any script replaced by its ASCII digit, as CPython does
/// before parsing `int()` and `float()` arguments.
pub fn ascii_digits(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match decimal_value(c) {
            Some(d) => char::from_digit(d, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

fn is_digit_char(c: char) -> bool {
    is_decimal_char(c) || in_ranges(DIGIT_NOT_DECIMAL, c)
}

fn is_numeric_char(c: char) -> bool {
    matches!(
        get_general_category(c),
        Gc::DecimalNumber | Gc::LetterNumber | Gc::OtherNumber
    ) || in_ranges(NUMERIC_NOT_N, c)
}

fn is_alpha_char(c: char) -> bool {
    matches!(
        get_general_category(c),
        Gc::UppercaseLetter
            | Gc::LowercaseLetter
            | Gc::TitlecaseLetter
            | Gc::ModifierLetter
            | Gc::OtherLetter
    )
}

/// CPython's printable: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs, except ' '.
fn is_printable_char(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' '..='~');
    }
    !matches!(
        get_general_category(c),
        Gc::Control
            | Gc::Format
            | Gc::Surrogate
            | Gc::PrivateUse
            | Gc::Unassigned
            | Gc::LineSeparator
            | Gc::ParagraphSeparator
            | Gc::SpaceSeparator
    )
}

/// `str.isdigit()`: decimal digits plus digits such as '²' and '①'.
pub fn is_digit(s: &str) -> bool {
    if s.is_ascii() {
        return !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    }
    all_chars(s, is_digit_char)
}

/// `str.isdecimal()`: category Nd only.
pub fn is_decimal(s: &str) -> bool {
    if s.is_ascii() {
        return !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    }
    all_chars(s, is_decimal_char)
}

/// `str.isnumeric()`: any char with a numeric value ('½', 'Ⅻ', '七').
pub fn is_numeric(s: &str) -> bool {
    if s.is_ascii() {
        return !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    }
    all_chars(s, is_numeric_char)
}

/// `str.isalpha()`: categories Lu, Ll, Lt, Lm, Lo.
pub fn is_alpha(s: &str) -> bool {
    if s.is_ascii() {
        return !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphabetic());
    }
    all_chars(s, is_alpha_char)
}

/// `str.isalnum()`: every char alphabetic or numeric.
pub fn is_alnum(s: &str) -> bool {
    if s.is_ascii() {
        return !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric());
    }
    all_chars(s, |c| is_alpha_char(c) || is_numeric_char(c))
}

/// `str.isspace()`.
pub fn is_space(s: &str) -> bool {
    all_chars(s, is_py_space)
}

/// `str.isupper()`: at least one cased char and no lowercase or titlecase ones.
pub fn is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_lowercase() || get_general_category(c) == Gc::TitlecaseLetter {
            return false;
        }
        cased |= c.is_uppercase();
    }
    cased
}

/// `str.islower()`: at least one cased char and no uppercase or titlecase ones.
pub fn is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if c.is_uppercase() || get_general_category(c) == Gc::TitlecaseLetter {
            return false;
        }
        cased |= c.is_lowercase();
    }
    cased
}

/// `str.istitle()`: uppercase/titlecase chars only start words, lowercase ones only continue
/// them, and there is at least one cased char.
pub fn is_title(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if c.is_uppercase() || get_general_category(c) == Gc::TitlecaseLetter {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if c.is_lowercase() {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `str.isidentifier()`: XID_Start or '_' first, then XID_Continue.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|first| first == '_' || unicode_ident::is_xid_start(first))
        && chars.all(unicode_ident::is_xid_continue)
}

/// `str.isprintable()`; true for the empty string.
pub fn is_printable(s: &str) -> bool {
    s.chars().all(is_printable_char)
}

/// `str.isascii()`; true for the empty string.
pub fn is_ascii(s: &str) -> bool {
    s.is_ascii()
}

// ---------------------------------------------------------------------------------------------
// repr, ascii, hash
// ---------------------------------------------------------------------------------------------

/// `repr(str)`.
pub fn repr(s: &str) -> String {
    quote(s, false)
}

/// `ascii(str)`: like [`repr`] with every non-ASCII char escaped.
pub fn ascii_repr(s: &str) -> String {
    quote(s, true)
}

/// CPython's string quoting: single quotes unless the text has a single quote and no double
/// quote; backslash escapes for `\\`, `\t`, `\n`, `\r` and the quote; hex escapes for the rest
/// of the non-printable chars (and, with `escape_non_ascii`, for all non-ASCII chars).
fn quote(s: &str, escape_non_ascii: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    let mut plain_start = 0;
    for (at, c) in s.char_indices() {
        let keep = match c {
            '\\' | '\t' | '\n' | '\r' => false,
            ' '..='~' => c != quote,
            _ => !c.is_ascii() && !escape_non_ascii && is_printable_char(c),
        };
        if keep {
            continue;
        }
        out.push_str(&s[plain_start..at]);
        plain_start = at + c.len_utf8();
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => {
                let cp = u32::from(c);
                // Writing to a String cannot fail.
                let _ = match cp {
                    0..=0xff => write!(out, "\\x{cp:02x}"),
                    0x100..=0xffff => write!(out, "\\u{cp:04x}"),
                    _ => write!(out, "\\U{cp:08x}"),
                };
            }
        }
    }
    out.push_str(&s[plain_start..]);
    out.push(quote);
    out
}

/// Hash of a str: FxHash of its UTF-8 bytes, never -1 (CPython reserves it for errors).
pub fn hash_str(s: &str) -> i64 {
    let mut hasher = FxHasher::default();
    hasher.write(s.as_bytes());
    match hasher.finish() as i64 {
        -1 => -2,
        hash => hash,
    }
}

// ---------------------------------------------------------------------------------------------
// Unicode 14 data no crate provides
// ---------------------------------------------------------------------------------------------

/// Characters with Numeric_Type=Digit (isdigit but not isdecimal), Unicode 14.
#[rustfmt::skip]
const DIGIT_NOT_DECIMAL: &[(u32, u32)] = &[
    (0x00B2, 0x00B3), (0x00B9, 0x00B9), (0x1369, 0x1371), (0x19DA, 0x19DA), (0x2070, 0x2070),
    (0x2074, 0x2079), (0x2080, 0x2089), (0x2460, 0x2468), (0x2474, 0x247C), (0x2488, 0x2490),
    (0x24EA, 0x24EA), (0x24F5, 0x24FD), (0x24FF, 0x24FF), (0x2776, 0x277E), (0x2780, 0x2788),
    (0x278A, 0x2792), (0x10A40, 0x10A43), (0x10E60, 0x10E68), (0x11052, 0x1105A),
    (0x1F100, 0x1F10A),
];
/// Characters with a numeric value outside categories Nd/Nl/No (CJK numerals etc.), Unicode 14.
#[rustfmt::skip]
const NUMERIC_NOT_N: &[(u32, u32)] = &[
    (0x3405, 0x3405), (0x3483, 0x3483), (0x382A, 0x382A), (0x3B4D, 0x3B4D), (0x4E00, 0x4E00),
    (0x4E03, 0x4E03), (0x4E07, 0x4E07), (0x4E09, 0x4E09), (0x4E5D, 0x4E5D), (0x4E8C, 0x4E8C),
    (0x4E94, 0x4E94), (0x4E96, 0x4E96), (0x4EBF, 0x4EC0), (0x4EDF, 0x4EDF), (0x4EE8, 0x4EE8),
    (0x4F0D, 0x4F0D), (0x4F70, 0x4F70), (0x5104, 0x5104), (0x5146, 0x5146), (0x5169, 0x5169),
    (0x516B, 0x516B), (0x516D, 0x516D), (0x5341, 0x5341), (0x5343, 0x5345), (0x534C, 0x534C),
    (0x53C1, 0x53C4), (0x56DB, 0x56DB), (0x58F1, 0x58F1), (0x58F9, 0x58F9), (0x5E7A, 0x5E7A),
    (0x5EFE, 0x5EFF), (0x5F0C, 0x5F0E), (0x5F10, 0x5F10), (0x62FE, 0x62FE), (0x634C, 0x634C),
    (0x67D2, 0x67D2), (0x6F06, 0x6F06), (0x7396, 0x7396), (0x767E, 0x767E), (0x8086, 0x8086),
    (0x842C, 0x842C), (0x8CAE, 0x8CAE), (0x8CB3, 0x8CB3), (0x8D30, 0x8D30), (0x9621, 0x9621),
    (0x9646, 0x9646), (0x964C, 0x964C), (0x9678, 0x9678), (0x96F6, 0x96F6), (0xF96B, 0xF96B),
    (0xF973, 0xF973), (0xF978, 0xF978), (0xF9B2, 0xF9B2), (0xF9D1, 0xF9D1), (0xF9D3, 0xF9D3),
    (0xF9FD, 0xF9FD), (0x20001, 0x20001), (0x20064, 0x20064), (0x200E2, 0x200E2),
    (0x20121, 0x20121), (0x2092A, 0x2092A), (0x20983, 0x20983), (0x2098C, 0x2098C),
    (0x2099C, 0x2099C), (0x20AEA, 0x20AEA), (0x20AFD, 0x20AFD), (0x20B19, 0x20B19),
    (0x22390, 0x22390), (0x22998, 0x22998), (0x23B1B, 0x23B1B), (0x2626D, 0x2626D),
    (0x2F890, 0x2F890),
];
/// Full case folds that expand to several chars (CaseFolding status F), Unicode 14.
const MULTI_CHAR_FOLDS: &[(char, &str)] = &[
    ('\u{df}', "ss"),
    ('\u{130}', "i\u{307}"),
    ('\u{149}', "\u{2bc}n"),
    ('\u{1f0}', "j\u{30c}"),
    ('\u{390}', "\u{3b9}\u{308}\u{301}"),
    ('\u{3b0}', "\u{3c5}\u{308}\u{301}"),
    ('\u{587}', "\u{565}\u{582}"),
    ('\u{1e96}', "h\u{331}"),
    ('\u{1e97}', "t\u{308}"),
    ('\u{1e98}', "w\u{30a}"),
    ('\u{1e99}', "y\u{30a}"),
    ('\u{1e9a}', "a\u{2be}"),
    ('\u{1e9e}', "ss"),
    ('\u{1f50}', "\u{3c5}\u{313}"),
    ('\u{1f52}', "\u{3c5}\u{313}\u{300}"),
    ('\u{1f54}', "\u{3c5}\u{313}\u{301}"),
    ('\u{1f56}', "\u{3c5}\u{313}\u{342}"),
    ('\u{1f80}', "\u{1f00}\u{3b9}"),
    ('\u{1f81}', "\u{1f01}\u{3b9}"),
    ('\u{1f82}', "\u{1f02}\u{3b9}"),
    ('\u{1f83}', "\u{1f03}\u{3b9}"),
    ('\u{1f84}', "\u{1f04}\u{3b9}"),
    ('\u{1f85}', "\u{1f05}\u{3b9}"),
    ('\u{1f86}', "\u{1f06}\u{3b9}"),
    ('\u{1f87}', "\u{1f07}\u{3b9}"),
    ('\u{1f88}', "\u{1f00}\u{3b9}"),
    ('\u{1f89}', "\u{1f01}\u{3b9}"),
    ('\u{1f8a}', "\u{1f02}\u{3b9}"),
    ('\u{1f8b}', "\u{1f03}\u{3b9}"),
    ('\u{1f8c}', "\u{1f04}\u{3b9}"),
    ('\u{1f8d}', "\u{1f05}\u{3b9}"),
    ('\u{1f8e}', "\u{1f06}\u{3b9}"),
    ('\u{1f8f}', "\u{1f07}\u{3b9}"),
    ('\u{1f90}', "\u{1f20}\u{3b9}"),
    ('\u{1f91}', "\u{1f21}\u{3b9}"),
    ('\u{1f92}', "\u{1f22}\u{3b9}"),
    ('\u{1f93}', "\u{1f23}\u{3b9}"),
    ('\u{1f94}', "\u{1f24}\u{3b9}"),
    ('\u{1f95}', "\u{1f25}\u{3b9}"),
    ('\u{1f96}', "\u{1f26}\u{3b9}"),
    ('\u{1f97}', "\u{1f27}\u{3b9}"),
    ('\u{1f98}', "\u{1f20}\u{3b9}"),
    ('\u{1f99}', "\u{1f21}\u{3b9}"),
    ('\u{1f9a}', "\u{1f22}\u{3b9}"),
    ('\u{1f9b}', "\u{1f23}\u{3b9}"),
    ('\u{1f9c}', "\u{1f24}\u{3b9}"),
    ('\u{1f9d}', "\u{1f25}\u{3b9}"),
    ('\u{1f9e}', "\u{1f26}\u{3b9}"),
    ('\u{1f9f}', "\u{1f27}\u{3b9}"),
    ('\u{1fa0}', "\u{1f60}\u{3b9}"),
    ('\u{1fa1}', "\u{1f61}\u{3b9}"),
    ('\u{1fa2}', "\u{1f62}\u{3b9}"),
    ('\u{1fa3}', "\u{1f63}\u{3b9}"),
    ('\u{1fa4}', "\u{1f64}\u{3b9}"),
    ('\u{1fa5}', "\u{1f65}\u{3b9}"),
    ('\u{1fa6}', "\u{1f66}\u{3b9}"),
    ('\u{1fa7}', "\u{1f67}\u{3b9}"),
    ('\u{1fa8}', "\u{1f60}\u{3b9}"),
    ('\u{1fa9}', "\u{1f61}\u{3b9}"),
    ('\u{1faa}', "\u{1f62}\u{3b9}"),
    ('\u{1fab}', "\u{1f63}\u{3b9}"),
    ('\u{1fac}', "\u{1f64}\u{3b9}"),
    ('\u{1fad}', "\u{1f65}\u{3b9}"),
    ('\u{1fae}', "\u{1f66}\u{3b9}"),
    ('\u{1faf}', "\u{1f67}\u{3b9}"),
    ('\u{1fb2}', "\u{1f70}\u{3b9}"),
    ('\u{1fb3}', "\u{3b1}\u{3b9}"),
    ('\u{1fb4}', "\u{3ac}\u{3b9}"),
    ('\u{1fb6}', "\u{3b1}\u{342}"),
    ('\u{1fb7}', "\u{3b1}\u{342}\u{3b9}"),
    ('\u{1fbc}', "\u{3b1}\u{3b9}"),
    ('\u{1fc2}', "\u{1f74}\u{3b9}"),
    ('\u{1fc3}', "\u{3b7}\u{3b9}"),
    ('\u{1fc4}', "\u{3ae}\u{3b9}"),
    ('\u{1fc6}', "\u{3b7}\u{342}"),
    ('\u{1fc7}', "\u{3b7}\u{342}\u{3b9}"),
    ('\u{1fcc}', "\u{3b7}\u{3b9}"),
    ('\u{1fd2}', "\u{3b9}\u{308}\u{300}"),
    ('\u{1fd3}', "\u{3b9}\u{308}\u{301}"),
    ('\u{1fd6}', "\u{3b9}\u{342}"),
    ('\u{1fd7}', "\u{3b9}\u{308}\u{342}"),
    ('\u{1fe2}', "\u{3c5}\u{308}\u{300}"),
    ('\u{1fe3}', "\u{3c5}\u{308}\u{301}"),
    ('\u{1fe4}', "\u{3c1}\u{313}"),
    ('\u{1fe6}', "\u{3c5}\u{342}"),
    ('\u{1fe7}', "\u{3c5}\u{308}\u{342}"),
    ('\u{1ff2}', "\u{1f7c}\u{3b9}"),
    ('\u{1ff3}', "\u{3c9}\u{3b9}"),
    ('\u{1ff4}', "\u{3ce}\u{3b9}"),
    ('\u{1ff6}', "\u{3c9}\u{342}"),
    ('\u{1ff7}', "\u{3c9}\u{342}\u{3b9}"),
    ('\u{1ffc}', "\u{3c9}\u{3b9}"),
    ('\u{fb00}', "ff"),
    ('\u{fb01}', "fi"),
    ('\u{fb02}', "fl"),
    ('\u{fb03}', "ffi"),
    ('\u{fb04}', "ffl"),
    ('\u{fb05}', "st"),
    ('\u{fb06}', "st"),
    ('\u{fb13}', "\u{574}\u{576}"),
    ('\u{fb14}', "\u{574}\u{565}"),
    ('\u{fb15}', "\u{574}\u{56b}"),
    ('\u{fb16}', "\u{57e}\u{576}"),
    ('\u{fb17}', "\u{574}\u{56d}"),
];

#[cfg(test)]
mod tests {
    //! Expected values were produced by CPython 3.11 (`python3.11`) and pasted here.

    use super::*;

    const LENGTHS: &[(&str, usize, &[usize])] = &[
        ("", 0, &[0]),
        ("abc", 3, &[0, 1, 2, 3]),
        ("héllo", 5, &[0, 1, 3, 4, 5, 6]),
        ("ß", 1, &[0, 2]),
        ("a😀b", 3, &[0, 1, 5, 6]),
        ("日本語", 3, &[0, 3, 6, 9]),
        ("\u{0}\u{7f}\u{80}", 3, &[0, 1, 2, 4]),
    ];
    type SliceBounds = (i64, Option<i64>, Option<i64>, i64, (i64, i64, i64));
    const ADJUST_SLICE: &[SliceBounds] = &[
        (0, None, None, 1, (0, 0, 0)),
        (0, None, None, -1, (-1, -1, 0)),
        (0, Some(1), Some(3), 1, (0, 0, 0)),
        (0, Some(-2), None, 1, (0, 0, 0)),
        (0, Some(-100), Some(100), 1, (0, 0, 0)),
        (0, Some(100), None, 1, (0, 0, 0)),
        (0, None, Some(-100), -1, (-1, -1, 0)),
        (0, Some(4), Some(0), -2, (-1, -1, 0)),
        (0, Some(3), None, -1, (-1, -1, 0)),
        (0, None, None, 2, (0, 0, 0)),
        (0, None, None, -3, (-1, -1, 0)),
        (0, Some(-1), Some(-6), -1, (-1, -1, 0)),
        (0, Some(2), Some(2), 1, (0, 0, 0)),
        (0, Some(0), Some(5), 7, (0, 0, 0)),
        (0, None, None, -9223372036854775807, (-1, -1, 0)),
        (5, None, None, 1, (0, 5, 5)),
        (5, None, None, -1, (4, -1, 5)),
        (5, Some(1), Some(3), 1, (1, 3, 2)),
        (5, Some(-2), None, 1, (3, 5, 2)),
        (5, Some(-100), Some(100), 1, (0, 5, 5)),
        (5, Some(100), None, 1, (5, 5, 0)),
        (5, None, Some(-100), -1, (4, -1, 5)),
        (5, Some(4), Some(0), -2, (4, 0, 2)),
        (5, Some(3), None, -1, (3, -1, 4)),
        (5, None, None, 2, (0, 5, 3)),
        (5, None, None, -3, (4, -1, 2)),
        (5, Some(-1), Some(-6), -1, (4, -1, 5)),
        (5, Some(2), Some(2), 1, (2, 2, 0)),
        (5, Some(0), Some(5), 7, (0, 5, 1)),
        (5, None, None, -9223372036854775807, (4, -1, 1)),
    ];
    type SliceCase = (&'static str, Option<i64>, Option<i64>, i64, &'static str);
    const SLICES: &[SliceCase] = &[
        ("hello world", None, None, 1, "hello world"),
        ("hello world", Some(1), Some(4), 1, "ell"),
        ("hello world", None, None, -1, "dlrow olleh"),
        ("hello world", None, None, 2, "hlowrd"),
        ("hello world", Some(-3), None, 1, "rld"),
        ("hello world", Some(8), Some(1), -3, "r l"),
        ("hello world", Some(1), None, 3, "eood"),
        ("hello world", Some(-1), Some(-100), -2, "drwolh"),
        ("héllo wörld😀", None, None, 1, "héllo wörld😀"),
        ("héllo wörld😀", Some(1), Some(4), 1, "éll"),
        ("héllo wörld😀", None, None, -1, "😀dlröw olléh"),
        ("héllo wörld😀", None, None, 2, "hlowrd"),
        ("héllo wörld😀", Some(-3), None, 1, "ld😀"),
        ("héllo wörld😀", Some(8), Some(1), -3, "r l"),
        ("héllo wörld😀", Some(1), None, 3, "éoöd"),
        ("héllo wörld😀", Some(-1), Some(-100), -2, "😀lö lé"),
        ("日本語テキスト", None, None, 1, "日本語テキスト"),
        ("日本語テキスト", Some(1), Some(4), 1, "本語テ"),
        ("日本語テキスト", None, None, -1, "トスキテ語本日"),
        ("日本語テキスト", None, None, 2, "日語キト"),
        ("日本語テキスト", Some(-3), None, 1, "キスト"),
        ("日本語テキスト", Some(8), Some(1), -3, "トテ"),
        ("日本語テキスト", Some(1), None, 3, "本キ"),
        ("日本語テキスト", Some(-1), Some(-100), -2, "トキ語日"),
        ("", None, None, 1, ""),
        ("", Some(1), Some(4), 1, ""),
        ("", None, None, -1, ""),
        ("", None, None, 2, ""),
        ("", Some(-3), None, 1, ""),
        ("", Some(8), Some(1), -3, ""),
        ("", Some(1), None, 3, ""),
        ("", Some(-1), Some(-100), -2, ""),
    ];
    type SearchCase = (
        &'static str,
        &'static str,
        Option<i64>,
        Option<i64>,
        i64,
        i64,
        usize,
        bool,
        bool,
    );
    const SEARCHES: &[SearchCase] = &[
        ("hello", "l", None, None, 2, 3, 2, false, false),
        ("hello", "", None, None, 0, 5, 6, true, true),
        ("hello", "", Some(5), None, 5, 5, 1, true, true),
        ("hello", "", Some(6), None, -1, -1, 0, false, false),
        ("hello", "", Some(2), Some(1), -1, -1, 0, false, false),
        ("hello", "lo", Some(-2), None, 3, 3, 1, true, true),
        ("hello", "h", Some(-100), None, 0, 0, 1, true, false),
        ("hello", "o", None, Some(-1), -1, -1, 0, false, false),
        ("hello", "o", None, Some(100), 4, 4, 1, false, true),
        ("hello", "z", None, None, -1, -1, 0, false, false),
        ("héllo wörld", "ö", None, None, 7, 7, 1, false, false),
        ("héllo wörld", "l", Some(4), None, 9, 9, 1, false, false),
        ("héllo wörld", "l", Some(-3), Some(-1), 9, 9, 1, false, true),
        ("aaaa", "aa", None, None, 0, 2, 2, true, true),
        ("aaaa", "aa", Some(1), None, 1, 2, 1, true, true),
        ("😀a😀a", "a", Some(2), None, 3, 3, 1, false, true),
        ("", "", None, None, 0, 0, 1, true, true),
        ("", "", Some(1), None, -1, -1, 0, false, false),
        ("", "a", None, None, -1, -1, 0, false, false),
        ("abc", "abc", Some(0), Some(3), 0, 0, 1, true, true),
        ("abc", "abc", Some(0), Some(2), -1, -1, 0, false, false),
        ("日本語日本", "本", Some(2), None, 4, 4, 1, false, true),
        ("ab", "", Some(-1), None, 1, 2, 2, true, true),
    ];
    const REPLACES: &[(&str, &str, &str, i64, &str)] = &[
        ("hello", "l", "L", -1, "heLLo"),
        ("hello", "l", "L", 1, "heLlo"),
        ("hello", "l", "L", 0, "hello"),
        ("hello", "", "-", -1, "-h-e-l-l-o-"),
        ("hello", "", "-", 2, "-h-ello"),
        ("", "", "x", -1, "x"),
        ("", "", "x", 0, ""),
        ("", "a", "x", -1, ""),
        ("aaaa", "aa", "b", -1, "bb"),
        ("héllo", "é", "e", -1, "hello"),
        ("日本", "", "|", -1, "|日|本|"),
        ("abc", "abc", "", -1, ""),
        ("abcabc", "b", "😀", 5, "a😀ca😀c"),
        ("ab", "", "-", 2, "-a-b"),
        ("ab", "", "-", 3, "-a-b-"),
        ("ab", "", "-", 100, "-a-b-"),
        ("é😀", "", "-", 2, "-é-😀"),
        ("hello", "z", "Z", -1, "hello"),
        ("héllo wörld", "o", "0", -1, "héll0 wörld"),
        ("banana", "a", "o", -1, "bonono"),
        ("banana", "a", "o", 2, "bonona"),
    ];
    const WHITESPACE_SPLITS: &[(&str, i64, &[&str], &[&str])] = &[
        ("", -1, &[], &[]),
        ("", 0, &[], &[]),
        ("", 1, &[], &[]),
        ("", 2, &[], &[]),
        ("   ", -1, &[], &[]),
        ("   ", 0, &[], &[]),
        ("   ", 1, &[], &[]),
        ("   ", 2, &[], &[]),
        ("a b  c", -1, &["a", "b", "c"], &["a", "b", "c"]),
        ("a b  c", 0, &["a b  c"], &["a b  c"]),
        ("a b  c", 1, &["a", "b  c"], &["a b", "c"]),
        ("a b  c", 2, &["a", "b", "c"], &["a", "b", "c"]),
        ("  a b  c  ", -1, &["a", "b", "c"], &["a", "b", "c"]),
        ("  a b  c  ", 0, &["a b  c  "], &["  a b  c"]),
        ("  a b  c  ", 1, &["a", "b  c  "], &["  a b", "c"]),
        ("  a b  c  ", 2, &["a", "b", "c  "], &["  a", "b", "c"]),
        (
            "a\u{3000}b\u{1c}c\u{85}d",
            -1,
            &["a", "b", "c", "d"],
            &["a", "b", "c", "d"],
        ),
        (
            "a\u{3000}b\u{1c}c\u{85}d",
            0,
            &["a\u{3000}b\u{1c}c\u{85}d"],
            &["a\u{3000}b\u{1c}c\u{85}d"],
        ),
        (
            "a\u{3000}b\u{1c}c\u{85}d",
            1,
            &["a", "b\u{1c}c\u{85}d"],
            &["a\u{3000}b\u{1c}c", "d"],
        ),
        (
            "a\u{3000}b\u{1c}c\u{85}d",
            2,
            &["a", "b", "c\u{85}d"],
            &["a\u{3000}b", "c", "d"],
        ),
        ("\u{200b}x y", -1, &["\u{200b}x", "y"], &["\u{200b}x", "y"]),
        ("\u{200b}x y", 0, &["\u{200b}x y"], &["\u{200b}x y"]),
        ("\u{200b}x y", 1, &["\u{200b}x", "y"], &["\u{200b}x", "y"]),
        ("\u{200b}x y", 2, &["\u{200b}x", "y"], &["\u{200b}x", "y"]),
        ("one", -1, &["one"], &["one"]),
        ("one", 0, &["one"], &["one"]),
        ("one", 1, &["one"], &["one"]),
        ("one", 2, &["one"], &["one"]),
        (
            "  one  two three  ",
            -1,
            &["one", "two", "three"],
            &["one", "two", "three"],
        ),
        (
            "  one  two three  ",
            0,
            &["one  two three  "],
            &["  one  two three"],
        ),
        (
            "  one  two three  ",
            1,
            &["one", "two three  "],
            &["  one  two", "three"],
        ),
        (
            "  one  two three  ",
            2,
            &["one", "two", "three  "],
            &["  one", "two", "three"],
        ),
    ];
    type SepSplitCase = (
        &'static str,
        &'static str,
        i64,
        &'static [&'static str],
        &'static [&'static str],
    );
    const SEP_SPLITS: &[SepSplitCase] = &[
        ("a,b,c", ",", -1, &["a", "b", "c"], &["a", "b", "c"]),
        ("a,b,c", ",", 0, &["a,b,c"], &["a,b,c"]),
        ("a,b,c", ",", 1, &["a", "b,c"], &["a,b", "c"]),
        (
            ",a,,b,",
            ",",
            -1,
            &["", "a", "", "b", ""],
            &["", "a", "", "b", ""],
        ),
        (",a,,b,", ",", 0, &[",a,,b,"], &[",a,,b,"]),
        (",a,,b,", ",", 1, &["", "a,,b,"], &[",a,,b", ""]),
        ("", "x", -1, &[""], &[""]),
        ("", "x", 0, &[""], &[""]),
        ("", "x", 1, &[""], &[""]),
        ("abc", "x", -1, &["abc"], &["abc"]),
        ("abc", "x", 0, &["abc"], &["abc"]),
        ("abc", "x", 1, &["abc"], &["abc"]),
        ("aaa", "aa", -1, &["", "a"], &["a", ""]),
        ("aaa", "aa", 0, &["aaa"], &["aaa"]),
        ("aaa", "aa", 1, &["", "a"], &["a", ""]),
        ("a::b::c", "::", -1, &["a", "b", "c"], &["a", "b", "c"]),
        ("a::b::c", "::", 0, &["a::b::c"], &["a::b::c"]),
        ("a::b::c", "::", 1, &["a", "b::c"], &["a::b", "c"]),
        ("é😀é😀", "😀", -1, &["é", "é", ""], &["é", "é", ""]),
        ("é😀é😀", "😀", 0, &["é😀é😀"], &["é😀é😀"]),
        ("é😀é😀", "😀", 1, &["é", "é😀"], &["é😀é", ""]),
    ];
    const SPLITLINES: &[(&str, bool, &[&str])] = &[
        ("", false, &[]),
        ("", true, &[]),
        ("a", false, &["a"]),
        ("a", true, &["a"]),
        ("a\u{a}", false, &["a"]),
        ("a\u{a}", true, &["a\u{a}"]),
        ("a\u{a}b", false, &["a", "b"]),
        ("a\u{a}b", true, &["a\u{a}", "b"]),
        (
            "a\u{d}\u{a}b\u{d}c\u{a}\u{a}d",
            false,
            &["a", "b", "c", "", "d"],
        ),
        (
            "a\u{d}\u{a}b\u{d}c\u{a}\u{a}d",
            true,
            &["a\u{d}\u{a}", "b\u{d}", "c\u{a}", "\u{a}", "d"],
        ),
        ("\u{a}", false, &[""]),
        ("\u{a}", true, &["\u{a}"]),
        ("\u{d}\u{d}\u{a}", false, &["", ""]),
        ("\u{d}\u{d}\u{a}", true, &["\u{d}", "\u{d}\u{a}"]),
        (
            "x\u{b}y\u{c}z\u{1c}w\u{1d}v\u{1e}u\u{1f}t",
            false,
            &["x", "y", "z", "w", "v", "u\u{1f}t"],
        ),
        (
            "x\u{b}y\u{c}z\u{1c}w\u{1d}v\u{1e}u\u{1f}t",
            true,
            &[
                "x\u{b}", "y\u{c}", "z\u{1c}", "w\u{1d}", "v\u{1e}", "u\u{1f}t",
            ],
        ),
        ("p\u{85}q\u{2028}r\u{2029}s", false, &["p", "q", "r", "s"]),
        (
            "p\u{85}q\u{2028}r\u{2029}s",
            true,
            &["p\u{85}", "q\u{2028}", "r\u{2029}", "s"],
        ),
        ("end\u{d}", false, &["end"]),
        ("end\u{d}", true, &["end\u{d}"]),
    ];
    const STRIPS: &[(&str, Option<&str>, &str, &str, &str)] = &[
        ("  hi  ", None, "hi", "hi  ", "  hi"),
        (
            "\u{9}\u{a} hi \u{1c}\u{1f}",
            None,
            "hi",
            "hi \u{1c}\u{1f}",
            "\u{9}\u{a} hi",
        ),
        (
            "\u{a0}\u{3000}hé\u{2029}",
            None,
            "hé",
            "hé\u{2029}",
            "\u{a0}\u{3000}hé",
        ),
        (
            "\u{200b}hi\u{200b}",
            None,
            "\u{200b}hi\u{200b}",
            "\u{200b}hi\u{200b}",
            "\u{200b}hi\u{200b}",
        ),
        ("", None, "", "", ""),
        ("   ", None, "", "", ""),
        ("xxhixx", Some("x"), "hi", "hixx", "xxhi"),
        ("abchicba", Some("abc"), "hi", "hicba", "abchi"),
        ("hi", Some(""), "hi", "hi", "hi"),
        ("ééhiéé", Some("é"), "hi", "hiéé", "ééhi"),
        ("😀hi😀", Some("😀x"), "hi", "hi😀", "😀hi"),
    ];
    type PartitionCase = (
        &'static str,
        &'static str,
        (&'static str, &'static str, &'static str),
        (&'static str, &'static str, &'static str),
    );
    const PARTITIONS: &[PartitionCase] = &[
        ("a=b=c", "=", ("a", "=", "b=c"), ("a=b", "=", "c")),
        ("abc", "=", ("abc", "", ""), ("", "", "abc")),
        ("", "=", ("", "", ""), ("", "", "")),
        ("=", "=", ("", "=", ""), ("", "=", "")),
        ("é😀é😀é", "😀", ("é", "😀", "é😀é"), ("é😀é", "😀", "é")),
        (
            "key: value",
            " ",
            ("key:", " ", "value"),
            ("key:", " ", "value"),
        ),
    ];
    const PADS: &[(&str, i64, char, &str, &str, &str)] = &[
        ("abc", 7, ' ', "  abc  ", "abc    ", "    abc"),
        ("abc", 8, ' ', "  abc   ", "abc     ", "     abc"),
        ("ab", 7, '*', "***ab**", "ab*****", "*****ab"),
        ("ab", 8, '*', "***ab***", "ab******", "******ab"),
        ("abc", 2, ' ', "abc", "abc", "abc"),
        ("abc", -5, ' ', "abc", "abc", "abc"),
        ("", 3, '-', "---", "---", "---"),
        ("é", 4, 'ü', "üéüü", "éüüü", "üüüé"),
        ("日本", 5, '😀', "😀😀日本😀", "日本😀😀😀", "😀😀😀日本"),
        ("a", 2, 'x', "ax", "ax", "xa"),
        ("abc", 6, '.', ".abc..", "abc...", "...abc"),
        ("abcd", 7, '.', "..abcd.", "abcd...", "...abcd"),
        ("", 0, ' ', "", "", ""),
    ];
    const ZFILLS: &[(&str, i64, &str)] = &[
        ("42", 5, "00042"),
        ("-42", 5, "-0042"),
        ("+42", 5, "+0042"),
        ("-", 3, "-00"),
        ("+", 1, "+"),
        ("", 3, "000"),
        ("abc", 2, "abc"),
        ("é", 3, "00é"),
        ("--1", 5, "-00-1"),
        ("42", -1, "42"),
        ("1-", 4, "001-"),
    ];
    const EXPANDTABS: &[(&str, i64, &str)] = &[
        ("a\u{9}b", 8, "a       b"),
        ("a\u{9}b", 4, "a   b"),
        ("\u{9}", 8, "        "),
        ("ab\u{9}cd\u{a}\u{9}x", 4, "ab  cd\u{a}    x"),
        ("a\u{d}\u{9}b", 4, "a\u{d}    b"),
        ("é\u{9}x", 4, "é   x"),
        ("a\u{9}b", 0, "ab"),
        ("a\u{9}b", -1, "ab"),
        ("a\u{9}b", 1, "a b"),
        ("no tabs", 8, "no tabs"),
        ("日本\u{9}語", 3, "日本 語"),
    ];
    const CASES: &[(&str, &str, &str, &str, &str, &str, &str)] = &[
        ("", "", "", "", "", "", ""),
        (
            "hello World",
            "HELLO WORLD",
            "hello world",
            "Hello world",
            "Hello World",
            "HELLO wORLD",
            "hello world",
        ),
        (
            "HELLO", "HELLO", "hello", "Hello", "Hello", "hello", "hello",
        ),
        (
            "ß straße",
            "SS STRASSE",
            "ß straße",
            "Ss straße",
            "Ss Straße",
            "SS STRASSE",
            "ss strasse",
        ),
        (
            "ǅungla ǆ Ǆ",
            "ǄUNGLA Ǆ Ǆ",
            "ǆungla ǆ ǆ",
            "ǅungla ǆ ǆ",
            "ǅungla ǅ ǅ",
            "ǅUNGLA Ǆ ǆ",
            "ǆungla ǆ ǆ",
        ),
        (
            "ΣΑΣ ΑΣ. Σ",
            "ΣΑΣ ΑΣ. Σ",
            "σας ας. σ",
            "Σας ας. σ",
            "Σας Ας. Σ",
            "σας ας. σ",
            "σασ ασ. σ",
        ),
        (
            "ὈΔΥΣΣΕΎΣ",
            "ὈΔΥΣΣΕΎΣ",
            "ὀδυσσεύς",
            "Ὀδυσσεύς",
            "Ὀδυσσεύς",
            "ὀδυσσεύς",
            "ὀδυσσεύσ",
        ),
        ("aΣ'b", "AΣ'B", "aσ'b", "Aσ'b", "Aσ'B", "Aσ'B", "aσ'b"),
        (
            "ﬁre ﬂy",
            "FIRE FLY",
            "ﬁre ﬂy",
            "Fire ﬂy",
            "Fire Fly",
            "FIRE FLY",
            "fire fly",
        ),
        (
            "İstanbul",
            "İSTANBUL",
            "i\u{307}stanbul",
            "İstanbul",
            "İstanbul",
            "i\u{307}STANBUL",
            "i\u{307}stanbul",
        ),
        ("ŉ", "ʼN", "ŉ", "ʼN", "ʼN", "ʼN", "ʼn"),
        ("é😀à", "É😀À", "é😀à", "É😀à", "É😀À", "É😀À", "é😀à"),
        (
            "they're bill's",
            "THEY'RE BILL'S",
            "they're bill's",
            "They're bill's",
            "They'Re Bill'S",
            "THEY'RE BILL'S",
            "they're bill's",
        ),
        (
            "3rd 4TH_x",
            "3RD 4TH_X",
            "3rd 4th_x",
            "3rd 4th_x",
            "3Rd 4Th_X",
            "3RD 4th_X",
            "3rd 4th_x",
        ),
        ("ᾳ ᾼ", "ΑΙ ΑΙ", "ᾳ ᾳ", "ᾼ ᾳ", "ᾼ ᾼ", "ΑΙ ᾼ", "αι αι"),
        (
            "µ ſ ꭰ",
            "Μ S Ꭰ",
            "µ ſ ꭰ",
            "Μ ſ ꭰ",
            "Μ S Ꭰ",
            "Μ S Ꭰ",
            "μ s Ꭰ",
        ),
        ("Σa", "ΣA", "σa", "Σa", "Σa", "σA", "σa"),
        ("ᎠꭰᏴ", "ᎠᎠᏴ", "ꭰꭰᏼ", "Ꭰꭰᏼ", "Ꭰꭰᏼ", "ꭰᎠᏼ", "ᎠᎠᏴ"),
        (
            "aΣ\u{301}",
            "AΣ\u{301}",
            "aς\u{301}",
            "Aς\u{301}",
            "Aς\u{301}",
            "Aς\u{301}",
            "aσ\u{301}",
        ),
        ("ΑΣ1", "ΑΣ1", "ας1", "Ας1", "Ας1", "ας1", "ασ1"),
        (
            "hello\u{301}world",
            "HELLO\u{301}WORLD",
            "hello\u{301}world",
            "Hello\u{301}world",
            "Hello\u{301}World",
            "HELLO\u{301}WORLD",
            "hello\u{301}world",
        ),
    ];
    type PredicateCase = (&'static str, [bool; 12]);
    const PREDICATES: &[PredicateCase] = &[
        (
            "",
            [
                false, false, false, false, false, false, false, false, false, false, true, true,
            ],
        ),
        (
            "123",
            [
                true, true, true, false, true, false, false, false, false, false, true, true,
            ],
        ),
        (
            "١٢٣",
            [
                true, true, true, false, true, false, false, false, false, false, true, false,
            ],
        ),
        (
            "²",
            [
                true, false, true, false, true, false, false, false, false, false, true, false,
            ],
        ),
        (
            "½",
            [
                false, false, true, false, true, false, false, false, false, false, true, false,
            ],
        ),
        (
            "①",
            [
                true, false, true, false, true, false, false, false, false, false, true, false,
            ],
        ),
        (
            "Ⅻ",
            [
                false, false, true, false, true, false, true, false, true, true, true, false,
            ],
        ),
        (
            "七",
            [
                false, false, true, true, true, false, false, false, false, true, true, false,
            ],
        ),
        (
            "abc",
            [
                false, false, false, true, true, false, false, true, false, true, true, true,
            ],
        ),
        (
            "héllo",
            [
                false, false, false, true, true, false, false, true, false, true, true, false,
            ],
        ),
        (
            "ǅ",
            [
                false, false, false, true, true, false, false, false, true, true, true, false,
            ],
        ),
        (
            "ABC",
            [
                false, false, false, true, true, false, true, false, false, true, true, true,
            ],
        ),
        (
            "Abc Def",
            [
                false, false, false, false, false, false, false, false, true, false, true, true,
            ],
        ),
        (
            "ABC def",
            [
                false, false, false, false, false, false, false, false, false, false, true, true,
            ],
        ),
        (
            "a1",
            [
                false, false, false, false, true, false, false, true, false, true, true, true,
            ],
        ),
        (
            "a_1",
            [
                false, false, false, false, false, false, false, true, false, true, true, true,
            ],
        ),
        (
            "_",
            [
                false, false, false, false, false, false, false, false, false, true, true, true,
            ],
        ),
        (
            "1a",
            [
                false, false, false, false, true, false, false, true, false, false, true, true,
            ],
        ),
        (
            "été",
            [
                false, false, false, true, true, false, false, true, false, true, true, false,
            ],
        ),
        (
            "x²",
            [
                false, false, false, false, true, false, false, true, false, false, true, false,
            ],
        ),
        (
            "  \u{9}",
            [
                false, false, false, false, false, true, false, false, false, false, false, true,
            ],
        ),
        (
            "\u{1c}\u{1f}",
            [
                false, false, false, false, false, true, false, false, false, false, false, true,
            ],
        ),
        (
            "\u{a0}\u{3000}",
            [
                false, false, false, false, false, true, false, false, false, false, false, false,
            ],
        ),
        (
            "\u{200b}",
            [
                false, false, false, false, false, false, false, false, false, false, false, false,
            ],
        ),
        (
            "a\u{a}b",
            [
                false, false, false, false, false, false, false, true, false, false, false, true,
            ],
        ),
        (
            "hello!",
            [
                false, false, false, false, false, false, false, true, false, false, true, true,
            ],
        ),
        (
            "😀",
            [
                false, false, false, false, false, false, false, false, false, false, true, false,
            ],
        ),
        (
            "\u{7f}",
            [
                false, false, false, false, false, false, false, false, false, false, false, true,
            ],
        ),
        (
            "\u{301}",
            [
                false, false, false, false, false, false, false, false, false, false, true, false,
            ],
        ),
        (
            "ʰ",
            [
                false, false, false, true, true, false, false, true, false, true, true, false,
            ],
        ),
        (
            "Hello World",
            [
                false, false, false, false, false, false, false, false, true, false, true, true,
            ],
        ),
        (
            "Σ",
            [
                false, false, false, true, true, false, true, false, true, true, true, false,
            ],
        ),
        (
            "ß",
            [
                false, false, false, true, true, false, false, true, false, true, true, false,
            ],
        ),
        (
            "ǅa Ǆ",
            [
                false, false, false, false, false, false, false, false, true, false, true, false,
            ],
        ),
        (
            "\u{ad}",
            [
                false, false, false, false, false, false, false, false, false, false, false, false,
            ],
        ),
        (
            "Ⅻa",
            [
                false, false, false, false, true, false, false, false, true, true, true, false,
            ],
        ),
        (
            "ℌ",
            [
                false, false, false, true, true, false, true, false, true, true, true, false,
            ],
        ),
        (
            "日本語",
            [
                false, false, false, true, true, false, false, false, false, true, true, false,
            ],
        ),
    ];
    const REPRS: &[(&str, &str, &str)] = &[
        ("", "''", "''"),
        ("abc", "'abc'", "'abc'"),
        ("it's", "\"it's\"", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'", "'say \"hi\"'"),
        ("both ' and \"", "'both \\' and \"'", "'both \\' and \"'"),
        ("back\\slash", "'back\\\\slash'", "'back\\\\slash'"),
        (
            "\u{0}\u{1}\u{1f}\u{7f}\u{80}\u{9f}\u{a0}ÿ",
            "'\\x00\\x01\\x1f\\x7f\\x80\\x9f\\xa0ÿ'",
            "'\\x00\\x01\\x1f\\x7f\\x80\\x9f\\xa0\\xff'",
        ),
        (
            "tab\u{9}nl\u{a}cr\u{d}",
            "'tab\\tnl\\ncr\\r'",
            "'tab\\tnl\\ncr\\r'",
        ),
        ("é ß 日本", "'é ß 日本'", "'\\xe9 \\xdf \\u65e5\\u672c'"),
        (
            "\u{2028}\u{2029}\u{200b}\u{feff}",
            "'\\u2028\\u2029\\u200b\\ufeff'",
            "'\\u2028\\u2029\\u200b\\ufeff'",
        ),
        ("😀😀", "'😀😀'", "'\\U0001f600\\U0001f600'"),
        (
            "\u{e0001}\u{10ffff}",
            "'\\U000e0001\\U0010ffff'",
            "'\\U000e0001\\U0010ffff'",
        ),
        ("\u{d7ff}\u{e000}", "'\\ud7ff\\ue000'", "'\\ud7ff\\ue000'"),
        ("\u{301}", "'\u{301}'", "'\\u0301'"),
        ("\u{378}", "'\\u0378'", "'\\u0378'"),
        ("'\"", "'\\'\"'", "'\\'\"'"),
        ("\u{1b}[0m", "'\\x1b[0m'", "'\\x1b[0m'"),
    ];

    #[test]
    fn lengths_and_byte_offsets() {
        for &(s, len, offsets) in LENGTHS {
            assert_eq!(char_len(s), len, "{s:?}");
            for (index, &offset) in offsets.iter().enumerate() {
                assert_eq!(byte_offset(s, index), offset, "{s:?}[{index}]");
            }
        }
    }

    #[test]
    fn slice_adjustment() {
        for &(len, start, stop, step, expected) in ADJUST_SLICE {
            assert_eq!(
                adjust_slice(len, start, stop, step),
                expected,
                "{len} {start:?}:{stop:?}:{step}"
            );
        }
    }

    #[test]
    fn slicing() {
        for &(s, start, stop, step, expected) in SLICES {
            let (first, last, _) = adjust_slice(char_len(s) as i64, start, stop, step);
            assert_eq!(
                slice(s, first, last, step),
                expected,
                "{s:?}[{start:?}:{stop:?}:{step}]"
            );
        }
    }

    #[test]
    fn searching() {
        for &(s, sub, start, end, found, rfound, counted, starts, ends) in SEARCHES {
            let case = format!("{s:?} {sub:?} {start:?} {end:?}");
            assert_eq!(find(s, sub, start, end), found, "find {case}");
            assert_eq!(rfind(s, sub, start, end), rfound, "rfind {case}");
            assert_eq!(count(s, sub, start, end), counted, "count {case}");
            assert_eq!(startswith(s, sub, start, end), starts, "startswith {case}");
            assert_eq!(endswith(s, sub, start, end), ends, "endswith {case}");
        }
    }

    #[test]
    fn replacing() {
        for &(s, old, new, limit, expected) in REPLACES {
            assert_eq!(
                replace(s, old, new, limit)
                    .as_ref()
                    .map_or(s, StrBuilder::as_str),
                expected,
                "{s:?} {old:?} {new:?} {limit}"
            );
        }
    }

    #[test]
    fn whitespace_splitting() {
        for &(s, maxsplit, expected, rexpected) in WHITESPACE_SPLITS {
            assert_eq!(
                split_whitespace(s, maxsplit),
                expected,
                "split {s:?} {maxsplit}"
            );
            assert_eq!(
                rsplit_whitespace(s, maxsplit),
                rexpected,
                "rsplit {s:?} {maxsplit}"
            );
        }
    }

    #[test]
    fn separator_splitting() {
        for &(s, sep, maxsplit, expected, rexpected) in SEP_SPLITS {
            assert_eq!(
                split(s, sep, maxsplit),
                expected,
                "split {s:?} {sep:?} {maxsplit}"
            );
            assert_eq!(
                rsplit(s, sep, maxsplit),
                rexpected,
                "rsplit {s:?} {sep:?} {maxsplit}"
            );
        }
    }

    #[test]
    fn line_splitting() {
        for &(s, keepends, expected) in SPLITLINES {
            assert_eq!(splitlines(s, keepends), expected, "{s:?} {keepends}");
        }
    }

    #[test]
    fn stripping() {
        for &(s, chars, both, left, right) in STRIPS {
            assert_eq!(strip(s, chars), both, "strip {s:?} {chars:?}");
            assert_eq!(lstrip(s, chars), left, "lstrip {s:?} {chars:?}");
            assert_eq!(rstrip(s, chars), right, "rstrip {s:?} {chars:?}");
        }
    }

    #[test]
    fn partitioning() {
        for &(s, sep, expected, rexpected) in PARTITIONS {
            assert_eq!(partition(s, sep), expected, "partition {s:?} {sep:?}");
            assert_eq!(rpartition(s, sep), rexpected, "rpartition {s:?} {sep:?}");
        }
    }

    #[test]
    fn padding() {
        for &(s, width, fill, centered, left, right) in PADS {
            assert_eq!(
                center(s, width, fill),
                centered,
                "center {s:?} {width} {fill:?}"
            );
            assert_eq!(ljust(s, width, fill), left, "ljust {s:?} {width} {fill:?}");
            assert_eq!(rjust(s, width, fill), right, "rjust {s:?} {width} {fill:?}");
        }
        for &(s, width, expected) in ZFILLS {
            assert_eq!(zfill(s, width), expected, "zfill {s:?} {width}");
        }
    }

    #[test]
    fn tab_expansion() {
        for &(s, tabsize, expected) in EXPANDTABS {
            assert_eq!(expandtabs(s, tabsize), expected, "{s:?} {tabsize}");
        }
    }

    #[test]
    fn case_mapping() {
        for &(s, up, low, cap, tit, swap, fold) in CASES {
            assert_eq!(upper(s), up, "upper {s:?}");
            assert_eq!(lower(s), low, "lower {s:?}");
            assert_eq!(capitalize(s), cap, "capitalize {s:?}");
            assert_eq!(title(s), tit, "title {s:?}");
            assert_eq!(swapcase(s), swap, "swapcase {s:?}");
            assert_eq!(casefold(s), fold, "casefold {s:?}");
        }
    }

    #[test]
    fn predicates() {
        type Predicate = fn(&str) -> bool;
        let predicates: [(&str, Predicate); 12] = [
            ("isdigit", is_digit),
            ("isdecimal", is_decimal),
            ("isnumeric", is_numeric),
            ("isalpha", is_alpha),
            ("isalnum", is_alnum),
            ("isspace", is_space),
            ("isupper", is_upper),
            ("islower", is_lower),
            ("istitle", is_title),
            ("isidentifier", is_identifier),
            ("isprintable", is_printable),
            ("isascii", is_ascii),
        ];
        for &(s, expected) in PREDICATES {
            for ((name, predicate), want) in predicates.iter().zip(expected) {
                assert_eq!(predicate(s), want, "{s:?}.{name}()");
            }
        }
    }

    #[test]
    fn reprs() {
        for &(s, expected, expected_ascii) in REPRS {
            assert_eq!(repr(s), expected, "repr {s:?}");
            assert_eq!(ascii_repr(s), expected_ascii, "ascii {s:?}");
        }
    }

    #[test]
    fn hashing() {
        assert_eq!(hash_str("spam"), hash_str(&String::from("spam")));
        assert_ne!(hash_str("spam"), hash_str("spam "));
        assert_ne!(hash_str("ab"), hash_str("ba"));
        for s in ["", "a", "héllo", "😀"] {
            assert_ne!(hash_str(s), -1);
        }
    }
}
