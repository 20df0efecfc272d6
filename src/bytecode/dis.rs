//! Disassembly of code objects.
