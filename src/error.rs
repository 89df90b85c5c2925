//! Error types shared by the stages that load `data/` files.

use thiserror::Error;

/// An error in one of the knowledge files under `data/` (gazetteers, role words, event
/// patterns, time words). `line` is 1-based; 0 means the file as a whole.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[error("{file}:{line}: {message}")]
pub struct DataError {
    /// The file name as given to the loader (e.g. `data/events.tsv`).
    pub file: String,
    /// 1-based line number, 0 when the error concerns the whole file.
    pub line: usize,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

impl DataError {
    /// Builds an error for `file` at 1-based `line`.
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        DataError {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}
