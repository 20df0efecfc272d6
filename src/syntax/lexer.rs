//! Tokens from source text. A whole module is tokenized up front so the parser can look ahead
//! and backtrack by index. A tokenizer error ends the stream with an `Error` token: the parser
//! reports it only when it gets there, or when it fails earlier with a generic "invalid syntax"
//! (CPython scans the rest of the file for tokenizer errors in that case too).

use super::{SyntaxError, SyntaxErrorKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Name,
    Number,
    /// A whole string literal, prefix and quotes included; the parser decodes it.
    String,
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
    Error,
}

#[derive(Clone, Copy, Debug)]
pub struct Token<'a> {
    pub kind: TokKind,
    pub text: &'a str,
    pub line: u32,
    /// 0-based column in characters.
    pub col: u32,
    /// Bracket nesting depth after this token (an opening bracket is inside its brackets, a
    /// closing one outside), as in CPython.
    pub level: u32,
}

/// A bracket still open at the end of input.
#[derive(Clone, Copy, Debug)]
pub struct OpenBracket {
    pub ch: char,
    pub line: u32,
    pub col: u32,
}

pub struct Tokens<'a> {
    pub toks: Vec<Token<'a>>,
    /// The tokenizer error, if the stream ends with an `Error` token.
    pub error: Option<SyntaxError>,
    /// Whether `error` is one CPython raises as soon as the tokenizer meets it, so that it takes
    /// precedence over a parser error earlier in the file. Indentation errors, a bad line
    /// continuation and a premature end of file are only reported when the parser gets there.
    pub error_is_eager: bool,
    pub unclosed: Option<OpenBracket>,
}

/// Brackets nest at most this deep, as in CPython.
pub const MAX_BRACKET_DEPTH: usize = 200;

/// At most this many indentation levels (counting the outermost), as in CPython; this also
/// bounds how deeply blocks nest.
const MAX_INDENT_DEPTH: usize = 100;

const TAB_SIZE: u32 = 8;

/// The length of the longest operator at the start of `rest` (`**=` before `**` before `*`),
/// or 0. A `match` on the bytes: looking candidates up by text was the lexer's main cost.
fn operator_len(rest: &[u8]) -> usize {
    let at = |i: usize| rest.get(i).copied().unwrap_or(0);
    let (first, second) = (at(0), at(1));
    match first {
        b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b';' | b'~' => 1,
        b'.' if second == b'.' && at(2) == b'.' => 3,
        b'.' => 1,
        // `**=`, `**`, `*=`, `*` and the same shapes for `/`, `<` and `>`.
        b'*' | b'/' | b'<' | b'>' if second == first => 2 + usize::from(at(2) == b'='),
        b'-' if second == b'>' => 2,
        b'*' | b'/' | b'<' | b'>' | b'-' | b'+' | b'%' | b'&' | b'|' | b'^' | b'@' | b'='
        | b'!' | b':' => 1 + usize::from(second == b'='),
        _ => 0,
    }
}

/// Keywords that may directly follow a number (`1if x else y`), which CPython still accepts.
const KEYWORDS_AFTER_NUMBER: [&str; 8] = ["and", "else", "for", "if", "in", "is", "not", "or"];

pub fn is_id_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

pub fn is_id_continue(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// Characters CPython calls non-printable in its error message: controls, separators other
/// than the space, and the common invisible format characters.
fn is_non_printable(c: char) -> bool {
    c.is_control()
        || c != ' ' && c.is_whitespace()
        || matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
        )
}

pub fn is_string_prefix(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf"
    )
}

struct Lexer<'a> {
    src: &'a str,
    pos: usize,
    line: u32,
    line_start: usize,
    /// Column added to positions on the first line (for f-string expressions).
    first_line_col: u32,
    /// The column of `pos`, in characters.
    col: u32,
    indents: Vec<(u32, u32)>,
    brackets: Vec<OpenBracket>,
    /// Brackets that are implied around the input (an f-string expression is parsed as if
    /// wrapped in parentheses).
    base_level: usize,
    toks: Vec<Token<'a>>,
}

/// Tokenizes a module.
pub fn tokenize(src: &str) -> Tokens<'_> {
    Lexer::new(src, 1, 0, 0).run()
}

/// Tokenizes an f-string expression that starts at `line`/`col` of the real source; newlines
/// inside it are insignificant, as inside brackets.
pub fn tokenize_fstring_expr(src: &str, line: u32, col: u32) -> Tokens<'_> {
    Lexer::new(src, line, col, 1).run()
}

type LexResult<T> = Result<T, SyntaxError>;

impl<'a> Lexer<'a> {
    fn new(src: &'a str, line: u32, col: u32, base_level: usize) -> Lexer<'a> {
        Lexer {
            src,
            pos: 0,
            line,
            line_start: 0,
            first_line_col: col,
            col,
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            base_level,
            // About one token per four bytes of typical source: growing the vector
            // token by token copied it a dozen times.
            toks: Vec::with_capacity(src.len() / 4 + 16),
        }
    }

    fn run(mut self) -> Tokens<'a> {
        let error = self.lex_all().err();
        let error_is_eager = error.as_ref().is_some_and(|e| {
            e.kind == SyntaxErrorKind::SyntaxError
                && !matches!(
                    e.msg.as_str(),
                    "unexpected character after line continuation character"
                        | "unexpected EOF while parsing"
                )
        });
        if let Some(err) = &error {
            let (line, col) = (err.line, err.col.saturating_sub(1));
            self.push_at(TokKind::Error, "", line, col);
        }
        let unclosed = self.brackets.last().copied();
        Tokens {
            toks: self.toks,
            error,
            error_is_eager,
            unclosed,
        }
    }

    fn peek(&self) -> Option<char> {
        // ASCII, nearly every character of real source, without re-slicing and decoding.
        match self.src.as_bytes().get(self.pos) {
            Some(&b) if b.is_ascii() => Some(b as char),
            Some(_) => self.src[self.pos..].chars().next(),
            None => None,
        }
    }

    fn peek_at(&self, n: usize) -> Option<char> {
        self.src[self.pos..].chars().nth(n)
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        self.col += 1;
        if c == '\n' {
            self.line += 1;
            self.line_start = self.pos;
            self.first_line_col = 0;
            self.col = 0;
        }
        Some(c)
    }

    fn col_of(&self, byte: usize) -> u32 {
        let start = self.line_start.min(byte);
        self.first_line_col + self.src[start..byte].chars().count() as u32
    }

    fn col(&self) -> u32 {
        self.col
    }

    fn level(&self) -> usize {
        self.base_level + self.brackets.len()
    }

    fn push_at(&mut self, kind: TokKind, text: &'a str, line: u32, col: u32) {
        let level = self.level() as u32;
        self.toks.push(Token {
            kind,
            text,
            line,
            col,
            level,
        });
    }

    /// Pushes the token spanning `start..self.pos`, which began at `line`/`col`.
    fn push_span(&mut self, kind: TokKind, start: usize, line: u32, col: u32) {
        self.push_at(kind, &self.src[start..self.pos], line, col);
    }

    fn error(&self, msg: impl Into<String>, line: u32, col0: u32) -> SyntaxError {
        SyntaxError::new(msg, line, col0 + 1)
    }

    fn lex_all(&mut self) -> LexResult<()> {
        let mut at_line_start = self.base_level == 0;
        loop {
            if at_line_start {
                at_line_start = false;
                if self.indentation()? {
                    at_line_start = true;
                    continue;
                }
            }
            let Some(c) = self.peek() else {
                return self.finish();
            };
            let (start, line, col) = (self.pos, self.line, self.col());
            match c {
                ' ' => {
                    self.skip_spaces();
                }
                '\t' | '\x0c' | '\r' => {
                    self.bump();
                }
                '#' => self.skip_comment(),
                '\\' => {
                    self.bump();
                    match self.peek() {
                        Some('\n') => {
                            self.bump();
                        }
                        Some('\r') if self.peek_at(1) == Some('\n') => {
                            self.bump();
                            self.bump();
                        }
                        None => {
                            return Err(self.error("unexpected EOF while parsing", line, col + 1));
                        }
                        Some(_) => {
                            return Err(self.error(
                                "unexpected character after line continuation character",
                                line,
                                col + 1,
                            ));
                        }
                    }
                }
                '\n' => {
                    self.bump();
                    if self.level() == 0 {
                        self.push_at(TokKind::Newline, "\n", line, col);
                        at_line_start = true;
                    }
                }
                '0'..='9' => self.number(start, line, col)?,
                '.' if self.peek_at(1).is_some_and(|d| d.is_ascii_digit()) => {
                    self.number(start, line, col)?
                }
                '"' | '\'' => self.string(start, line, col)?,
                c if is_id_start(c) => {
                    // ASCII letters, digits and underscores at once, then any other
                    // characters one by one.
                    let ascii = self.src.as_bytes()[self.pos..]
                        .iter()
                        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
                        .count();
                    self.pos += ascii;
                    self.col += ascii as u32;
                    while self.peek().is_some_and(is_id_continue) {
                        self.bump();
                    }
                    let word = &self.src[start..self.pos];
                    if matches!(self.peek(), Some('"' | '\'')) && is_string_prefix(word) {
                        self.string(start, line, col)?;
                    } else {
                        self.push_span(TokKind::Name, start, line, col);
                    }
                }
                _ => self.operator(c, start, line, col)?,
            }
        }
    }

    /// Skips a run of spaces at once (no newline among them) and returns its length.
    fn skip_spaces(&mut self) -> u32 {
        let spaces = self.src.as_bytes()[self.pos..]
            .iter()
            .take_while(|&&b| b == b' ')
            .count();
        self.pos += spaces;
        self.col += spaces as u32;
        spaces as u32
    }

    fn skip_comment(&mut self) {
        while self.peek().is_some_and(|c| c != '\n') {
            self.bump();
        }
    }

    /// Measures the indentation of a new line and emits INDENT/DEDENT tokens. Returns true when
    /// the line is blank or a comment, which does not count for indentation.
    fn indentation(&mut self) -> LexResult<bool> {
        let (mut width, mut alt) = (0u32, 0u32);
        loop {
            match self.peek() {
                Some(' ') => {
                    let spaces = self.skip_spaces();
                    width += spaces;
                    alt += spaces;
                    continue;
                }
                Some('\t') => {
                    width = (width / TAB_SIZE + 1) * TAB_SIZE;
                    alt += 1;
                }
                Some('\x0c') => {
                    width = 0;
                    alt = 0;
                }
                _ => break,
            }
            self.bump();
        }
        match self.peek() {
            Some('#') => {
                self.skip_comment();
                self.bump();
                return Ok(true);
            }
            Some('\n') => {
                self.bump();
                return Ok(true);
            }
            Some('\r') if self.peek_at(1) == Some('\n') => {
                self.bump();
                self.bump();
                return Ok(true);
            }
            None => return Ok(false),
            // A line continued right after its indentation: the next line's tokens are
            // measured with this indentation, as CPython does.
            Some('\\') => match self.peek_at(1) {
                Some('\n') => {
                    self.bump();
                    self.bump();
                }
                Some(_) => {
                    let (line, col) = (self.line, self.col());
                    self.bump();
                    return Err(self.error(
                        "unexpected character after line continuation character",
                        line,
                        col + 1,
                    ));
                }
                None => return Ok(false),
            },
            _ => {}
        }
        let (line, col) = (self.line, self.col());
        let tab_error = || SyntaxError {
            kind: SyntaxErrorKind::TabError,
            ..SyntaxError::new(
                "inconsistent use of tabs and spaces in indentation",
                line,
                1,
            )
        };
        let (top, top_alt) = self.indents.last().copied().unwrap_or((0, 0));
        if width == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if width > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() >= MAX_INDENT_DEPTH {
                return Err(SyntaxError {
                    kind: SyntaxErrorKind::IndentationError,
                    ..SyntaxError::new("too many levels of indentation", line, 1)
                });
            }
            self.indents.push((width, alt));
            self.push_at(TokKind::Indent, "", line, width);
        } else {
            // The mismatch is reported before any DEDENT, as CPython's tokenizer does.
            let Some(&(_, target_alt)) = self.indents.iter().find(|&&(w, _)| w == width) else {
                let line_end = self.src[self.pos..]
                    .find('\n')
                    .map_or(self.src.len(), |n| self.pos + n);
                return Err(SyntaxError {
                    kind: SyntaxErrorKind::IndentationError,
                    ..SyntaxError::new(
                        "unindent does not match any outer indentation level",
                        line,
                        self.col_of(line_end) + 1,
                    )
                });
            };
            if alt != target_alt {
                return Err(tab_error());
            }
            while self.indents.last().is_some_and(|&(w, _)| width < w) {
                self.indents.pop();
                self.push_at(TokKind::Dedent, "", line, col);
            }
        }
        Ok(false)
    }

    fn finish(&mut self) -> LexResult<()> {
        let (line, col) = (self.line, self.col());
        // CPython places the closing DEDENTs and ENDMARKER at the end of the last line.
        let (end_line, end_col) = match self.src.strip_suffix('\n') {
            Some(before) if self.line > 1 => {
                let last_line = before.rfind('\n').map_or(0, |i| i + 1);
                (self.line - 1, before[last_line..].chars().count() as u32)
            }
            _ => (line, col),
        };
        if self.brackets.is_empty() {
            if self
                .toks
                .last()
                .is_some_and(|t| !matches!(t.kind, TokKind::Newline | TokKind::Dedent))
                && self.base_level == 0
            {
                self.push_at(TokKind::Newline, "", line, col);
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.push_at(TokKind::Dedent, "", end_line, end_col);
            }
        }
        self.push_at(TokKind::EndMarker, "", end_line, end_col);
        Ok(())
    }

    fn operator(&mut self, c: char, start: usize, line: u32, col: u32) -> LexResult<()> {
        let len = operator_len(&self.src.as_bytes()[start..]);
        // Operators are ASCII, so `start + len` is a character boundary.
        let Some(op) = self.src.get(start..start + len).filter(|_| len > 0) else {
            if c == '\0' {
                return Err(SyntaxError::new(
                    "source code cannot contain null bytes",
                    line,
                    0,
                ));
            }
            if is_non_printable(c) {
                return Err(self.error(
                    format!("invalid non-printable character U+{:04X}", c as u32),
                    line,
                    col,
                ));
            }
            if c.is_ascii() {
                // Like CPython, a stray ASCII character is a token the parser rejects, so a
                // tokenizer error further on still takes precedence.
                self.bump();
                self.push_span(TokKind::Op, start, line, col);
                return Ok(());
            }
            return Err(self.error(
                format!("invalid character '{c}' (U+{:04X})", c as u32),
                line,
                col,
            ));
        };
        match op {
            "(" | "[" | "{" => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(self.error("too many nested parentheses", line, col));
                }
                self.brackets.push(OpenBracket { ch: c, line, col });
            }
            ")" | "]" | "}" => match self.brackets.pop() {
                None if self.base_level == 0 => {
                    return Err(self.error(format!("unmatched '{c}'"), line, col));
                }
                None => {}
                Some(open) => {
                    let expected = match open.ch {
                        '(' => ')',
                        '[' => ']',
                        _ => '}',
                    };
                    if c != expected {
                        let mut msg = format!(
                            "closing parenthesis '{c}' does not match opening parenthesis '{}'",
                            open.ch
                        );
                        if open.line != line {
                            msg += &format!(" on line {}", open.line);
                        }
                        return Err(self.error(msg, line, col));
                    }
                }
            },
            _ => {}
        }
        self.pos += op.len();
        self.col += op.len() as u32;
        self.push_span(TokKind::Op, start, line, col);
        Ok(())
    }

    fn digits(&mut self, radix: u32) -> LexResult<bool> {
        let mut any = false;
        loop {
            match self.peek() {
                Some(c) if c.is_digit(radix) => {
                    any = true;
                    self.bump();
                }
                Some('_') if any => {
                    self.bump();
                    if !self.peek().is_some_and(|c| c.is_digit(radix)) {
                        return Err(self.literal_error(radix));
                    }
                }
                _ => return Ok(any),
            }
        }
    }

    fn literal_error(&self, radix: u32) -> SyntaxError {
        let name = radix_name(radix);
        SyntaxError::new(format!("invalid {name} literal"), self.line, self.col())
    }

    fn number(&mut self, start: usize, line: u32, col: u32) -> LexResult<()> {
        let radix = match (self.peek(), self.peek_at(1).map(|c| c.to_ascii_lowercase())) {
            (Some('0'), Some('x')) => 16,
            (Some('0'), Some('o')) => 8,
            (Some('0'), Some('b')) => 2,
            _ => 10,
        };
        if radix != 10 {
            self.bump();
            self.bump();
            if self.peek() == Some('_') {
                self.bump();
            }
            if !self.digits(radix)? {
                return Err(match self.peek() {
                    Some(c) if c.is_ascii_digit() => self.error(
                        format!("invalid digit '{c}' in {} literal", radix_name(radix)),
                        self.line,
                        self.col(),
                    ),
                    _ => self.literal_error(radix),
                });
            }
            if let Some(c) = self.peek()
                && (c.is_ascii_digit() && radix != 10)
            {
                let msg = format!("invalid digit '{c}' in {} literal", radix_name(radix));
                return Err(self.error(msg, self.line, self.col()));
            }
            return self.end_number(start, line, col, radix, false);
        }
        let mut is_float = false;
        self.digits(10)?;
        let int_part = &self.src[start..self.pos];
        if self.peek() == Some('.') {
            self.bump();
            is_float = true;
            self.digits(10)?;
        }
        if matches!(self.peek(), Some('e' | 'E')) {
            let sign = matches!(self.peek_at(1), Some('+' | '-'));
            let digit_at = if sign { 2 } else { 1 };
            if self.peek_at(digit_at).is_some_and(|c| c.is_ascii_digit()) {
                is_float = true;
                self.bump();
                if sign {
                    self.bump();
                }
                self.digits(10)?;
            } else if sign {
                self.bump();
                return Err(self.error("invalid decimal literal", self.line, self.col()));
            }
        }
        let imaginary = matches!(self.peek(), Some('j' | 'J'));
        if imaginary {
            self.bump();
        }
        if !is_float
            && !imaginary
            && int_part.starts_with('0')
            && int_part.bytes().any(|b| (b'1'..=b'9').contains(&b))
        {
            return Err(self.error(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                line,
                col,
            ));
        }
        self.end_number(start, line, col, 10, imaginary)
    }

    /// A number must not run into a name (`1abc`), except for a few keywords.
    /// CPython's caret for it is the column of the offending character, counted from 0.
    fn end_number(
        &mut self,
        start: usize,
        line: u32,
        col: u32,
        radix: u32,
        imaginary: bool,
    ) -> LexResult<()> {
        if let Some(c) = self.peek()
            && (is_id_start(c) || c.is_ascii_digit())
        {
            let rest = &self.src[self.pos..];
            let keyword_follows = KEYWORDS_AFTER_NUMBER.iter().any(|kw| rest.starts_with(kw));
            if !keyword_follows || radix == 10 && c.is_ascii_digit() {
                let kind = if imaginary {
                    "imaginary"
                } else {
                    radix_name(radix)
                };
                let msg = format!("invalid {kind} literal");
                return Err(SyntaxError::new(msg, self.line, self.col()));
            }
        }
        self.push_span(TokKind::Number, start, line, col);
        Ok(())
    }

    fn string(&mut self, start: usize, line: u32, col: u32) -> LexResult<()> {
        let Some(quote) = self.bump() else {
            return Ok(());
        };
        let triple = self.peek() == Some(quote) && self.peek_at(1) == Some(quote);
        if triple {
            self.bump();
            self.bump();
        }
        loop {
            match self.bump() {
                None => {
                    let last_line = self.line - u32::from(self.src.ends_with('\n'));
                    let msg = if triple {
                        format!(
                            "unterminated triple-quoted string literal (detected at line {last_line})"
                        )
                    } else {
                        format!("unterminated string literal (detected at line {last_line})")
                    };
                    return Err(self.error(msg, line, col));
                }
                Some('\\') => {
                    if self.peek().is_some() {
                        self.bump();
                    }
                }
                Some('\n') if !triple => {
                    let msg = format!(
                        "unterminated string literal (detected at line {})",
                        self.line - 1
                    );
                    return Err(self.error(msg, line, col));
                }
                Some(c) if c == quote => {
                    if !triple {
                        break;
                    }
                    if self.peek() == Some(quote) && self.peek_at(1) == Some(quote) {
                        self.bump();
                        self.bump();
                        break;
                    }
                }
                Some(_) => {}
            }
        }
        self.push_span(TokKind::String, start, line, col);
        Ok(())
    }
}

fn radix_name(radix: u32) -> &'static str {
    match radix {
        16 => "hexadecimal",
        8 => "octal",
        2 => "binary",
        _ => "decimal",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokKind, &str)> {
        tokenize(src)
            .toks
            .iter()
            .map(|t| (t.kind, t.text))
            .collect()
    }

    fn lex_error(src: &str) -> (String, u32, u32) {
        let err = tokenize(src).error.expect("expected a tokenizer error");
        (err.msg, err.line, err.col)
    }

    #[test]
    fn indentation_tokens() {
        use TokKind::*;
        let toks = kinds("if x:\n    y\n\n  # c\nz\n");
        let expected = [
            (Name, "if"),
            (Name, "x"),
            (Op, ":"),
            (Newline, "\n"),
            (Indent, ""),
            (Name, "y"),
            (Newline, "\n"),
            (Dedent, ""),
            (Name, "z"),
            (Newline, "\n"),
            (EndMarker, ""),
        ];
        assert_eq!(toks, expected);
    }

    #[test]
    fn brackets_join_lines() {
        use TokKind::*;
        let toks = kinds("(a,\n  b)\\\n+1");
        let expected = [
            (Op, "("),
            (Name, "a"),
            (Op, ","),
            (Name, "b"),
            (Op, ")"),
            (Op, "+"),
            (Number, "1"),
            (Newline, ""),
            (EndMarker, ""),
        ];
        assert_eq!(toks, expected);
    }

    #[test]
    fn numbers_and_strings() {
        use TokKind::*;
        let toks = kinds("0x_ff 1_0.0_1e+1_0 .5 5. 3j rb'x' f\"\"\"a\nb\"\"\" 1if");
        let expected = [
            (Number, "0x_ff"),
            (Number, "1_0.0_1e+1_0"),
            (Number, ".5"),
            (Number, "5."),
            (Number, "3j"),
            (String, "rb'x'"),
            (String, "f\"\"\"a\nb\"\"\""),
            (Number, "1"),
            (Name, "if"),
            (Newline, ""),
            (EndMarker, ""),
        ];
        assert_eq!(toks, expected);
    }

    #[test]
    fn tokenizer_errors() {
        let e = |m: &str, l, c| (m.to_string(), l, c);
        assert_eq!(lex_error("x = 1abc"), e("invalid decimal literal", 1, 5));
        assert_eq!(
            lex_error("x = 012"),
            e(
                "leading zeros in decimal integer literals are not permitted; \
                 use an 0o prefix for octal integers",
                1,
                5
            )
        );
        assert_eq!(
            lex_error("x = 1 €"),
            e("invalid character '€' (U+20AC)", 1, 7)
        );
        assert_eq!(
            lex_error("s = \"abc"),
            e("unterminated string literal (detected at line 1)", 1, 5)
        );
        assert_eq!(
            lex_error("s = \"\"\"abc\n\nx"),
            e(
                "unterminated triple-quoted string literal (detected at line 3)",
                1,
                5
            )
        );
        assert_eq!(lex_error("a = ]"), e("unmatched ']'", 1, 5));
        assert_eq!(
            lex_error("(1]"),
            e(
                "closing parenthesis ']' does not match opening parenthesis '('",
                1,
                3
            )
        );
        assert_eq!(
            lex_error("(1,\n2]"),
            e(
                "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
                2,
                2
            )
        );
        assert_eq!(
            lex_error("if x:\n  a\n b"),
            e("unindent does not match any outer indentation level", 3, 3)
        );
        assert_eq!(lex_error("x = \\"), e("unexpected EOF while parsing", 1, 6));
    }
}
