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

/// Rows of a knowledge file in `data/`: tab-separated, `#` comment lines and blank lines
/// skipped, the first other line a header that must equal `header` (case-insensitive).
/// Returns `(1-based line number, trimmed fields)` per data row.
///
/// Errors: a wrong header, a row with another number of fields, or no header at all, as a
/// [`DataError`] naming `file` and the line.
pub fn tsv_rows<'a>(
    src: &'a str,
    file: &str,
    header: &[&str],
) -> Result<Vec<(usize, Vec<&'a str>)>, DataError> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (i, line) in src.lines().enumerate() {
        let ln = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !seen_header {
            let got: Vec<String> = fields.iter().map(|f| f.trim().to_lowercase()).collect();
            if got != header {
                return Err(DataError::new(
                    file,
                    ln,
                    format!(
                        "header must be `{}` (tab-separated), found `{}`",
                        header.join("\\t"),
                        fields.join("\\t")
                    ),
                ));
            }
            seen_header = true;
            continue;
        }
        if fields.len() != header.len() {
            return Err(DataError::new(
                file,
                ln,
                format!(
                    "expected {} tab-separated fields ({}), found {}",
                    header.len(),
                    header.join(", "),
                    fields.len()
                ),
            ));
        }
        out.push((ln, fields.into_iter().map(str::trim).collect()));
    }
    if !seen_header {
        return Err(DataError::new(file, 0, "file has no header line"));
    }
    Ok(out)
}
