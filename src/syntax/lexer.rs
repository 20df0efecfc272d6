//! Tokens from source text.
