//! JSON-lines files: one file per cooperation, one envelope per line.
//! (Implementation pending: see the store helper.)

use std::path::PathBuf;

/// What opening a log recovered from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    /// The file.
    pub file: PathBuf,
    /// Bytes of a torn last line that were cut.
    pub truncated_bytes: u64,
}

/// A directory of JSON-lines logs.
#[derive(Debug)]
pub struct JsonlStore {
    _dir: PathBuf,
}
