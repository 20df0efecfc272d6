//! The serialized form of code objects, as the compiled-file cache stores them. Hand-written:
//! the format is small, and owning it lets the research change it freely (the magic number
//! follows every change). Reading treats the bytes as hostile: every length is checked against
//! the bytes that remain before anything is allocated, nesting is bounded, and the result
//! passes the verifier before the caller sees it.
//!
//! Layout, little-endian; `uvar` is LEB128, `svar` zigzag LEB128, `str` is a `uvar` length and
//! UTF-8 bytes. The serialized form is an eager part and a bodies section. The eager part is a
//! string table (uvar count, then str each: every distinct name of every code object, stored
//! once) and the module's code object: its header, the byte length of its body (uvar) and the
//! body. A code object's header is name, qualname (uvar indices into the string table);
//! first_line, argcount, posonlyargcount, kwonlyargcount, flags, the number of free variables
//! (uvar): what `MakeFunction` needs. A body is stacksize (uvar); instruction count (uvar) and
//! the instruction words (u32 each); the line table as a `uvar` count of runs of equal lines,
//! each an `svar` delta from the previous run's line (starting at first_line) and a `uvar`
//! length; constants (uvar count, each a tag byte and its payload; string constants are inline
//! `str`s); names, varnames, cellvars, freevars (uvar count, then a string-table index each). A
//! code constant nested in a body is its header, then where its body lies: offset (uvar, from
//! the start of the bodies section), length (uvar) and the body's XXH3-64 checksum (u64). The
//! bodies section, which follows the eager part to the end, is every nested body, concatenated.
//! The file name is not stored: every code object of a file carries the name the loader gives it.
//!
//! Only the eager part is read and decoded when a file is loaded: a warm start of a large
//! module calls few of its functions, and reading every body cost more page faults than
//! anything else it did. A nested code object becomes a [`LazyCode`]: its header, and where its
//! body lies in the [`Bodies`] shared by the file; the body is read (a positioned read of the
//! open cache entry), checked against its checksum, decoded and verified when the code first
//! runs (see [`LazyCode::code`]). Where a body lies is checked against the bodies section when
//! its reference is read, so no read goes outside it.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::rc::Rc;

use super::code::{CodeObject, Constant};
use super::opcodes::{Instr, Opcode};
use super::verify;

/// Bump on any change of the layout above; the magic number changes with it.
pub const FORMAT_VERSION: u32 = 4;

/// How deeply constants (tuples, frozensets, code objects) may nest in a file.
pub const MAX_NESTING: usize = 256;

/// A number that changes whenever the serialized form or the instruction set changes: a hash
/// (FNV-1a) of the format version, pvm's version and every opcode's name and argument kind in
/// order, computed at compile time so that checking an entry's header costs nothing.
pub const MAGIC: u64 = {
    const fn mix(mut hash: u64, bytes: &[u8]) -> u64 {
        let mut i = 0;
        while i < bytes.len() {
            hash = (hash ^ bytes[i] as u64).wrapping_mul(0x0100_0000_01b3);
            i += 1;
        }
        hash
    }
    let mut hash = mix(0xcbf2_9ce4_8422_2325, env!("CARGO_PKG_VERSION").as_bytes());
    hash = mix(hash, &FORMAT_VERSION.to_le_bytes());
    let mut i = 0;
    while i < Opcode::ALL.len() {
        let op = Opcode::ALL[i];
        hash = mix(hash, op.name().as_bytes());
        hash = mix(hash, &[b'/', op.arg_kind() as u8, b' ']);
        i += 1;
    }
    hash
};

mod tag {
    pub const NONE: u8 = 0;
    pub const FALSE: u8 = 1;
    pub const TRUE: u8 = 2;
    pub const INT: u8 = 3;
    pub const BIG_INT: u8 = 4;
    pub const FLOAT: u8 = 5;
    pub const STR: u8 = 6;
    pub const ELLIPSIS: u8 = 7;
    pub const TUPLE: u8 = 8;
    pub const FROZEN_SET: u8 = 9;
    pub const CODE: u8 = 10;
}

/// The serialized form of `code` and the code objects nested in it: the eager part and the
/// bodies section, one after the other.
pub fn serialize(code: &CodeObject) -> Vec<u8> {
    let (mut out, bodies) = serialize_parts(code);
    out.extend_from_slice(&bodies);
    out
}

/// The serialized form of `code` as its two parts: the eager part and the bodies section.
pub fn serialize_parts(code: &CodeObject) -> (Vec<u8>, Vec<u8>) {
    let mut writer = Writer::default();
    writer.header_of(code);
    let body = writer.body_bytes(code);
    write_uvar(&mut writer.out, body.len() as u64);
    writer.out.extend_from_slice(&body);
    let mut eager = Vec::with_capacity(writer.out.len() + 16 * writer.strings.len() + 16);
    write_uvar(&mut eager, writer.strings.len() as u64);
    for s in &writer.strings {
        write_str(&mut eager, s);
    }
    eager.extend_from_slice(&writer.out);
    (eager, writer.bodies)
}

fn write_uvar(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push(n as u8 | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn write_svar(out: &mut Vec<u8>, n: i64) {
    write_uvar(out, ((n << 1) ^ (n >> 63)) as u64);
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    write_uvar(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// The code objects' bytes and the string table their names index.
#[derive(Default)]
struct Writer<'a> {
    /// The code object being written: the module's, then each nested one's in turn.
    out: Vec<u8>,
    /// The bodies section: nested bodies, each appended once written.
    bodies: Vec<u8>,
    strings: Vec<&'a str>,
    index: rustc_hash::FxHashMap<&'a str, u64>,
}

impl<'a> Writer<'a> {
    /// Writes the string-table index of `s`, adding it to the table if new.
    fn name(&mut self, s: &'a str) {
        let next = self.strings.len() as u64;
        let index = *self.index.entry(s).or_insert(next);
        if index == next {
            self.strings.push(s);
        }
        write_uvar(&mut self.out, index);
    }

    fn names(&mut self, names: &'a [Rc<str>]) {
        write_uvar(&mut self.out, names.len() as u64);
        for name in names {
            self.name(name);
        }
    }

    fn header_of(&mut self, code: &'a CodeObject) {
        self.header(
            &code.name,
            &code.qualname,
            [
                code.first_line,
                code.argcount,
                code.posonlyargcount,
                code.kwonlyargcount,
                code.flags,
                code.freevars.len() as u32,
            ],
        );
    }

    /// `code`'s body, written aside (its nested bodies go to the bodies section).
    fn body_bytes(&mut self, code: &'a CodeObject) -> Vec<u8> {
        let outer = std::mem::take(&mut self.out);
        self.body(code);
        std::mem::replace(&mut self.out, outer)
    }

    /// A nested code object: its header, then a reference to its body, which goes to the
    /// bodies section.
    fn nested_code(&mut self, code: &'a CodeObject) {
        self.header_of(code);
        let body = self.body_bytes(code);
        self.body_reference(&body);
    }

    /// Appends `body` to the bodies section and writes where it lies: offset, length and
    /// checksum.
    fn body_reference(&mut self, body: &[u8]) {
        write_uvar(&mut self.out, self.bodies.len() as u64);
        write_uvar(&mut self.out, body.len() as u64);
        self.out
            .extend_from_slice(&xxhash_rust::xxh3::xxh3_64(body).to_le_bytes());
        self.bodies.extend_from_slice(body);
    }

    fn header(&mut self, name: &'a str, qualname: &'a str, numbers: [u32; 6]) {
        self.name(name);
        self.name(qualname);
        for n in numbers {
            write_uvar(&mut self.out, u64::from(n));
        }
    }

    fn body(&mut self, code: &'a CodeObject) {
        let out = &mut self.out;
        write_uvar(out, u64::from(code.stacksize));
        write_uvar(out, code.instructions.len() as u64);
        for instr in &code.instructions {
            out.extend_from_slice(&instr.0.to_le_bytes());
        }
        let runs = line_runs(&code.lines);
        write_uvar(out, runs.len() as u64);
        let mut previous = code.first_line;
        for (line, length) in runs {
            write_svar(out, i64::from(line) - i64::from(previous));
            write_uvar(out, length as u64);
            previous = line;
        }
        write_uvar(&mut self.out, code.constants.len() as u64);
        for constant in &code.constants {
            self.constant(constant);
        }
        for names in [&code.names, &code.varnames, &code.cellvars, &code.freevars] {
            self.names(names);
        }
    }

    fn constant(&mut self, constant: &'a Constant) {
        let out = &mut self.out;
        match constant {
            Constant::None => out.push(tag::NONE),
            Constant::Bool(false) => out.push(tag::FALSE),
            Constant::Bool(true) => out.push(tag::TRUE),
            Constant::Int(i) => {
                out.push(tag::INT);
                write_svar(out, *i);
            }
            Constant::BigInt(digits) => {
                out.push(tag::BIG_INT);
                write_str(out, digits);
            }
            Constant::Float(f) => {
                out.push(tag::FLOAT);
                out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            Constant::Str(s) => {
                out.push(tag::STR);
                write_str(out, s);
            }
            Constant::Ellipsis => out.push(tag::ELLIPSIS),
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                out.push(if matches!(constant, Constant::Tuple(_)) {
                    tag::TUPLE
                } else {
                    tag::FROZEN_SET
                });
                write_uvar(out, items.len() as u64);
                for item in items {
                    self.constant(item);
                }
            }
            Constant::Code(code) => {
                out.push(tag::CODE);
                self.nested_code(code);
            }
            Constant::LazyCode(lazy) => {
                out.push(tag::CODE);
                match lazy.code() {
                    Ok(code) => self.nested_code(code),
                    // A body that does not decode stays one: the header and an empty body.
                    Err(_) => {
                        self.header(
                            &lazy.name,
                            &lazy.qualname,
                            [
                                lazy.first_line,
                                lazy.argcount,
                                lazy.posonlyargcount,
                                lazy.kwonlyargcount,
                                lazy.flags,
                                lazy.freevar_count,
                            ],
                        );
                        self.body_reference(&[]);
                    }
                }
            }
        }
    }
}

/// The line table as runs of equal lines: (line, how many instructions).
fn line_runs(lines: &[u32]) -> Vec<(u32, usize)> {
    let mut runs: Vec<(u32, usize)> = Vec::new();
    for &line in lines {
        match runs.last_mut() {
            Some((last, length)) if *last == line => *length += 1,
            _ => runs.push((line, 1)),
        }
    }
    runs
}

/// Why bytes are not a valid serialized code object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Reads a code object written by `serialize`, names it (and every nested one) `filename`, and
/// verifies it. Nested code objects come back as [`Constant::LazyCode`], decoded and verified
/// when first asked for, from a copy of the bodies section. Any defect of the bytes is an
/// error, never a panic.
pub fn deserialize(bytes: &[u8], filename: &str) -> Result<CodeObject, DecodeError> {
    decode(bytes, filename, |bodies| Ok(Bodies::Memory(bodies.into())))
}

/// `deserialize` of an eager part alone, whose nested bodies are read from `bodies`.
pub fn deserialize_eager(
    eager: &[u8],
    bodies: Bodies,
    filename: &str,
) -> Result<CodeObject, DecodeError> {
    decode(eager, filename, |rest| {
        if rest.is_empty() {
            Ok(bodies)
        } else {
            Err(DecodeError("bytes after the code object".to_owned()))
        }
    })
}

/// Decodes the eager part at the start of `bytes`; `bodies` is given the bytes after it and
/// says where the nested bodies are read from.
fn decode(
    bytes: &[u8],
    filename: &str,
    bodies: impl FnOnce(&[u8]) -> Result<Bodies, DecodeError>,
) -> Result<CodeObject, DecodeError> {
    let mut reader = Reader {
        bytes,
        pos: 0,
        strings: &[],
    };
    let strings = reader.string_table()?;
    let mut reader = Reader {
        bytes,
        pos: reader.pos,
        strings: &strings,
    };
    let header = reader.header()?;
    let end = reader.body_end()?;
    let start = reader.pos;
    let file = Rc::new(File {
        bodies: bodies(&bytes[end..])?,
        strings,
        filename: Rc::from(filename),
    });
    let mut reader = Reader {
        bytes: &bytes[..end],
        pos: start,
        strings: &file.strings,
    };
    let code = reader.body(header, MAX_NESTING, &file)?;
    if reader.pos != end {
        return Err(DecodeError("bytes after the module's body".to_owned()));
    }
    verify::verify(&code, MAX_NESTING).map_err(DecodeError)?;
    Ok(code)
}

/// A copy of `code` with every nested code object decoded and verified: what reading the file
/// eagerly would have given, or the first body that does not decode.
pub fn materialize_all(code: &CodeObject) -> Result<CodeObject, DecodeError> {
    let mut out = code.clone();
    for constant in &mut out.constants {
        let inner = match constant {
            Constant::Code(inner) => materialize_all(inner)?,
            Constant::LazyCode(lazy) => materialize_all(lazy.code()?)?,
            _ => continue,
        };
        *constant = Constant::Code(Rc::new(inner));
    }
    Ok(out)
}

/// Where the nested bodies of a file are read from: its bodies section.
pub enum Bodies {
    /// A copy in memory (in-process decoding: tests, `pvm dis`, benchmarks).
    Memory(Box<[u8]>),
    /// The open cache entry at `path`, whose bodies section is `len` bytes from `start`. pvm
    /// replaces entries by renaming, so the open file keeps the bytes it was opened with; a
    /// body that fails its checksum all the same removes the entry, so that the next run
    /// compiles the source again.
    #[cfg(unix)]
    File {
        file: std::fs::File,
        path: std::path::PathBuf,
        start: u64,
        len: u64,
    },
}

impl Bodies {
    fn len(&self) -> u64 {
        match self {
            Bodies::Memory(bytes) => bytes.len() as u64,
            #[cfg(unix)]
            Bodies::File { len, .. } => *len,
        }
    }

    /// The `length` bytes at `offset` in the section.
    fn read(&self, offset: u64, length: usize) -> Result<Cow<'_, [u8]>, DecodeError> {
        match self {
            Bodies::Memory(bytes) => usize::try_from(offset)
                .ok()
                .and_then(|offset| bytes.get(offset..offset.checked_add(length)?))
                .map(Cow::Borrowed)
                .ok_or_else(truncated),
            #[cfg(unix)]
            Bodies::File { file, start, .. } => {
                use std::os::unix::fs::FileExt;
                let mut body = vec![0; length];
                file.read_exact_at(&mut body, start + offset)
                    .map_err(|e| DecodeError(format!("a function body is unreadable ({e})")))?;
                Ok(Cow::Owned(body))
            }
        }
    }

    /// Gives up on a damaged source: a cache entry is removed (best effort).
    fn discard(&self) {
        match self {
            Bodies::Memory(_) => {}
            #[cfg(unix)]
            Bodies::File { path, .. } => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// What the code objects of one file share: its bodies, string table and file name.
struct File {
    bodies: Bodies,
    strings: Box<[Rc<str>]>,
    filename: Rc<str>,
}

/// A code object's header: what `MakeFunction` needs, known before its body is decoded.
struct Header {
    name: Rc<str>,
    qualname: Rc<str>,
    first_line: u32,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    freevar_count: u32,
}

/// A nested code object read from a file, its body not read yet. `code` reads, decodes and
/// verifies the body once; until then the header fields describe it. Made for every function
/// of a module at its load, so kept small.
pub struct LazyCode {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub first_line: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// The length of the decoded code's `freevars`: the closure `MakeFunction` checks.
    pub freevar_count: u32,
    file: Rc<File>,
    /// The body: `length` bytes at `offset` in the bodies section, and their checksum.
    offset: u32,
    length: u32,
    checksum: u64,
    /// How deeply the body's constants may still nest.
    depth: u32,
    code: OnceCell<Rc<CodeObject>>,
}

impl LazyCode {
    /// The name the loader gave the file.
    pub fn filename(&self) -> &Rc<str> {
        &self.file.filename
    }

    /// The code object, read, decoded and verified on first use; the error says why the body
    /// is not valid code (asked again, it is read again and fails the same way). Any failure
    /// also discards the file's cache entry, so that the next run compiles the source again
    /// instead of meeting the same body.
    pub fn code(&self) -> Result<&Rc<CodeObject>, DecodeError> {
        if let Some(code) = self.code.get() {
            return Ok(code);
        }
        let code = self
            .decode_body()
            .inspect_err(|_| self.file.bodies.discard())?;
        Ok(self.code.get_or_init(|| Rc::new(code)))
    }

    fn decode_body(&self) -> Result<CodeObject, DecodeError> {
        let body = self
            .file
            .bodies
            .read(u64::from(self.offset), self.length as usize)?;
        if xxhash_rust::xxh3::xxh3_64(&body) != self.checksum {
            return Err(DecodeError(format!(
                "the body of {} fails its checksum",
                self.qualname
            )));
        }
        let mut reader = Reader {
            bytes: &body,
            pos: 0,
            strings: &self.file.strings,
        };
        let header = Header {
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            first_line: self.first_line,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            freevar_count: self.freevar_count,
        };
        let depth = self.depth as usize;
        let code = reader.body(header, depth, &self.file)?;
        if reader.pos != body.len() {
            return Err(DecodeError("bytes after a code object's body".to_owned()));
        }
        verify::verify(&code, depth).map_err(DecodeError)?;
        Ok(code)
    }
}

impl PartialEq for LazyCode {
    /// Equal when both bodies decode to equal code.
    fn eq(&self, other: &LazyCode) -> bool {
        matches!((self.code(), other.code()), (Ok(a), Ok(b)) if a == b)
    }
}

impl std::fmt::Debug for LazyCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.code.get() {
            Some(code) => code.fmt(f),
            None => write!(f, "LazyCode({:?}, {} bytes)", self.qualname, self.length),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// The file's string table, which names index.
    strings: &'a [Rc<str>],
}

fn truncated() -> DecodeError {
    DecodeError("truncated".to_owned())
}

impl Reader<'_> {
    fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self.bytes.get(self.pos).ok_or_else(truncated)?;
        self.pos += 1;
        Ok(b)
    }

    fn take(&mut self, n: usize) -> Result<&[u8], DecodeError> {
        if n > self.remaining() {
            return Err(truncated());
        }
        let slice = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(slice)
    }

    #[inline(always)]
    fn uvar(&mut self) -> Result<u64, DecodeError> {
        // One byte, the common case: small counts, indices and line deltas.
        if let Some(&b) = self.bytes.get(self.pos)
            && b < 0x80
        {
            self.pos += 1;
            return Ok(u64::from(b));
        }
        self.long_uvar()
    }

    /// Two bytes (string indices and body lengths of a large file) inline, longer ones cold.
    #[inline(always)]
    fn long_uvar(&mut self) -> Result<u64, DecodeError> {
        if let Some(&[low, high]) = self.bytes.get(self.pos..self.pos + 2)
            && high < 0x80
        {
            self.pos += 2;
            return Ok(u64::from(low & 0x7f) | u64::from(high) << 7);
        }
        self.longer_uvar()
    }

    #[cold]
    #[inline(never)]
    fn longer_uvar(&mut self) -> Result<u64, DecodeError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(n);
            }
        }
        Err(DecodeError("variable-length number too long".to_owned()))
    }

    fn u64_le(&mut self) -> Result<u64, DecodeError> {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(bytes))
    }

    #[inline(always)]
    fn svar(&mut self) -> Result<i64, DecodeError> {
        let n = self.uvar()?;
        Ok((n >> 1) as i64 ^ -((n & 1) as i64))
    }

    #[inline(always)]
    fn u32(&mut self) -> Result<u32, DecodeError> {
        u32::try_from(self.uvar()?).map_err(|_| DecodeError("number out of range".to_owned()))
    }

    /// A count of items that take at least `item_size` bytes each, bounded by what remains.
    #[inline(always)]
    fn count(&mut self, item_size: usize) -> Result<usize, DecodeError> {
        let n = self.uvar()?;
        if n > (self.remaining() / item_size) as u64 {
            return Err(DecodeError(format!(
                "count {n} exceeds the remaining bytes"
            )));
        }
        Ok(n as usize)
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        let len = self.count(1)?;
        let bytes = self.take(len)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| DecodeError("a string is not UTF-8".to_owned()))
    }

    fn string_table(&mut self) -> Result<Box<[Rc<str>]>, DecodeError> {
        let n = self.count(1)?;
        let table_start = self.pos;
        let mut spans = Vec::with_capacity(n);
        for _ in 0..n {
            let len = self.count(1)?;
            spans.push(self.pos..self.pos + len);
            self.take(len)?;
        }
        // Names are almost always ASCII: one check over the whole table (lengths included)
        // instead of a UTF-8 validation per name.
        let all = self.bytes;
        let ascii = all[table_start..self.pos].is_ascii();
        spans
            .into_iter()
            .map(|span| {
                let bytes = &all[span];
                let s = if ascii {
                    // SAFETY: ASCII bytes are UTF-8.
                    unsafe { std::str::from_utf8_unchecked(bytes) }
                } else {
                    std::str::from_utf8(bytes)
                        .map_err(|_| DecodeError("a string is not UTF-8".to_owned()))?
                };
                Ok(Rc::from(s))
            })
            .collect()
    }

    /// A name: an index into the string table.
    #[inline(always)]
    fn name(&mut self) -> Result<Rc<str>, DecodeError> {
        let index = self.uvar()?;
        usize::try_from(index)
            .ok()
            .and_then(|i| self.strings.get(i))
            .cloned()
            .ok_or_else(|| DecodeError(format!("string index {index} out of range")))
    }

    fn names(&mut self) -> Result<Vec<Rc<str>>, DecodeError> {
        let n = self.count(1)?;
        let mut names = Vec::with_capacity(n);
        for _ in 0..n {
            names.push(self.name()?);
        }
        Ok(names)
    }

    /// `n` constants, checked against the remaining bytes (each takes at least one).
    fn constants(&mut self, depth: usize, file: &Rc<File>) -> Result<Vec<Constant>, DecodeError> {
        let n = self.count(1)?;
        let mut constants = Vec::with_capacity(n);
        for _ in 0..n {
            constants.push(self.constant(depth, file)?);
        }
        Ok(constants)
    }

    fn header(&mut self) -> Result<Header, DecodeError> {
        Ok(Header {
            name: self.name()?,
            qualname: self.name()?,
            first_line: self.u32()?,
            argcount: self.u32()?,
            posonlyargcount: self.u32()?,
            kwonlyargcount: self.u32()?,
            flags: self.u32()?,
            freevar_count: self.u32()?,
        })
    }

    /// Reads a body's length; returns where the body ends.
    fn body_end(&mut self) -> Result<usize, DecodeError> {
        let len = self.count(1)?;
        Ok(self.pos + len)
    }

    /// A nested code object: its header now, its body when first used. Where the body lies
    /// is checked against the bodies section here, so that reading it cannot go outside.
    fn lazy_code(&mut self, depth: usize, file: &Rc<File>) -> Result<LazyCode, DecodeError> {
        if depth == 0 {
            return Err(DecodeError("constants nested too deeply".to_owned()));
        }
        let header = self.header()?;
        let offset = self.u32()?;
        let length = self.u32()?;
        let checksum = self.u64_le()?;
        if u64::from(offset) + u64::from(length) > file.bodies.len() {
            return Err(DecodeError(format!(
                "the body of {} lies outside the bodies section",
                header.qualname
            )));
        }
        Ok(LazyCode {
            name: header.name,
            qualname: header.qualname,
            first_line: header.first_line,
            argcount: header.argcount,
            posonlyargcount: header.posonlyargcount,
            kwonlyargcount: header.kwonlyargcount,
            flags: header.flags,
            freevar_count: header.freevar_count,
            file: file.clone(),
            offset,
            length,
            checksum,
            depth: depth as u32,
            code: OnceCell::new(),
        })
    }

    fn body(
        &mut self,
        header: Header,
        depth: usize,
        file: &Rc<File>,
    ) -> Result<CodeObject, DecodeError> {
        if depth == 0 {
            return Err(DecodeError("constants nested too deeply".to_owned()));
        }
        let first_line = header.first_line;
        let stacksize = self.u32()?;
        let n = self.count(4)?;
        let words = self.take(4 * n)?;
        // Opcodes are checked over the bytes first (every fourth byte, by table), so that no
        // `Instr` with an invalid opcode is ever made.
        if let Some(word) = words
            .chunks_exact(4)
            .find(|w| !Opcode::READABLE[usize::from(w[0])])
        {
            return Err(DecodeError(format!(
                "bad opcode in {:#x}",
                u32::from_le_bytes([word[0], word[1], word[2], word[3]])
            )));
        }
        let instructions: Vec<Instr> = words
            .chunks_exact(4)
            .map(|w| Instr(u32::from_le_bytes([w[0], w[1], w[2], w[3]])))
            .collect();
        let lines = self.lines(first_line, n)?;
        let constants = self.constants(depth, file)?;
        let code = CodeObject {
            name: header.name,
            qualname: header.qualname,
            filename: file.filename.clone(),
            first_line,
            instructions,
            lines,
            constants,
            names: self.names()?,
            varnames: self.names()?,
            cellvars: self.names()?,
            freevars: self.names()?,
            argcount: header.argcount,
            posonlyargcount: header.posonlyargcount,
            kwonlyargcount: header.kwonlyargcount,
            flags: header.flags,
            stacksize,
        };
        if code.freevars.len() != header.freevar_count as usize {
            return Err(DecodeError(format!(
                "{}: free variables differ from the header",
                code.qualname
            )));
        }
        Ok(code)
    }

    /// The line table of `n` instructions, stored as runs of equal lines.
    fn lines(&mut self, first_line: u32, n: usize) -> Result<Vec<u32>, DecodeError> {
        let out_of_range = || DecodeError("line table out of range".to_owned());
        let runs = self.count(2)?;
        let mut lines = Vec::with_capacity(n);
        let mut line = i64::from(first_line);
        for _ in 0..runs {
            line = line.checked_add(self.svar()?).ok_or_else(out_of_range)?;
            let value = u32::try_from(line).map_err(|_| out_of_range())?;
            let length = usize::try_from(self.uvar()?).map_err(|_| out_of_range())?;
            if length > n - lines.len() {
                return Err(DecodeError("line table longer than the code".to_owned()));
            }
            lines.extend(std::iter::repeat_n(value, length));
        }
        if lines.len() != n {
            return Err(DecodeError("line table shorter than the code".to_owned()));
        }
        Ok(lines)
    }

    fn constant(&mut self, depth: usize, file: &Rc<File>) -> Result<Constant, DecodeError> {
        Ok(match self.byte()? {
            tag::NONE => Constant::None,
            tag::FALSE => Constant::Bool(false),
            tag::TRUE => Constant::Bool(true),
            tag::INT => Constant::Int(self.svar()?),
            tag::BIG_INT => Constant::BigInt(self.string()?),
            tag::FLOAT => Constant::Float(f64::from_bits(self.u64_le()?)),
            tag::STR => Constant::Str(self.string()?),
            tag::ELLIPSIS => Constant::Ellipsis,
            tag @ (tag::TUPLE | tag::FROZEN_SET) => {
                if depth <= 1 {
                    return Err(DecodeError("constants nested too deeply".to_owned()));
                }
                let items = self.constants(depth - 1, file)?;
                if tag == tag::TUPLE {
                    Constant::Tuple(items)
                } else {
                    Constant::FrozenSet(items)
                }
            }
            tag::CODE => Constant::LazyCode(Rc::new(self.lazy_code(depth - 1, file)?)),
            other => return Err(DecodeError(format!("unknown constant tag {other}"))),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> CodeObject {
        crate::run::compile(
            "def f(a, b=2.5, *c, d, **e):\n    def g():\n        return a + d\n    return g\n\
             x = (1, 'two', (3.0, None, ...), 10**30, -10**30)\nprint(x, {1} | frozenset({2, 3}))\n",
            "/tmp/sample.py",
        )
        .map(|code| (*code).clone())
        .expect("the sample compiles")
    }

    #[test]
    fn round_trips_every_kind_of_constant() {
        let code = sample();
        let bytes = serialize(&code);
        let back = deserialize(&bytes, "/tmp/sample.py").expect("valid");
        assert_eq!(materialize_all(&back), Ok(code));
    }

    #[test]
    fn floats_keep_their_bits() {
        for value in [
            f64::NAN,
            -0.0,
            f64::INFINITY,
            1e-310,
            f64::from_bits(0x7ff8_dead_beef_0001),
        ] {
            let mut code = sample();
            code.constants.push(Constant::Float(value));
            let back = deserialize(&serialize(&code), "/tmp/sample.py").expect("valid");
            let Some(Constant::Float(read)) = back.constants.last() else {
                panic!("the float constant is last");
            };
            assert_eq!(read.to_bits(), value.to_bits());
        }
    }

    #[test]
    fn the_loader_names_the_file() {
        let code = sample();
        let back = deserialize(&serialize(&code), "/elsewhere/moved.py").expect("valid");
        let back = materialize_all(&back).expect("valid");
        assert_eq!(&*back.filename, "/elsewhere/moved.py");
        let Some(Constant::Code(inner)) = back
            .constants
            .iter()
            .find(|c| matches!(c, Constant::Code(_)))
        else {
            panic!("the sample has a function");
        };
        assert_eq!(&*inner.filename, "/elsewhere/moved.py");
    }

    #[test]
    fn a_huge_count_is_refused_before_allocating() {
        let mut bytes = Vec::new();
        write_uvar(&mut bytes, 1);
        write_str(&mut bytes, "f");
        write_uvar(&mut bytes, 0);
        write_uvar(&mut bytes, 0);
        for _ in 0..6 {
            write_uvar(&mut bytes, 0);
        }
        write_uvar(&mut bytes, u64::MAX >> 1);
        let error = deserialize(&bytes, "x").expect_err("the count is absurd");
        assert!(error.0.contains("exceeds the remaining bytes"), "{error}");
    }

    #[test]
    fn names_are_stored_once_and_shared() {
        let code = sample();
        let bytes = serialize(&code);
        let text = String::from_utf8_lossy(&bytes);
        // Each name is in the string table once; `a`, a cell of f and a free variable of g,
        // comes back as one shared string, and so does the file name.
        assert_eq!(text.matches("<module>").count(), 1);
        let back = deserialize(&bytes, "/tmp/sample.py").expect("valid");
        let back = materialize_all(&back).expect("valid");
        let Some(Constant::Code(f)) = back
            .constants
            .iter()
            .find(|c| matches!(c, Constant::Code(_)))
        else {
            panic!("the sample has a function");
        };
        let Some(Constant::Code(g)) = f.constants.iter().find(|c| matches!(c, Constant::Code(_)))
        else {
            panic!("f has an inner function");
        };
        assert!(Rc::ptr_eq(&f.cellvars[0], &g.freevars[0]));
        assert!(Rc::ptr_eq(&back.filename, &g.filename));
    }

    #[test]
    fn a_string_index_out_of_range_is_refused() {
        let mut bytes = Vec::new();
        write_uvar(&mut bytes, 1);
        write_str(&mut bytes, "f");
        write_uvar(&mut bytes, 0);
        write_uvar(&mut bytes, 1);
        let error = deserialize(&bytes, "x").expect_err("no string 1");
        assert!(error.0.contains("string index 1 out of range"), "{error}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let mut constant = Constant::None;
        for _ in 0..MAX_NESTING + 1 {
            constant = Constant::Tuple(vec![constant]);
        }
        let mut code = sample();
        code.constants.push(constant);
        let error = deserialize(&serialize(&code), "x").expect_err("too deep");
        assert!(error.0.contains("nested too deeply"), "{error}");
    }

    #[test]
    fn verification_rejects_out_of_range_arguments() {
        let mut code = sample();
        let index = code.constants.len() as u32;
        code.instructions[0] = Instr::new(Opcode::LoadConst, index);
        let error = deserialize(&serialize(&code), "x").expect_err("constant out of range");
        assert!(error.0.contains("argument out of range"), "{error}");
    }

    #[test]
    fn verification_rejects_a_stack_underflow() {
        let mut code = sample();
        code.instructions[0] = Instr::new(Opcode::Pop, 0);
        let error = deserialize(&serialize(&code), "x").expect_err("underflow");
        assert!(error.0.contains("underflow"), "{error}");
    }
}
