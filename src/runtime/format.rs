//! Formatting of numbers and strings: repr of floats, the format-spec mini-language, % formatting.
