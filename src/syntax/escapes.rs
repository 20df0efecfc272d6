//! Backslash escapes in string and bytes literals, shared by plain literals and the literal
//! parts of f-strings. Errors carry CPython's message; the caller supplies the location.

/// A decoded backslash escape.
pub enum Escape {
    Char(char),
    /// A numeric escape (`\xHH`, octal, `\u`...), a code point or, in bytes, a byte value.
    Code(u32),
    /// Backslash-newline: nothing.
    Nothing,
    /// An unknown escape such as `\d`, kept as written.
    Keep(char),
}

/// Decodes the escape whose backslash is at byte `at` of `s`; returns it and the byte index
/// after it. Errors carry CPython's message.
pub fn read_escape(s: &str, at: usize, bytes: bool) -> Result<(Escape, usize), String> {
    let start = at + 1;
    let Some(c) = s.get(start..).and_then(|rest| rest.chars().next()) else {
        return Ok((Escape::Keep('\\'), start));
    };
    let next = start + c.len_utf8();
    let simple = |ch| Ok((Escape::Char(ch), next));
    let hex = |len: usize, what: &str| -> Result<(Escape, usize), String> {
        let digits = s
            .get(next..next + len)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(digits) = digits else {
            let available = s.as_bytes()[next..]
                .iter()
                .take(len)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            return Err(if bytes {
                format!("(value error) invalid \\x escape at position {at}")
            } else {
                format!(
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position \
                     {at}-{}: truncated \\{what} escape",
                    next + available - 1
                )
            });
        };
        let code = u32::from_str_radix(digits, 16).unwrap_or(0);
        if code > 0x10FFFF {
            return Err(format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {at}-{}: \
                 illegal Unicode character",
                next + len - 1
            ));
        }
        Ok((Escape::Code(code), next + len))
    };
    match c {
        '\n' => Ok((Escape::Nothing, next)),
        '\\' | '\'' | '"' => simple(c),
        'a' => simple('\x07'),
        'b' => simple('\x08'),
        'f' => simple('\x0c'),
        'n' => simple('\n'),
        'r' => simple('\r'),
        't' => simple('\t'),
        'v' => simple('\x0b'),
        '0'..='7' => {
            let digits: String = s[start..]
                .chars()
                .take(3)
                .take_while(|d| d.is_digit(8))
                .collect();
            let code = u32::from_str_radix(&digits, 8).unwrap_or(0);
            Ok((Escape::Code(code), start + digits.len()))
        }
        'x' => hex(2, "xXX"),
        'u' if !bytes => hex(4, "uXXXX"),
        'U' if !bytes => hex(8, "UXXXXXXXX"),
        'N' if !bytes => Err(format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {at}-{}: \
             \\N{{...}} escapes are not supported",
            next - 1
        )),
        _ => Ok((Escape::Keep(c), next)),
    }
}
