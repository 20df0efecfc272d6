//! Standard output, buffered as CPython buffers it: line by line on a terminal, in blocks
//! otherwise, so printing is not a system call per line. Flushed before a traceback is written
//! and at exit, so the order of stdout and stderr matches CPython's.

use std::io::{IsTerminal, Write};

const BLOCK: usize = 8192;

pub struct Output {
    buffer: Vec<u8>,
    line_buffered: bool,
    /// Captured output instead of the process's stdout (tests and benchmarks).
    capture: Option<Vec<u8>>,
}

impl Output {
    pub fn stdout() -> Output {
        Output {
            buffer: Vec::with_capacity(BLOCK),
            line_buffered: std::io::stdout().is_terminal(),
            capture: None,
        }
    }

    pub fn captured() -> Output {
        Output {
            buffer: Vec::new(),
            line_buffered: false,
            capture: Some(Vec::new()),
        }
    }

    pub fn write_str(&mut self, text: &str) {
        self.buffer.extend_from_slice(text.as_bytes());
        if self.buffer.len() >= BLOCK || (self.line_buffered && text.contains('\n')) {
            self.flush();
        }
    }

    pub fn flush(&mut self) {
        if self.buffer.is_empty() {
            return;
        }
        match &mut self.capture {
            Some(captured) => captured.append(&mut self.buffer),
            None => {
                let mut out = std::io::stdout().lock();
                // A closed stdout (e.g. `| head`) is not an error worth a crash.
                let _ = out.write_all(&self.buffer);
                let _ = out.flush();
                self.buffer.clear();
            }
        }
    }

    /// Everything written so far when capturing.
    pub fn take_captured(&mut self) -> Vec<u8> {
        self.flush();
        self.capture
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    }
}
