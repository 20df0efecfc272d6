//! String algorithms behind the str methods, with Python semantics (interim versions).

pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}
pub fn byte_offset(s: &str, i: usize) -> usize {
    if s.is_ascii() {
        i
    } else {
        s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
    }
}
pub fn adjust_slice(len: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> (i64, i64, i64) {
    let fix = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
        None => default,
        Some(v) if v < 0 => (v + len).max(lo),
        Some(v) => v.min(hi),
    };
    let (start, stop) = if step > 0 {
        (fix(start, 0, 0, len), fix(stop, len, 0, len))
    } else {
        (fix(start, len - 1, -1, len - 1), fix(stop, -1, -1, len - 1))
    };
    let n = if step > 0 {
        if stop > start {
            (stop - start - 1) / step + 1
        } else {
            0
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    (start, stop, n)
}
pub fn slice(s: &str, start: i64, stop: i64, step: i64) -> String {
    let chars: Vec<char> = s.chars().collect();
    let (_, _, n) = adjust_slice(chars.len() as i64, Some(start), Some(stop), step);
    let _ = stop;
    (0..n).map(|k| chars[(start + k * step) as usize]).collect()
}
fn window(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(usize, &str)> {
    let len = char_len(s) as i64;
    let (a, b, _) = adjust_slice(len, start, end, 1);
    if a > len || (end.is_some() && b < a) {
        return None;
    }
    let (ba, bb) = (
        byte_offset(s, a as usize),
        byte_offset(s, b.max(a) as usize),
    );
    Some((a as usize, &s[ba..bb]))
}
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((offset, w)) => w
            .find(sub)
            .map(|b| (offset + char_len(&w[..b])) as i64)
            .unwrap_or(-1),
        None => -1,
    }
}
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match window(s, start, end) {
        Some((offset, w)) => w
            .rfind(sub)
            .map(|b| (offset + char_len(&w[..b])) as i64)
            .unwrap_or(-1),
        None => -1,
    }
}
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    match window(s, start, end) {
        Some((_, w)) if sub.is_empty() => char_len(w) + 1,
        Some((_, w)) => w.matches(sub).count(),
        None => 0,
    }
}
pub fn startswith(s: &str, p: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end).is_some_and(|(_, w)| w.starts_with(p))
}
pub fn endswith(s: &str, p: &str, start: Option<i64>, end: Option<i64>) -> bool {
    window(s, start, end).is_some_and(|(_, w)| w.ends_with(p))
}
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    }
}
pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    let _ = maxsplit;
    s.split_whitespace().collect()
}
pub fn rsplit_whitespace(s: &str, maxsplit: i64) -> Vec<&str> {
    split_whitespace(s, maxsplit)
}
pub fn split<'a>(s: &'a str, sep: &str, maxsplit: i64) -> Vec<&'a str> {
    if maxsplit < 0 {
        s.split(sep).collect()
    } else {
        s.splitn(maxsplit as usize + 1, sep).collect()
    }
}
pub fn rsplit<'a>(s: &'a str, sep: &str, maxsplit: i64) -> Vec<&'a str> {
    let mut v: Vec<&str> = if maxsplit < 0 {
        s.rsplit(sep).collect()
    } else {
        s.rsplitn(maxsplit as usize + 1, sep).collect()
    };
    v.reverse();
    v
}
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let _ = keepends;
    s.lines().collect()
}
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim(),
        Some(c) => s.trim_matches(|x| c.contains(x)),
    }
}
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start(),
        Some(c) => s.trim_start_matches(|x| c.contains(x)),
    }
}
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end(),
        Some(c) => s.trim_end_matches(|x| c.contains(x)),
    }
}
pub fn partition<'a>(s: &'a str, sep: &str) -> (&'a str, &'a str, &'a str) {
    match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    }
}
pub fn rpartition<'a>(s: &'a str, sep: &str) -> (&'a str, &'a str, &'a str) {
    match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    }
}
fn pad(s: &str, width: i64, fill: char, left: usize) -> String {
    let n = char_len(s) as i64;
    if width <= n {
        return s.to_owned();
    }
    let total = (width - n) as usize;
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, left.min(total)));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, total - left.min(total)));
    out
}
pub fn center(s: &str, width: i64, fill: char) -> String {
    let n = char_len(s) as i64;
    let total = (width - n).max(0);
    let left = total / 2 + (total & width & 1);
    pad(s, width, fill, left as usize)
}
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    pad(s, width, fill, 0)
}
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    pad(s, width, fill, usize::MAX)
}
pub fn zfill(s: &str, width: i64) -> String {
    let (sign, rest) = match s.as_bytes().first() {
        Some(b'+' | b'-') => (&s[..1], &s[1..]),
        _ => ("", s),
    };
    let padded = rjust(rest, width - sign.len() as i64, '0');
    format!("{sign}{padded}")
}
pub fn expandtabs(s: &str, size: i64) -> String {
    s.replace('\t', &" ".repeat(size.max(0) as usize))
}
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}
pub fn lower(s: &str) -> String {
    s.to_lowercase()
}
pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c.flat_map(|x| x.to_lowercase()))
            .collect(),
        None => String::new(),
    }
}
pub fn title(s: &str) -> String {
    capitalize(s)
}
pub fn swapcase(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_uppercase() {
                c.to_lowercase().collect::<Vec<_>>()
            } else {
                c.to_uppercase().collect()
            }
        })
        .collect()
}
pub fn is_digit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}
pub fn is_decimal(s: &str) -> bool {
    is_digit(s)
}
pub fn is_numeric(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_numeric)
}
pub fn is_alpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphabetic)
}
pub fn is_alnum(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_alphanumeric)
}
pub fn is_space(s: &str) -> bool {
    !s.is_empty() && s.chars().all(char::is_whitespace)
}
pub fn is_upper(s: &str) -> bool {
    s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)
}
pub fn is_lower(s: &str) -> bool {
    s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)
}
pub fn is_title(s: &str) -> bool {
    !s.is_empty() && title(s) == s
}
pub fn is_identifier(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f == '_' || f.is_alphabetic())
        && c.all(|x| x == '_' || x.is_alphanumeric())
}
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}
pub fn ascii_repr(s: &str) -> String {
    repr(s)
}
pub fn hash_str(s: &str) -> i64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    s.hash(&mut h);
    let v = h.finish() as i64;
    if v == -1 { -2 } else { v }
}
