//! Importing modules written in Python: finding `NAME.py` (or a package's `NAME/__init__.py`)
//! on the search path, running its code once in a namespace of its own and recording the
//! module in `sys.modules`, with CPython's errors. Built-in modules come first, as in CPython.
//!
//! A module is registered before its body runs, so a circular import gets the partially
//! initialized module; if the body fails the module is unregistered again.

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use crate::cache::{self, LoadError};

use super::attr;
use super::dict::PyDict;
use super::exceptions::{PyErr, PyResult, error};
use super::module::PyModule;
use super::modules;
use super::types::TypeId;
use super::value::Value;
use super::vm::Vm;

/// Where a module's code was found.
struct Found {
    /// The `.py` file to run (`__init__.py` for a package).
    file: PathBuf,
    /// The package's directory, its `__path__`, when the module is a package.
    package_dir: Option<PathBuf>,
}

/// Imports the module with the dotted `name` (and, first, its parent packages) and returns
/// it: from `sys.modules` when it was imported before.
pub fn import_module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    if let Some(module) = vm.modules.get_str(name) {
        return Ok(module);
    }
    let Some((parent_name, leaf)) = name.rsplit_once('.') else {
        if let Some(module) = modules::builtin_module(vm, name) {
            vm.modules.set_str(name, module.clone());
            return Ok(module);
        }
        let found = find(&search_dirs(vm), name).ok_or_else(|| no_module_named(name))?;
        return load(vm, name, found);
    };
    let parent = import_module(vm, parent_name)?;
    // The parent's body may have imported this module already.
    if let Some(module) = vm.modules.get_str(name) {
        return Ok(module);
    }
    let dirs = package_path(&parent).ok_or_else(|| {
        error(
            TypeId::ModuleNotFoundError,
            format!("No module named '{name}'; '{parent_name}' is not a package"),
        )
    })?;
    let found = find(&dirs, leaf).ok_or_else(|| no_module_named(name))?;
    let module = load(vm, name, found)?;
    attr::set_attr(&parent, leaf, module.clone())?;
    Ok(module)
}

/// `from package import name` where `name` is not an attribute of the package: the
/// submodule `package.name` if there is one, imported now (CPython's `fromlist` handling).
pub fn submodule(vm: &mut Vm, package: &PyModule, name: &str) -> PyResult<Option<Value>> {
    let full_name = format!("{}.{name}", package.name);
    if let Some(module) = vm.modules.get_str(&full_name) {
        return Ok(Some(module));
    }
    match package_dirs(package) {
        Some(dirs) if find(&dirs, name).is_some() => import_module(vm, &full_name).map(Some),
        _ => Ok(None),
    }
}

/// `from module import name` when the module has no such name.
#[cold]
pub fn cannot_import(module: &PyModule, name: &str) -> PyErr {
    let location = module
        .file()
        .unwrap_or_else(|| "unknown location".to_owned());
    let msg = if module.initializing.get() {
        format!(
            "cannot import name '{name}' from partially initialized module '{}' (most likely due to a circular import) ({location})",
            module.name
        )
    } else {
        format!(
            "cannot import name '{name}' from '{}' ({location})",
            module.name
        )
    };
    error(TypeId::ImportError, msg)
}

#[cold]
fn no_module_named(name: &str) -> PyErr {
    error(
        TypeId::ModuleNotFoundError,
        format!("No module named '{name}'"),
    )
}

/// The directories of `sys.path` (other entries are skipped, relative ones are taken from
/// the current directory).
fn search_dirs(vm: &Vm) -> Vec<PathBuf> {
    let cwd = std::env::current_dir().unwrap_or_default();
    vm.search_path
        .borrow()
        .iter()
        .filter_map(|entry| match entry {
            Value::Str(s) => Some(cwd.join(s.as_str())),
            _ => None,
        })
        .collect()
}

/// The directories a package's submodules are looked for in (its `__path__`); `None` when
/// the module is not a package.
fn package_path(module: &Value) -> Option<Vec<PathBuf>> {
    match module {
        Value::Module(m) => package_dirs(m),
        _ => None,
    }
}

fn package_dirs(module: &PyModule) -> Option<Vec<PathBuf>> {
    let Some(Value::List(entries)) = module.dict.get_str("__path__") else {
        return None;
    };
    let dirs = entries
        .borrow()
        .iter()
        .filter_map(|entry| match entry {
            Value::Str(s) => Some(PathBuf::from(s.as_str())),
            _ => None,
        })
        .collect();
    Some(dirs)
}

/// The first of `dirs` that holds the package `NAME/` or the module `NAME.py` (a package
/// wins within one directory, as in CPython).
fn find(dirs: &[PathBuf], name: &str) -> Option<Found> {
    dirs.iter().find_map(|dir| {
        let package_dir = dir.join(name);
        let init = package_dir.join("__init__.py");
        if init.is_file() {
            return Some(Found {
                file: init,
                package_dir: Some(package_dir),
            });
        }
        let file = dir.join(format!("{name}.py"));
        file.is_file().then_some(Found {
            file,
            package_dir: None,
        })
    })
}

/// Compiles (through the cache) and runs a module found on the path.
fn load(vm: &mut Vm, name: &str, found: Found) -> PyResult<Value> {
    let filename = found.file.to_string_lossy().into_owned();
    let code = cache::load(&found.file, &filename, &vm.cache_settings)
        .map_err(|e| load_error(e, &found.file, &filename))?;
    let globals = Rc::new(PyDict::for_module(code.names.len()));
    globals.set_str("__name__", Value::str(name));
    if let Some(dir) = &found.package_dir {
        let dir = Value::string(dir.to_string_lossy().into_owned());
        globals.set_str("__path__", Value::list(vec![dir]));
    }
    globals.set_str("__file__", Value::str(&filename));
    let module = Rc::new(PyModule {
        name: name.to_owned(),
        dict: globals.clone(),
        initializing: Cell::new(true),
    });
    vm.modules.set_str(name, Value::Module(module.clone()));
    let result = vm.run_module(code, globals);
    module.initializing.set(false);
    if let Err(e) = result {
        vm.modules.remove(&Value::str(name))?;
        return Err(e);
    }
    // The body may have put another object in its place in `sys.modules`.
    Ok(vm.modules.get_str(name).unwrap_or(Value::Module(module)))
}

/// Why a module's code could not be had, as the exception CPython raises at the import.
#[cold]
fn load_error(e: LoadError, path: &Path, filename: &str) -> PyErr {
    match e {
        LoadError::Io(e) => error(
            TypeId::ImportError,
            format!("cannot read '{filename}': {e}"),
        ),
        LoadError::Syntax { error, source } => {
            let text = source
                .lines()
                .nth(error.line.saturating_sub(1) as usize)
                .unwrap_or("");
            let kind = match error.kind {
                crate::syntax::SyntaxErrorKind::SyntaxError => TypeId::SyntaxError,
                crate::syntax::SyntaxErrorKind::IndentationError => TypeId::IndentationError,
                crate::syntax::SyntaxErrorKind::TabError => TypeId::TabError,
            };
            syntax_error(kind, error.msg, filename, error.line, error.col, text)
        }
        LoadError::NotUtf8 { line, byte } => {
            let bytes = std::fs::read(path).unwrap_or_default();
            let line_bytes = bytes
                .split(|b| *b == b'\n')
                .nth(line.saturating_sub(1))
                .unwrap_or(&[]);
            let line_bytes = line_bytes.strip_suffix(b"\r").unwrap_or(line_bytes);
            let (position, msg) = undecodable(line_bytes, byte);
            let text = String::from_utf8_lossy(line_bytes);
            syntax_error(
                TypeId::SyntaxError,
                format!("(unicode error) 'utf-8' codec can't decode {msg}"),
                filename,
                line as u32,
                position as u32 + 1,
                &text,
            )
        }
    }
}

/// Where in `line` UTF-8 decoding fails and the codec's description of it, e.g.
/// `byte 0xff in position 2: invalid start byte`.
fn undecodable(line: &[u8], first_bad: u8) -> (usize, String) {
    let Err(e) = std::str::from_utf8(line) else {
        return (
            0,
            format!("byte 0x{first_bad:02x} in position 0: invalid start byte"),
        );
    };
    let position = e.valid_up_to();
    let byte = line[position];
    let msg = match e.error_len() {
        None if line.len() - position > 1 => format!(
            "bytes in position {position}-{}: unexpected end of data",
            line.len() - 1
        ),
        None => format!("byte 0x{byte:02x} in position {position}: unexpected end of data"),
        Some(_) if !(0xc2..=0xf4).contains(&byte) => {
            format!("byte 0x{byte:02x} in position {position}: invalid start byte")
        }
        Some(_) => format!("byte 0x{byte:02x} in position {position}: invalid continuation byte"),
    };
    (position, msg)
}

/// A SyntaxError raised at run time, with CPython's arguments
/// `(msg, (filename, lineno, offset, text))`; the traceback printer shows the location.
fn syntax_error(
    kind: TypeId,
    msg: String,
    filename: &str,
    line: u32,
    col: u32,
    text: &str,
) -> PyErr {
    let location = Value::tuple(vec![
        Value::str(filename),
        Value::Int(line as i64),
        Value::Int(col as i64),
        Value::str(text),
    ]);
    super::exceptions::PyException::new(kind, vec![Value::string(msg), location])
}
