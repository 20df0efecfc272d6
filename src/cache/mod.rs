//! Stage 4: the compiled-file cache. Running or importing `NAME.py` goes through `load`,
//! which looks for `__pvmcache__/NAME.pvm-N.pvc` beside the source, uses it when it is fresh and
//! sound, and otherwise compiles the source and writes the entry back — for every engine alike,
//! since they all run the same code objects. Nothing the cache finds on disk can stop a
//! program from running: any defect of an entry means compiling from source again.
//!
//! An entry (in the spirit of PEP 552) is a 44-byte header and the serialized code object:
//! magic (u64, changes with the format and the instruction set), flags (u32; bit 0: the stamp is
//! a source hash), the source stamp (16 bytes: modification time in nanoseconds and size, or a
//! 128-bit hash of the source), the length (u64) and checksum (u64) of the serialized form's
//! eager part, all little-endian; then the eager part and the bodies section (see
//! `bytecode::serialize`), each nested body with its own checksum. A warm start reads the
//! header and the eager part; a body is read when its code first runs. Checksums and source
//! hashes are XXH3: fast enough that checking costs a small fraction of reading, and good at
//! catching accidental corruption (the cache guards against accidents; the verifier guards
//! against anything that gets past it).

use std::ffi::OsString;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;
use std::time::{Duration, Instant, UNIX_EPOCH};

use crate::bytecode::CodeObject;
use crate::bytecode::serialize::{self, FORMAT_VERSION};
use crate::syntax::SyntaxError;

/// How source freshness is checked before a cached entry is used (PEP 552's choices).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum CheckSource {
    /// The source's modification time and size must match the entry's; entries are written
    /// with a timestamp stamp (an entry stamped with a hash is checked by its hash).
    Timestamp,
    /// A hash of the source must match the entry's header; entries are written with a hash.
    Hash,
    /// A present entry is used without looking at the source; entries are written with a hash.
    Unchecked,
}

/// The cache's settings for one run.
#[derive(Clone, Debug)]
pub struct CacheSettings {
    /// Whether entries are written (`-B` / `PVM_DONT_WRITE_BYTECODE` turn it off).
    pub write: bool,
    pub check: CheckSource,
    /// `PVM_CACHE_PREFIX`: a separate tree that mirrors the sources' directories.
    pub prefix: Option<PathBuf>,
    /// Whether what the cache did is reported on stderr (`-v`).
    pub verbose: bool,
}

impl Default for CacheSettings {
    fn default() -> CacheSettings {
        CacheSettings {
            write: true,
            check: CheckSource::Timestamp,
            prefix: None,
            verbose: false,
        }
    }
}

impl CacheSettings {
    /// The defaults adjusted by `PVM_DONT_WRITE_BYTECODE` and `PVM_CACHE_PREFIX` (an empty
    /// value counts as unset, as with CPython's variables).
    pub fn from_env() -> CacheSettings {
        let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        CacheSettings {
            write: set("PVM_DONT_WRITE_BYTECODE").is_none(),
            prefix: set("PVM_CACHE_PREFIX").map(PathBuf::from),
            ..CacheSettings::default()
        }
    }
}

/// Why a module's code could not be had.
#[derive(Debug)]
pub enum LoadError {
    /// The source could not be read.
    Io(std::io::Error),
    /// The source is not UTF-8: the line and the first offending byte (CPython's message).
    NotUtf8 { line: usize, byte: u8 },
    /// The source does not compile.
    Syntax { error: SyntaxError, source: Rc<str> },
}

/// Where the time of obtaining one module's code went; a phase that did not happen is `None`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Reading, parsing and compiling the source.
    pub compile: Option<Duration>,
    /// Checking for an entry, reading, validating and deserializing it (also when it turned out
    /// unusable).
    pub cache_load: Option<Duration>,
    /// Serializing and writing the entry.
    pub cache_write: Option<Duration>,
    /// Whether the code came from the cache.
    pub hit: bool,
}

/// The code of the module in `path`, whose code objects name it `filename`.
pub fn load(
    path: &Path,
    filename: &str,
    settings: &CacheSettings,
) -> Result<Rc<CodeObject>, LoadError> {
    load_timed(path, filename, settings, &mut Timings::default())
}

/// `load`, recording where the time went.
pub fn load_timed(
    path: &Path,
    filename: &str,
    settings: &CacheSettings,
    timings: &mut Timings,
) -> Result<Rc<CodeObject>, LoadError> {
    let started = Instant::now();
    let entry = entry_path(path, settings.prefix.as_deref());
    let mut source = Source::new(path);
    if let Some(entry) = &entry {
        match read_entry(entry, &mut source, settings.check, filename) {
            Ok(code) => {
                timings.cache_load = Some(started.elapsed());
                timings.hit = true;
                settings.report(format_args!("loaded {}", entry.display()));
                return Ok(Rc::new(code));
            }
            Err(reason) => {
                timings.cache_load = Some(started.elapsed());
                settings.report(format_args!(
                    "{}: {reason}; compiling {}",
                    entry.display(),
                    path.display()
                ));
            }
        }
    }
    let compiling = Instant::now();
    let stamp = source.stamp(settings.check);
    let text = source.text()?;
    let code = crate::run::compile(&text, filename).map_err(|error| LoadError::Syntax {
        error,
        source: Rc::from(text),
    })?;
    timings.compile = Some(compiling.elapsed());
    if let Some(entry) = &entry {
        if settings.write {
            let writing = Instant::now();
            let written = stamp.and_then(|stamp| write_entry(entry, &encode_entry(&code, &stamp)));
            timings.cache_write = Some(writing.elapsed());
            match written {
                Ok(()) => settings.report(format_args!("wrote {}", entry.display())),
                Err(e) => settings.report(format_args!("could not write {}: {e}", entry.display())),
            }
        } else {
            settings.report(format_args!("not writing {} (-B)", entry.display()));
        }
    }
    Ok(code)
}

impl CacheSettings {
    fn report(&self, message: std::fmt::Arguments) {
        if self.verbose {
            eprintln!("# pvm cache: {message}");
        }
    }
}

/// Compiles the source in `path` and writes its entry whatever the cache held, as
/// `pvm compile` does for each file.
pub fn compile_to_cache(
    path: &Path,
    filename: &str,
    settings: &CacheSettings,
) -> Result<PathBuf, CompileError> {
    let mut source = Source::new(path);
    let stamp = source
        .stamp(settings.check)
        .map_err(|e| CompileError::Load(LoadError::Io(e)))?;
    let text = source.text().map_err(CompileError::Load)?;
    let code = crate::run::compile(&text, filename).map_err(|error| {
        CompileError::Load(LoadError::Syntax {
            error,
            source: Rc::from(text),
        })
    })?;
    let entry = entry_path(path, settings.prefix.as_deref())
        .ok_or_else(|| CompileError::Write(std::io::Error::other("the path names no file")))?;
    write_entry(&entry, &encode_entry(&code, &stamp)).map_err(CompileError::Write)?;
    Ok(entry)
}

/// Why `compile_to_cache` failed.
#[derive(Debug)]
pub enum CompileError {
    Load(LoadError),
    Write(std::io::Error),
}

/// The tag in entries' file names: which serialized form they hold.
pub fn cache_tag() -> String {
    format!("pvm-{FORMAT_VERSION}")
}

/// Where the entry for the source `path` lives: `DIR/__pvmcache__/NAME.pvm-N.pvc`, or under
/// `prefix` at the source directory's absolute path. `None` when `path` names no file.
pub fn entry_path(path: &Path, prefix: Option<&Path>) -> Option<PathBuf> {
    let file_name = path.file_name()?;
    let stem = match path.extension() {
        Some(ext) if ext == "py" => path.file_stem()?,
        _ => file_name,
    };
    let mut entry_name = OsString::from(stem);
    entry_name.push(format!(".{}.pvc", cache_tag()));
    let dir = path.parent().unwrap_or(Path::new(""));
    let cache_dir = match prefix {
        None => dir.join("__pvmcache__"),
        Some(prefix) => {
            let mut mirrored = prefix.to_path_buf();
            for component in std::path::absolute(dir).ok()?.components() {
                match component {
                    Component::Normal(part) => mirrored.push(part),
                    Component::ParentDir if mirrored != prefix => {
                        mirrored.pop();
                    }
                    _ => {}
                }
            }
            mirrored
        }
    };
    Some(cache_dir.join(entry_name))
}

const HEADER_LEN: usize = 44;
/// Flag bit: the stamp is a hash of the source rather than its time and size.
const FLAG_HASH_STAMP: u32 = 1;

/// What an entry records about the source it was compiled from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stamp {
    Timestamp { mtime_ns: u64, size: u64 },
    Hash(u128),
}

impl Stamp {
    fn flags(self) -> u32 {
        match self {
            Stamp::Timestamp { .. } => 0,
            Stamp::Hash(_) => FLAG_HASH_STAMP,
        }
    }

    fn bytes(self) -> [u8; 16] {
        let mut out = [0; 16];
        match self {
            Stamp::Timestamp { mtime_ns, size } => {
                out[..8].copy_from_slice(&mtime_ns.to_le_bytes());
                out[8..].copy_from_slice(&size.to_le_bytes());
            }
            Stamp::Hash(hash) => out.copy_from_slice(&hash.to_le_bytes()),
        }
        out
    }

    fn read(flags: u32, bytes: [u8; 16]) -> Stamp {
        if flags & FLAG_HASH_STAMP != 0 {
            Stamp::Hash(u128::from_le_bytes(bytes))
        } else {
            let (time, size) = bytes.split_at(8);
            Stamp::Timestamp {
                mtime_ns: u64::from_le_bytes(time.try_into().unwrap_or_default()),
                size: u64::from_le_bytes(size.try_into().unwrap_or_default()),
            }
        }
    }
}

/// The source file, read at most once and only when needed: a fresh entry checked by
/// timestamp needs just its metadata.
struct Source<'a> {
    path: &'a Path,
    bytes: Option<Vec<u8>>,
}

impl<'a> Source<'a> {
    fn new(path: &'a Path) -> Source<'a> {
        Source { path, bytes: None }
    }

    fn bytes(&mut self) -> std::io::Result<&[u8]> {
        if self.bytes.is_none() {
            self.bytes = Some(std::fs::read(self.path)?);
        }
        Ok(self.bytes.as_deref().unwrap_or_default())
    }

    fn timestamp(&self) -> std::io::Result<Stamp> {
        let metadata = std::fs::metadata(self.path)?;
        let mtime_ns = metadata
            .modified()?
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as u64);
        Ok(Stamp::Timestamp {
            mtime_ns,
            size: metadata.len(),
        })
    }

    fn hash(&mut self) -> std::io::Result<Stamp> {
        Ok(Stamp::Hash(xxhash_rust::xxh3::xxh3_128(self.bytes()?)))
    }

    /// The stamp a new entry gets under `check`.
    fn stamp(&mut self, check: CheckSource) -> std::io::Result<Stamp> {
        match check {
            CheckSource::Timestamp => self.timestamp(),
            CheckSource::Hash | CheckSource::Unchecked => self.hash(),
        }
    }

    /// Whether an entry stamped `stamp` is fresh under `check`.
    fn matches(&mut self, stamp: Stamp, check: CheckSource) -> bool {
        match (check, stamp) {
            (CheckSource::Unchecked, _) => true,
            (CheckSource::Hash, Stamp::Timestamp { .. }) => false,
            (_, Stamp::Timestamp { .. }) => self.timestamp().is_ok_and(|now| now == stamp),
            (_, Stamp::Hash(_)) => self.hash().is_ok_and(|now| now == stamp),
        }
    }

    /// The source as UTF-8 text.
    fn text(mut self) -> Result<String, LoadError> {
        self.bytes().map_err(LoadError::Io)?;
        utf8_source(self.bytes.unwrap_or_default())
    }
}

/// A whole entry: header, eager part and bodies section.
fn encode_entry(code: &CodeObject, stamp: &Stamp) -> Vec<u8> {
    let (eager, bodies) = serialize::serialize_parts(code);
    let mut out = Vec::with_capacity(HEADER_LEN + eager.len() + bodies.len());
    out.extend_from_slice(&serialize::MAGIC.to_le_bytes());
    out.extend_from_slice(&stamp.flags().to_le_bytes());
    out.extend_from_slice(&stamp.bytes());
    out.extend_from_slice(&(eager.len() as u64).to_le_bytes());
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&eager).to_le_bytes());
    out.extend_from_slice(&eager);
    out.extend_from_slice(&bodies);
    out
}

/// How many entries keep their file open to serve bodies at first call; entries loaded after
/// that read their bodies section whole, so that a program importing many modules never runs
/// out of file descriptors (the usual limit is 1,024).
#[cfg(unix)]
const MAX_OPEN_ENTRIES: usize = 64;

#[cfg(unix)]
static OPEN_ENTRIES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Reads and checks the entry at `entry`, or says why it cannot be used. Only the header and
/// the eager part are read; the open file serves the nested bodies, each read when its code
/// first runs (for the first `MAX_OPEN_ENTRIES` entries of a process).
#[cfg(unix)]
fn read_entry(
    entry: &Path,
    source: &mut Source,
    check: CheckSource,
    filename: &str,
) -> Result<CodeObject, String> {
    use std::os::unix::fs::FileExt;
    let unreadable = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "no entry".to_owned(),
        std::io::ErrorKind::UnexpectedEof => "truncated entry".to_owned(),
        _ => format!("unreadable entry ({e})"),
    };
    let file = std::fs::File::open(entry).map_err(unreadable)?;
    let mut header = [0; HEADER_LEN];
    file.read_exact_at(&mut header, 0).map_err(unreadable)?;
    let stamp = check_header(&header)?;
    if !source.matches(stamp, check) {
        return Err("stale entry (the source changed)".to_owned());
    }
    let size = file.metadata().map_err(unreadable)?.len();
    let eager_len = eager_len(&header, size.saturating_sub(HEADER_LEN as u64))?;
    let mut eager = vec![0; eager_len];
    file.read_exact_at(&mut eager, HEADER_LEN as u64)
        .map_err(unreadable)?;
    check_eager(&header, &eager)?;
    let start = (HEADER_LEN + eager_len) as u64;
    let len = size - start;
    let bodies =
        if OPEN_ENTRIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < MAX_OPEN_ENTRIES {
            serialize::Bodies::File {
                file,
                path: entry.to_path_buf(),
                start,
                len,
            }
        } else {
            let len = usize::try_from(len).map_err(|_| "entry of the wrong length".to_owned())?;
            let mut bodies = vec![0; len];
            file.read_exact_at(&mut bodies, start).map_err(unreadable)?;
            serialize::Bodies::Memory(bodies.into_boxed_slice())
        };
    serialize::deserialize_eager(&eager, bodies, filename)
        .map_err(|e| format!("invalid entry ({e})"))
}

/// Reads and checks the entry at `entry`, or says why it cannot be used: the whole of it,
/// where positioned reads are not at hand.
#[cfg(not(unix))]
fn read_entry(
    entry: &Path,
    source: &mut Source,
    check: CheckSource,
    filename: &str,
) -> Result<CodeObject, String> {
    let bytes = std::fs::read(entry).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no entry".to_owned(),
        _ => format!("unreadable entry ({e})"),
    })?;
    let stamp = check_header(&bytes)?;
    if !source.matches(stamp, check) {
        return Err("stale entry (the source changed)".to_owned());
    }
    decode_entry(&bytes, filename)
}

/// The source stamp of an entry whose header is sound for this version of pvm.
fn check_header(bytes: &[u8]) -> Result<Stamp, String> {
    let header = bytes
        .get(..HEADER_LEN)
        .ok_or_else(|| "truncated entry".to_owned())?;
    if header_word(header, 0) != serialize::MAGIC {
        return Err("entry from another version of pvm".to_owned());
    }
    let flags = u32::from_le_bytes(header[8..12].try_into().unwrap_or_default());
    if flags & !FLAG_HASH_STAMP != 0 {
        return Err("entry with unknown flags".to_owned());
    }
    Ok(Stamp::read(
        flags,
        header[12..28].try_into().unwrap_or_default(),
    ))
}

/// The little-endian u64 at `at` in a checked header.
fn header_word(header: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(header[at..at + 8].try_into().unwrap_or_default())
}

/// The length of the eager part, which must fit in the `available` bytes after the header.
fn eager_len(header: &[u8], available: u64) -> Result<usize, String> {
    let len = header_word(header, 28);
    if len > available {
        return Err("entry of the wrong length".to_owned());
    }
    usize::try_from(len).map_err(|_| "entry of the wrong length".to_owned())
}

/// Checks the eager part against the header's checksum.
fn check_eager(header: &[u8], eager: &[u8]) -> Result<(), String> {
    if header_word(header, 36) != xxhash_rust::xxh3::xxh3_64(eager) {
        return Err("corrupt entry (checksum mismatch)".to_owned());
    }
    Ok(())
}

/// Decodes a whole entry's bytes without looking at any source: what the loader does once an
/// entry is found fresh (for benchmarks and the loader's fuzz test), with the bodies section
/// copied into memory instead of read from the file.
pub fn decode_entry(bytes: &[u8], filename: &str) -> Result<CodeObject, String> {
    check_header(bytes)?;
    let after_header = &bytes[HEADER_LEN..];
    let eager_len = eager_len(bytes, after_header.len() as u64)?;
    let (eager, bodies) = after_header.split_at(eager_len);
    check_eager(bytes, eager)?;
    serialize::deserialize_eager(eager, serialize::Bodies::Memory(bodies.into()), filename)
        .map_err(|e| format!("invalid entry ({e})"))
}

/// An entry's bytes for `code`, stamped with the hash of `source`.
pub fn encode_entry_for_source(code: &CodeObject, source: &[u8]) -> Vec<u8> {
    encode_entry(code, &Stamp::Hash(xxhash_rust::xxh3::xxh3_128(source)))
}

/// Writes `bytes` to `entry` atomically: a temporary file in the same directory, then a
/// rename, so that a concurrent run sees the old entry, the new one or none — never a part.
fn write_entry(entry: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = entry.parent().unwrap_or(Path::new(""));
    if !dir.as_os_str().is_empty() {
        std::fs::create_dir_all(dir)?;
    }
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let unique = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut temp_name = OsString::from(".");
    temp_name.push(entry.file_name().unwrap_or_default());
    temp_name.push(format!(".{}.{unique}.tmp", std::process::id()));
    let temp = dir.join(temp_name);
    let written = std::fs::File::create(&temp)
        .and_then(|mut file| file.write_all(bytes))
        .and_then(|()| std::fs::rename(&temp, entry));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

/// Reads a source file as UTF-8.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    utf8_source(std::fs::read(path).map_err(LoadError::Io)?)
}

fn utf8_source(bytes: Vec<u8>) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        LoadError::NotUtf8 {
            line: valid.iter().filter(|b| **b == b'\n').count() + 1,
            byte: e.as_bytes()[valid.len()],
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_sit_beside_the_source() {
        let entry = entry_path(Path::new("/src/pkg/mod.py"), None).expect("a file");
        assert_eq!(
            entry,
            PathBuf::from(format!(
                "/src/pkg/__pvmcache__/mod.pvm-{FORMAT_VERSION}.pvc"
            ))
        );
        let bare = entry_path(Path::new("script"), None).expect("a file");
        assert_eq!(
            bare,
            PathBuf::from(format!("__pvmcache__/script.pvm-{FORMAT_VERSION}.pvc"))
        );
    }

    #[test]
    fn a_prefix_mirrors_the_absolute_directory() {
        let entry = entry_path(
            Path::new("/src/pkg/../lib/mod.py"),
            Some(Path::new("/cache")),
        )
        .expect("a file");
        assert_eq!(
            entry,
            PathBuf::from(format!("/cache/src/lib/mod.pvm-{FORMAT_VERSION}.pvc"))
        );
    }

    #[test]
    fn an_entry_decodes_to_the_code_it_was_made_from() {
        let source = "def f(x):\n    return x * 2\nprint(f(21))\n";
        let code = crate::run::compile(source, "/t.py").expect("compiles");
        let bytes = encode_entry_for_source(&code, source.as_bytes());
        let decoded = decode_entry(&bytes, "/t.py").expect("a valid entry");
        assert_eq!(serialize::materialize_all(&decoded), Ok((*code).clone()));
        let mut corrupt = bytes.clone();
        corrupt[HEADER_LEN] ^= 1;
        assert_eq!(
            decode_entry(&corrupt, "/t.py"),
            Err("corrupt entry (checksum mismatch)".to_owned())
        );
    }
}
