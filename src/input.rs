//! Input stage: turns files, folders and standard input into [`RawArticle`]s.
//!
//! Supported inputs:
//! - plain text (`.txt`, `.md`, `.text`, and any explicitly named file with an
//!   unknown extension), with an optional `---` header block of `key: value` lines;
//! - JSON (`.json`: one object, an array of objects, or JSON Lines) and JSON Lines
//!   (`.jsonl`, `.ndjson`), streamed line by line;
//! - saved HTML (`.html`, `.htm`), main text via `dom_smoothie` Readability and
//!   metadata via `dom_query` (`<meta>`, `<link rel=canonical>`, `<time>`, JSON-LD);
//! - standard input (`-`), whose format is sniffed with [`sniff_format`].
//!
//! Nothing here panics on bad input: every problem becomes one [`InputError`]
//! for the file, line or record concerned, and reading goes on with the rest.

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use dom_query::{Document, Matcher, NodeRef};
use regex::Regex;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Default per-file (or, for JSON Lines, per-line) size limit: 64 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Largest article body (text after markup and header are removed) that is extracted: 2 MiB.
/// A news article is a few kilobytes; extraction time grows faster than linearly with the
/// length of one article (about 36 s for 2.25 MB), so a longer "article" (a dump, a
/// concatenation, repeated text) is refused with [`InputError::ArticleTooLarge`] rather than
/// stalling the rest of the batch.
pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

/// How many leading bytes are scanned for a NUL byte to detect binary files.
const BINARY_SNIFF_BYTES: usize = 8192;

/// Longest first line (in chars) that the title heuristic accepts as a title.
const MAX_TITLE_CHARS: usize = 150;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Field names tried, in order, for each article attribute in JSON records.
const ID_FIELDS: &[&str] = &["id"];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const TEXT_FIELDS: &[&str] = &["text", "body", "content", "maintext", "article"];
const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "date_publish",
    "published_at",
    "datePublished",
    "pubDate",
];
const URL_FIELDS: &[&str] = &["url", "link"];
const SOURCE_FIELDS: &[&str] = &["source", "outlet", "site", "source_domain"];

/// One article as read from input, before any analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawArticle {
    /// Stable identifier: the input's `id` field (header `id:` line, JSON `id`
    /// string or number); otherwise the file path as given (`"-"` for stdin).
    /// Records without an id inside a multi-record input get a suffix:
    /// `"path#L<line>"` (1-based line) for JSON Lines, `"path#<n>"` (1-based
    /// element number) for a JSON array.
    pub source_id: String,
    /// Headline, trimmed; `None` if the input has none.
    pub title: Option<String>,
    /// Publication date as ISO 8601 `"YYYY-MM-DD"` (the calendar date as written
    /// in the input's own zone; time and zone dropped). Falls back to
    /// [`ReadOptions::default_date`]; `None` if neither exists.
    pub published: Option<String>,
    /// Canonical URL of the article, if known.
    pub url: Option<String>,
    /// Publisher / outlet name (`source` field, `source:` header line, `og:site_name`).
    pub outlet: Option<String>,
    /// Body text with `\n` line endings, paragraphs separated by `"\n\n"`.
    /// For plain text it is the input byte-for-byte, minus BOM, header block,
    /// title line and leading blank lines, with CRLF/CR turned into LF.
    pub text: String,
    /// Where the article came from, for messages: `"path"`, `"path:LINE"`
    /// (JSON Lines, 1-based) or `"path#N"` (N-th element of a JSON array).
    pub origin: String,
}

/// Everything that can go wrong while reading one input, line or record.
///
/// Every variant's `Display` is one line that starts with the origin (`path`,
/// `path:LINE` or `path#N`) and names the problem.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The file, folder or stream could not be read (missing, permission, I/O).
    #[error("{origin}: cannot read: {reason}")]
    Io {
        /// File path (or `path:LINE` if reading failed mid-stream).
        origin: String,
        /// Lower-case reason, e.g. `"no such file or directory"`.
        reason: String,
    },
    /// The file (or stdin) is larger than [`ReadOptions::max_bytes`].
    #[error("{origin}: file too large ({})", size_vs_limit(*.size, *.limit))]
    TooLarge {
        /// File path.
        origin: String,
        /// Size in bytes, if known (`None` for streams cut off at the limit).
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// One JSON Lines line is larger than [`ReadOptions::max_bytes`].
    #[error("{origin}: line too large ({})", size_vs_limit(Some(*.size), *.limit))]
    LineTooLarge {
        /// `path:LINE`.
        origin: String,
        /// Line length in bytes, without the line break.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// One article's text is longer than [`MAX_ARTICLE_BYTES`].
    #[error(
        "{origin}: article text too large for one news article ({}); split it into articles",
        size_vs_limit(Some(*.size), *.limit)
    )]
    ArticleTooLarge {
        /// File path (or `path:LINE` for JSON Lines).
        origin: String,
        /// Text length in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The bytes are not valid UTF-8.
    #[error("{origin}: not valid UTF-8 (first bad byte at offset {offset})")]
    InvalidUtf8 {
        /// File path, or `path:LINE` for JSON Lines.
        origin: String,
        /// Byte offset of the first bad byte: from the start of the file, or of
        /// the line for JSON Lines.
        offset: usize,
    },
    /// A NUL byte in the first 8 KiB: the file is treated as binary and skipped.
    #[error("{origin}: binary file (NUL byte at offset {offset})")]
    Binary {
        /// File path.
        origin: String,
        /// Byte offset of the first NUL from the start of the file.
        offset: u64,
    },
    /// Nothing to read: empty or whitespace-only file, empty JSON array, or a
    /// header block with no text after it.
    #[error("{origin}: {what}")]
    Empty {
        /// File path.
        origin: String,
        /// What was empty, e.g. `"empty file"`.
        what: String,
    },
    /// A metadata header opened by a `---` line whose next line is a known field
    /// (`date: …`), but never closed by a second `---` line: read as text, its fields
    /// would date events.
    #[error(
        "{origin}: the header opened by `---` on the first line is not closed: add a `---` line after its last field"
    )]
    UnclosedHeader {
        /// File path.
        origin: String,
    },
    /// The JSON could not be parsed.
    #[error("{origin}: malformed JSON: {detail}")]
    MalformedJson {
        /// `path:LINE`.
        origin: String,
        /// serde_json's message, with the position given as `at column N`.
        detail: String,
    },
    /// A JSON record is not an object.
    #[error("{origin}: record is not a JSON object (found {found})")]
    NotAnObject {
        /// `path`, `path:LINE` or `path#N`.
        origin: String,
        /// JSON type found: `"array"`, `"string"`, `"number"`, …
        found: &'static str,
    },
    /// A JSON record has none of the text fields.
    #[error("{origin}: no text field (expected one of {})", TEXT_FIELDS.join(", "))]
    MissingText {
        /// `path`, `path:LINE` or `path#N`.
        origin: String,
    },
    /// A JSON record's text fields are all empty or whitespace-only.
    #[error("{origin}: field `{field}` is empty")]
    EmptyText {
        /// `path`, `path:LINE` or `path#N`.
        origin: String,
        /// The first text field present.
        field: String,
    },
    /// A JSON field has a type that cannot be used.
    #[error("{origin}: field `{field}` must be {expected}, found {found}")]
    WrongType {
        /// `path`, `path:LINE` or `path#N`.
        origin: String,
        /// Field name.
        field: String,
        /// What was expected, e.g. `"a string"`.
        expected: &'static str,
        /// JSON type found.
        found: &'static str,
    },
    /// A date that [`parse_date`] cannot read.
    #[error(
        "{origin}: {value:?} in {place} is not a date (unknown format, a day that does not exist, or a number too small for a Unix timestamp)"
    )]
    BadDate {
        /// `path`, `path:LINE` or `path#N`.
        origin: String,
        /// The date as written.
        value: String,
        /// Where: `"header"` or ``"field `date`"``.
        place: String,
    },
    /// An HTML page from which no article text could be extracted.
    #[error("{origin}: no article text found in HTML")]
    NoHtmlText {
        /// File path.
        origin: String,
    },
}

/// Options for [`read_paths`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// `"YYYY-MM-DD"` (from `--date`), used as [`RawArticle::published`] where the
    /// input has no date of its own. Normalised with [`parse_date`] if possible.
    pub default_date: Option<String>,
    /// Size limit in bytes for one file (for JSON Lines: for one line).
    /// Default [`DEFAULT_MAX_BYTES`] (64 MiB).
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    /// No default date, 64 MiB limit.
    fn default() -> Self {
        Self {
            default_date: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// The input formats this module understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text with an optional `---` header block.
    Text,
    /// One JSON object, an array of objects, or JSON Lines.
    Json,
    /// JSON Lines: one object per line.
    JsonLines,
    /// A saved HTML page.
    Html,
}

/// Maps a file extension (case-insensitive) to its format: `txt`/`md`/`text` →
/// Text, `json` → Json, `jsonl`/`ndjson` → JsonLines, `html`/`htm` → Html.
/// `None` for anything else (skipped inside folders, read as text when named explicitly).
pub fn format_for_path(path: &Path) -> Option<InputFormat> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "md" | "text" => Some(InputFormat::Text),
        "json" => Some(InputFormat::Json),
        "jsonl" | "ndjson" => Some(InputFormat::JsonLines),
        "html" | "htm" => Some(InputFormat::Html),
        _ => None,
    }
}

/// Guesses the format of a stream from its first bytes (a BOM and leading
/// whitespace are skipped): `{` or `[` → [`InputFormat::Json`] (object, array or
/// JSON Lines), `<` → [`InputFormat::Html`], anything else (including nothing)
/// → [`InputFormat::Text`]. Never returns `JsonLines`.
pub fn sniff_format(head: &[u8]) -> InputFormat {
    let head = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    match head.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') | Some(b'[') => InputFormat::Json,
        Some(b'<') => InputFormat::Html,
        _ => InputFormat::Text,
    }
}

type ArticleIter = Box<dyn Iterator<Item = Result<RawArticle, InputError>>>;

/// Expands `paths` into a lazy stream of articles or per-article errors.
///
/// - A folder is walked recursively; its files are read in path order. Inside
///   folders, hidden entries (name starting with `.`) and files whose extension
///   is not known to [`format_for_path`] are skipped silently; symlinked folders
///   are not followed.
/// - A file named explicitly is read by its extension, as plain text if unknown.
/// - `"-"` reads standard input, its format found by [`sniff_format`].
///
/// JSON Lines are streamed line by line (memory is bounded by the longest line,
/// itself capped by [`ReadOptions::max_bytes`]). Each failure yields one `Err`
/// (a missing path, a bad file, a bad line or record) and the stream goes on.
pub fn read_paths(paths: &[PathBuf], opts: &ReadOptions) -> ArticleIter {
    Box::new(
        Articles {
            opts: opts.clone(),
            queue: paths.iter().cloned().map(Pending::Explicit).collect(),
            current: None,
        }
        .map(within_article_limit),
    )
}

/// An article whose text is longer than [`MAX_ARTICLE_BYTES`] becomes an
/// [`InputError::ArticleTooLarge`] naming its origin.
fn within_article_limit(r: Result<RawArticle, InputError>) -> Result<RawArticle, InputError> {
    match r {
        Ok(a) if a.text.len() > MAX_ARTICLE_BYTES => Err(InputError::ArticleTooLarge {
            origin: a.origin,
            size: a.text.len() as u64,
            limit: MAX_ARTICLE_BYTES as u64,
        }),
        other => other,
    }
}

/// Reads articles from any buffered stream (as for stdin, whose `name` is `"-"`):
/// the format is sniffed with [`sniff_format`]; a stream starting with `{` whose
/// first line is a complete JSON object is streamed as JSON Lines, otherwise the
/// whole stream (at most [`ReadOptions::max_bytes`]) is read and parsed at once.
pub fn read_stream<R: BufRead + 'static>(reader: R, name: &str, opts: &ReadOptions) -> ArticleIter {
    match stream_articles(reader, name, opts) {
        Ok(it) => Box::new(it.map(within_article_limit)),
        Err(e) => Box::new(std::iter::once(Err(e))),
    }
}

enum Pending {
    Explicit(PathBuf),
    Found(PathBuf, InputFormat),
    Failed(InputError),
}

struct Articles {
    opts: ReadOptions,
    queue: VecDeque<Pending>,
    current: Option<ArticleIter>,
}

impl Iterator for Articles {
    type Item = Result<RawArticle, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(cur) = self.current.as_mut() {
                if let Some(item) = cur.next() {
                    return Some(item);
                }
                self.current = None;
            }
            match self.queue.pop_front()? {
                Pending::Failed(e) => return Some(Err(e)),
                Pending::Found(path, fmt) => self.current = Some(open_file(&path, fmt, &self.opts)),
                Pending::Explicit(path) => {
                    if path.as_os_str() == "-" {
                        let stdin = io::stdin().lock();
                        self.current = Some(read_stream(stdin, "-", &self.opts));
                        continue;
                    }
                    let meta = match std::fs::metadata(&path) {
                        Ok(m) => m,
                        Err(e) => return Some(Err(io_error(path.display().to_string(), &e))),
                    };
                    if meta.is_dir() {
                        let mut found = Vec::new();
                        walk_dir(&path, &mut found);
                        if found.is_empty() {
                            // Say so rather than ingest nothing in silence.
                            return Some(Err(InputError::Io {
                                origin: path.display().to_string(),
                                reason: "folder holds no article file (.txt, .md, .text, .json, \
                                         .jsonl, .ndjson, .html, .htm)"
                                    .to_string(),
                            }));
                        }
                        found.sort_by(|a, b| a.0.cmp(&b.0));
                        for (_, item) in found.into_iter().rev() {
                            self.queue.push_front(item);
                        }
                    } else {
                        let fmt = format_for_path(&path).unwrap_or(InputFormat::Text);
                        self.current = Some(open_file(&path, fmt, &self.opts));
                    }
                }
            }
        }
    }
}

/// Collects the readable files under `dir` (and errors for unreadable folders).
fn walk_dir(dir: &Path, out: &mut Vec<(PathBuf, Pending)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            out.push((
                dir.to_path_buf(),
                Pending::Failed(io_error(dir.display().to_string(), &e)),
            ));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(en) => en,
            Err(e) => {
                out.push((
                    dir.to_path_buf(),
                    Pending::Failed(io_error(dir.display().to_string(), &e)),
                ));
                continue;
            }
        };
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let Ok(ft) = entry.file_type() else { continue };
        if ft.is_dir() {
            walk_dir(&path, out);
        } else if let Some(fmt) = format_for_path(&path) {
            // Regular files and symlinks to files; symlinked folders are not followed.
            if ft.is_file() || std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                out.push((path.clone(), Pending::Found(path, fmt)));
            }
        }
    }
}

fn io_error(origin: String, e: &io::Error) -> InputError {
    let reason = match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::IsADirectory => "is a directory".to_string(),
        _ => {
            let s = e.to_string();
            // Drop the "(os error N)" suffix and lower-case the first letter.
            let s = s.split(" (os error").next().unwrap_or(&s).to_string();
            let mut chars = s.chars();
            match chars.next() {
                Some(c) => c.to_lowercase().chain(chars).collect(),
                None => s,
            }
        }
    };
    InputError::Io { origin, reason }
}

fn one(r: Result<RawArticle, InputError>) -> ArticleIter {
    Box::new(std::iter::once(r))
}

fn open_file(path: &Path, fmt: InputFormat, opts: &ReadOptions) -> ArticleIter {
    let name = path.display().to_string();
    match fmt {
        InputFormat::JsonLines => match File::open(path) {
            Ok(f) => Box::new(JsonlStream::new(BufReader::new(f), name, opts, None, 0)),
            Err(e) => one(Err(io_error(name, &e))),
        },
        InputFormat::Json => {
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            if size > opts.max_bytes {
                // Too big to parse as one value; acceptable only as JSON Lines.
                return match File::open(path) {
                    Ok(f) => {
                        let mut reader = BufReader::new(f);
                        match first_line_is_object(&mut reader, opts.max_bytes) {
                            Ok(Some(first)) => {
                                Box::new(JsonlStream::new(reader, name, opts, Some(first), 0))
                            }
                            Ok(None) => one(Err(InputError::TooLarge {
                                origin: name,
                                size: Some(size),
                                limit: opts.max_bytes,
                            })),
                            Err(e) => one(Err(io_error(name, &e))),
                        }
                    }
                    Err(e) => one(Err(io_error(name, &e))),
                };
            }
            match read_file_limited(path, &name, opts.max_bytes).and_then(|b| decode(&b, &name)) {
                Ok(text) => Box::new(json_document(&text, &name, opts).into_iter()),
                Err(e) => one(Err(e)),
            }
        }
        InputFormat::Text | InputFormat::Html => {
            let res = read_file_limited(path, &name, opts.max_bytes)
                .and_then(|b| decode(&b, &name))
                .and_then(|text| match fmt {
                    InputFormat::Html => parse_html(&text, &name, opts),
                    _ => parse_text(&text, &name, opts),
                });
            one(res)
        }
    }
}

/// Reads the first line; returns it if it is, alone, a complete JSON object.
fn first_line_is_object<R: BufRead>(reader: &mut R, limit: u64) -> io::Result<Option<Line>> {
    let Some(line) = read_line_limited(reader, limit)? else {
        return Ok(None);
    };
    if line.too_long {
        return Ok(None);
    }
    let bytes = line.bytes.strip_prefix(UTF8_BOM).unwrap_or(&line.bytes);
    let is_obj = std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| serde_json::from_str::<Value>(s).ok())
        .is_some_and(|v| v.is_object());
    Ok(if is_obj { Some(line) } else { None })
}

fn read_file_limited(path: &Path, name: &str, limit: u64) -> Result<Vec<u8>, InputError> {
    let file = File::open(path).map_err(|e| io_error(name.to_string(), &e))?;
    if let Ok(meta) = file.metadata()
        && meta.len() > limit
    {
        return Err(InputError::TooLarge {
            origin: name.to_string(),
            size: Some(meta.len()),
            limit,
        });
    }
    read_limited(file, name, limit, Vec::new())
}

/// Reads `reader` to the end into `buf`, failing if the total exceeds `limit`.
fn read_limited<R: Read>(
    reader: R,
    name: &str,
    limit: u64,
    mut buf: Vec<u8>,
) -> Result<Vec<u8>, InputError> {
    let room = limit.saturating_sub(buf.len() as u64).saturating_add(1);
    reader
        .take(room)
        .read_to_end(&mut buf)
        .map_err(|e| io_error(name.to_string(), &e))?;
    if buf.len() as u64 > limit {
        return Err(InputError::TooLarge {
            origin: name.to_string(),
            size: None,
            limit,
        });
    }
    Ok(buf)
}

/// The byte offset of a NUL byte in the first 8 KiB of `bytes`, which makes a file binary
/// (the check [`read_paths`] applies, [`InputError::Binary`]); `None` for text.
pub fn binary_offset(bytes: &[u8]) -> Option<usize> {
    bytes[..bytes.len().min(BINARY_SNIFF_BYTES)]
        .iter()
        .position(|&b| b == 0)
}

/// Binary, UTF-8 and emptiness checks; strips a UTF-8 BOM.
fn decode(bytes: &[u8], origin: &str) -> Result<String, InputError> {
    if let Some(i) = binary_offset(bytes) {
        return Err(InputError::Binary {
            origin: origin.to_string(),
            offset: i as u64,
        });
    }
    let (body, skip) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, UTF8_BOM.len()),
        None => (bytes, 0),
    };
    let s = std::str::from_utf8(body).map_err(|e| InputError::InvalidUtf8 {
        origin: origin.to_string(),
        offset: e.valid_up_to() + skip,
    })?;
    if s.trim().is_empty() {
        return Err(empty(origin, "empty file"));
    }
    Ok(s.to_string())
}

fn empty(origin: &str, what: &str) -> InputError {
    InputError::Empty {
        origin: origin.to_string(),
        what: what.to_string(),
    }
}

fn stream_articles<R: BufRead + 'static>(
    mut reader: R,
    name: &str,
    opts: &ReadOptions,
) -> Result<ArticleIter, InputError> {
    let fmt = loop {
        match reader.fill_buf() {
            Ok(head) => break sniff_format(head),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(io_error(name.to_string(), &e)),
        }
    };
    let name = name.to_string();
    match fmt {
        InputFormat::Json | InputFormat::JsonLines => {
            let Some(first) = read_line_limited(&mut reader, opts.max_bytes)
                .map_err(|e| io_error(name.clone(), &e))?
            else {
                return Err(empty(&name, "empty file"));
            };
            let first_bytes = first.bytes.strip_prefix(UTF8_BOM).unwrap_or(&first.bytes);
            let first_is_object = !first.too_long
                && std::str::from_utf8(first_bytes)
                    .ok()
                    .and_then(|s| serde_json::from_str::<Value>(s).ok())
                    .is_some_and(|v| v.is_object());
            if first_is_object {
                return Ok(Box::new(JsonlStream::new(
                    reader,
                    name,
                    opts,
                    Some(first),
                    0,
                )));
            }
            if first.too_long {
                return Err(InputError::TooLarge {
                    origin: name,
                    size: None,
                    limit: opts.max_bytes,
                });
            }
            let mut buf = first.bytes;
            if first.had_newline {
                buf.push(b'\n');
            }
            let bytes = read_limited(reader, &name, opts.max_bytes, buf)?;
            let text = decode(&bytes, &name)?;
            Ok(Box::new(json_document(&text, &name, opts).into_iter()))
        }
        InputFormat::Text | InputFormat::Html => {
            let bytes = read_limited(reader, &name, opts.max_bytes, Vec::new())?;
            let text = decode(&bytes, &name)?;
            let art = if fmt == InputFormat::Html {
                parse_html(&text, &name, opts)
            } else {
                parse_text(&text, &name, opts)
            };
            Ok(one(art))
        }
    }
}

// ---------------------------------------------------------------------------
// JSON Lines streaming
// ---------------------------------------------------------------------------

/// One line read by [`read_line_limited`].
struct Line {
    /// Line content without `\n` / `\r\n` (empty if `too_long`).
    bytes: Vec<u8>,
    /// Bytes consumed from the stream, line break included.
    consumed: u64,
    /// Length of the line content in bytes, line break excluded.
    len: u64,
    /// The line exceeded the limit; its content was discarded.
    too_long: bool,
    had_newline: bool,
}

/// Reads one line, keeping at most `limit` bytes of it in memory.
/// `Ok(None)` at end of stream.
fn read_line_limited<R: BufRead>(reader: &mut R, limit: u64) -> io::Result<Option<Line>> {
    let mut bytes = Vec::new();
    let mut consumed: u64 = 0;
    let mut too_long = false;
    let mut had_newline = false;
    // Keep up to limit + 1 bytes (a trailing '\r' may still be stripped).
    let keep = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
    loop {
        let avail = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            break;
        }
        let (take, found) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if !too_long {
            let content = if found {
                &avail[..take - 1]
            } else {
                &avail[..take]
            };
            if bytes.len().saturating_add(content.len()) > keep {
                too_long = true;
                bytes = Vec::new();
            } else {
                bytes.extend_from_slice(content);
            }
        }
        reader.consume(take);
        consumed += take as u64;
        if found {
            had_newline = true;
            break;
        }
    }
    if consumed == 0 {
        return Ok(None);
    }
    if !too_long && bytes.last() == Some(&b'\r') {
        bytes.pop();
    }
    let len = if too_long {
        consumed - u64::from(had_newline)
    } else {
        bytes.len() as u64
    };
    if len > limit {
        too_long = true;
        bytes = Vec::new();
    }
    Ok(Some(Line {
        bytes,
        consumed,
        len,
        too_long,
        had_newline,
    }))
}

struct JsonlStream<R> {
    reader: R,
    name: String,
    opts: ReadOptions,
    pending: Option<Line>,
    line_no: usize,
    offset: u64,
    saw_content: bool,
    done: bool,
}

impl<R: BufRead> JsonlStream<R> {
    fn new(reader: R, name: String, opts: &ReadOptions, first: Option<Line>, offset: u64) -> Self {
        Self {
            reader,
            name,
            opts: opts.clone(),
            pending: first,
            line_no: 0,
            offset,
            saw_content: false,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for JsonlStream<R> {
    type Item = Result<RawArticle, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.done {
                return None;
            }
            let line = match self.pending.take() {
                Some(l) => l,
                None => match read_line_limited(&mut self.reader, self.opts.max_bytes) {
                    Ok(Some(l)) => l,
                    Ok(None) => {
                        self.done = true;
                        if self.saw_content {
                            return None;
                        }
                        return Some(Err(empty(&self.name, "empty file")));
                    }
                    Err(e) => {
                        self.done = true;
                        let origin = format!("{}:{}", self.name, self.line_no + 1);
                        return Some(Err(io_error(origin, &e)));
                    }
                },
            };
            self.line_no += 1;
            let start = self.offset;
            self.offset += line.consumed;
            let origin = format!("{}:{}", self.name, self.line_no);
            if line.too_long {
                self.saw_content = true;
                return Some(Err(InputError::LineTooLarge {
                    origin,
                    size: line.len,
                    limit: self.opts.max_bytes,
                }));
            }
            if start < BINARY_SNIFF_BYTES as u64 {
                let window = usize::try_from(BINARY_SNIFF_BYTES as u64 - start).unwrap_or(0);
                if let Some(i) = line.bytes.iter().take(window).position(|&b| b == 0) {
                    self.done = true;
                    return Some(Err(InputError::Binary {
                        origin: self.name.clone(),
                        offset: start + i as u64,
                    }));
                }
            }
            let mut bytes: &[u8] = &line.bytes;
            if self.line_no == 1 {
                bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
            }
            let s = match std::str::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => {
                    self.saw_content = true;
                    return Some(Err(InputError::InvalidUtf8 {
                        origin,
                        offset: e.valid_up_to(),
                    }));
                }
            };
            if s.trim().is_empty() {
                continue;
            }
            self.saw_content = true;
            return Some(jsonl_record(s, self.line_no, &self.name, &self.opts));
        }
    }
}

fn jsonl_record(
    line: &str,
    line_no: usize,
    name: &str,
    opts: &ReadOptions,
) -> Result<RawArticle, InputError> {
    let origin = format!("{name}:{line_no}");
    let value: Value = serde_json::from_str(line).map_err(|e| InputError::MalformedJson {
        origin: origin.clone(),
        detail: json_error_detail(&e),
    })?;
    article_from_value(value, origin, format!("{name}#L{line_no}"), opts)
}

/// serde_json's message with "at line L column C" rewritten as "at column C" (character
/// column within the one-line record; the caller names the file line).
pub fn json_error_detail(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let base = msg
        .rsplit_once(" at line ")
        .map_or(msg.as_str(), |(head, _)| head);
    if e.line() == 0 {
        base.to_string()
    } else {
        format!("{base} at column {}", e.column())
    }
}

// ---------------------------------------------------------------------------
// JSON documents and records
// ---------------------------------------------------------------------------

/// A `.json` document: one object, an array of objects, or JSON Lines.
fn json_document(
    text: &str,
    name: &str,
    opts: &ReadOptions,
) -> Vec<Result<RawArticle, InputError>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => {
            if items.is_empty() {
                return vec![Err(empty(name, "empty JSON array"))];
            }
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    let id = format!("{name}#{}", i + 1);
                    article_from_value(item, id.clone(), id, opts)
                })
                .collect()
        }
        Ok(value) => vec![article_from_value(
            value,
            name.to_string(),
            name.to_string(),
            opts,
        )],
        Err(e) => {
            // JSON Lines if one of the first non-blank lines is a complete object by
            // itself (a pretty-printed document has no such line).
            let looks_like_lines = text
                .lines()
                .filter(|l| l.trim_start().starts_with('{'))
                .take(100)
                .any(|l| serde_json::from_str::<Value>(l).is_ok_and(|v| v.is_object()));
            if !looks_like_lines {
                return vec![Err(InputError::MalformedJson {
                    origin: format!("{name}:{}", e.line()),
                    detail: json_error_detail(&e),
                })];
            }
            text.lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, l)| jsonl_record(l, i + 1, name, opts))
                .collect()
        }
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The first of `fields` holding a non-blank string (trimmed). `null` and blank
/// strings count as absent; numbers are accepted if `numbers_ok`.
fn string_field(
    obj: &Map<String, Value>,
    fields: &[&str],
    origin: &str,
    numbers_ok: bool,
) -> Result<Option<(String, String)>, InputError> {
    for &f in fields {
        match obj.get(f) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) => {
                let t = s.trim();
                if !t.is_empty() {
                    return Ok(Some((f.to_string(), t.to_string())));
                }
            }
            Some(Value::Number(n)) if numbers_ok => {
                return Ok(Some((f.to_string(), n.to_string())));
            }
            Some(other) => {
                return Err(InputError::WrongType {
                    origin: origin.to_string(),
                    field: f.to_string(),
                    expected: if numbers_ok {
                        "a string or number"
                    } else {
                        "a string"
                    },
                    found: json_type(other),
                });
            }
        }
    }
    Ok(None)
}

/// Body text: the first non-blank text field, in [`TEXT_FIELDS`] order. An array
/// of strings is joined as paragraphs.
fn text_field(obj: &Map<String, Value>, origin: &str) -> Result<String, InputError> {
    let mut first_present: Option<&str> = None;
    for &f in TEXT_FIELDS {
        let text = match obj.get(f) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(items)) if items.iter().all(Value::is_string) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n\n"),
            Some(other) => {
                return Err(InputError::WrongType {
                    origin: origin.to_string(),
                    field: f.to_string(),
                    expected: "a string",
                    found: json_type(other),
                });
            }
        };
        first_present.get_or_insert(f);
        if !text.trim().is_empty() {
            return Ok(normalize_newlines(&text));
        }
    }
    match first_present {
        Some(f) => Err(InputError::EmptyText {
            origin: origin.to_string(),
            field: f.to_string(),
        }),
        None => Err(InputError::MissingText {
            origin: origin.to_string(),
        }),
    }
}

/// The date fields: a string read by [`parse_date`], or a Unix timestamp in
/// seconds (or milliseconds if above 10^11), taken as a UTC date; a number below 10^8
/// (before 1973-03-03: a bare year such as 2025, a negative number) is an error, not 1970.
fn date_field(obj: &Map<String, Value>, origin: &str) -> Result<Option<String>, InputError> {
    for &f in DATE_FIELDS {
        match obj.get(f) {
            None | Some(Value::Null) => {}
            Some(Value::String(s)) if s.trim().is_empty() => {}
            Some(Value::String(s)) => {
                return parse_date(s).map(Some).ok_or_else(|| InputError::BadDate {
                    origin: origin.to_string(),
                    value: s.clone(),
                    place: format!("field `{f}`"),
                });
            }
            Some(Value::Number(n)) => {
                // A bare year or small number (2025, -5) is no plausible timestamp:
                // seconds start at 10^8 (1973-03-03).
                let date = n.as_i64().filter(|s| *s >= 100_000_000).and_then(|secs| {
                    let secs = if secs.abs() > 100_000_000_000 {
                        secs / 1000
                    } else {
                        secs
                    };
                    jiff::Timestamp::from_second(secs)
                        .ok()
                        .map(|ts| jiff::tz::Offset::UTC.to_datetime(ts).date().to_string())
                });
                return date.map(Some).ok_or_else(|| InputError::BadDate {
                    origin: origin.to_string(),
                    value: n.to_string(),
                    place: format!("field `{f}`"),
                });
            }
            Some(other) => {
                return Err(InputError::WrongType {
                    origin: origin.to_string(),
                    field: f.to_string(),
                    expected: "a date string",
                    found: json_type(other),
                });
            }
        }
    }
    Ok(None)
}

fn article_from_value(
    value: Value,
    origin: String,
    fallback_id: String,
    opts: &ReadOptions,
) -> Result<RawArticle, InputError> {
    let Value::Object(obj) = value else {
        return Err(InputError::NotAnObject {
            origin,
            found: json_type(&value),
        });
    };
    let field = |names: &[&str], numbers_ok: bool| -> Result<Option<String>, InputError> {
        Ok(string_field(&obj, names, &origin, numbers_ok)?.map(|(_, v)| v))
    };
    let source_id = field(ID_FIELDS, true)?.unwrap_or(fallback_id);
    let title = field(TITLE_FIELDS, false)?;
    let url = field(URL_FIELDS, false)?;
    let outlet = field(SOURCE_FIELDS, false)?;
    let published = date_field(&obj, &origin)?.or_else(|| default_date(opts));
    let text = text_field(&obj, &origin)?;
    Ok(RawArticle {
        source_id,
        title,
        published,
        url,
        outlet,
        text,
        origin,
    })
}

fn default_date(opts: &ReadOptions) -> Option<String> {
    let d = opts.default_date.as_deref()?.trim();
    if d.is_empty() {
        return None;
    }
    Some(parse_date(d).unwrap_or_else(|| d.to_string()))
}

// ---------------------------------------------------------------------------
// Plain text
// ---------------------------------------------------------------------------

fn normalize_newlines(s: &str) -> String {
    if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    }
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Drops leading whitespace-only lines.
fn skip_blank_lines(s: &str) -> &str {
    let mut rest = s;
    loop {
        match rest.split_once('\n') {
            Some((line, tail)) if is_blank(line) => rest = tail,
            _ => return rest,
        }
    }
}

/// `(fields, body)` if `text` starts with a `---` … `---` header block.
fn split_header(text: &str) -> Option<(Vec<(String, String)>, &str)> {
    let (first, mut rest) = text.split_once('\n')?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    loop {
        let (line, tail) = match rest.split_once('\n') {
            Some(pair) => pair,
            None => (rest, ""),
        };
        if line.trim_end() == "---" {
            return Some((fields, tail));
        }
        if tail.is_empty() && !rest.contains('\n') {
            return None; // no closing line: not a header
        }
        let key_value = line.split_once(':').filter(|(k, _)| {
            let k = k.trim();
            !k.is_empty()
                && !k.contains(char::is_whitespace)
                && !line.starts_with(char::is_whitespace)
        });
        match key_value {
            Some((k, v)) => fields.push((
                k.trim().to_ascii_lowercase(),
                strip_quotes(v.trim()).to_string(),
            )),
            // Blank lines, YAML continuations (indented) and comments are tolerated;
            // any other line means this `---` was not a header (e.g. a Markdown rule).
            None if is_blank(line)
                || line.starts_with(char::is_whitespace)
                || line.starts_with(['#', '-']) => {}
            None => return None,
        }
        rest = tail;
    }
}

/// The header fields [`parse_text`] reads (other keys are tolerated and ignored).
const HEADER_FIELDS: &[&str] = &[
    "title",
    "date",
    "published",
    "source",
    "outlet",
    "url",
    "id",
];

/// True when `text` begins with a `---` line followed by a field of [`HEADER_FIELDS`] but
/// [`split_header`] found no closing line.
fn opens_unclosed_header(text: &str) -> bool {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return false;
    }
    lines
        .find(|l| !is_blank(l))
        .and_then(|l| l.split_once(':'))
        .is_some_and(|(k, _)| HEADER_FIELDS.contains(&k.trim().to_ascii_lowercase().as_str()))
}

fn strip_quotes(v: &str) -> &str {
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// Title heuristic: the first line, if it is a short, unpunctuated single-line
/// paragraph followed by a blank line and more text. Returns `(title, body)`.
fn split_title(text: &str) -> Option<(String, &str)> {
    let (first, rest) = text.split_once('\n')?;
    let (second, body) = rest.split_once('\n')?;
    if !is_blank(second) {
        return None;
    }
    let title = first.trim();
    if title.is_empty()
        || title.chars().count() > MAX_TITLE_CHARS
        || title.ends_with(['.', '!', '?', '"', '\u{201D}'])
        || !title.chars().any(char::is_alphanumeric)
    {
        return None;
    }
    let body = skip_blank_lines(body);
    if body.trim().is_empty() {
        return None;
    }
    Some((title.to_string(), body))
}

fn parse_text(raw: &str, name: &str, opts: &ReadOptions) -> Result<RawArticle, InputError> {
    let text = normalize_newlines(raw);
    let mut art = RawArticle {
        source_id: name.to_string(),
        title: None,
        published: None,
        url: None,
        outlet: None,
        text: String::new(),
        origin: name.to_string(),
    };
    let body = if let Some((fields, body)) = split_header(&text) {
        for (k, v) in fields {
            if v.is_empty() {
                continue;
            }
            match k.as_str() {
                "title" => art.title = Some(v),
                "date" | "published" => {
                    let d = parse_date(&v).ok_or_else(|| InputError::BadDate {
                        origin: name.to_string(),
                        value: v.clone(),
                        place: "header".to_string(),
                    })?;
                    art.published = Some(d);
                }
                "source" | "outlet" => art.outlet = Some(v),
                "url" => art.url = Some(v),
                "id" => art.source_id = v,
                _ => {}
            }
        }
        let body = skip_blank_lines(body);
        if body.trim().is_empty() {
            return Err(empty(name, "no article text after header"));
        }
        body
    } else {
        if opens_unclosed_header(&text) {
            return Err(InputError::UnclosedHeader {
                origin: name.to_string(),
            });
        }
        let body = skip_blank_lines(&text);
        match split_title(body) {
            Some((title, rest)) => {
                art.title = Some(title);
                rest
            }
            None => body,
        }
    };
    art.text = body.to_string();
    if art.published.is_none() {
        art.published = default_date(opts);
    }
    Ok(art)
}

// ---------------------------------------------------------------------------
// HTML
// ---------------------------------------------------------------------------

fn select<'a>(doc: &'a Document, sel: &str) -> Vec<NodeRef<'a>> {
    match Matcher::new(sel) {
        Ok(m) => doc.select_matcher(&m).nodes().to_vec(),
        Err(_) => Vec::new(),
    }
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(s: &str) -> Option<String> {
    let s = collapse_ws(s);
    if s.is_empty() { None } else { Some(s) }
}

/// `<meta>` contents keyed by lower-cased `property`, `name` and `itemprop`.
fn meta_map(doc: &Document) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for node in select(doc, "meta") {
        let Some(content) = node.attr("content").and_then(|c| non_empty(&c)) else {
            continue;
        };
        for attr in ["property", "name", "itemprop"] {
            if let Some(key) = node.attr(attr) {
                out.push((key.trim().to_ascii_lowercase(), content.clone()));
            }
        }
    }
    out
}

fn meta_get(metas: &[(String, String)], keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| metas.iter().find(|(mk, _)| mk == k).map(|(_, v)| v.clone()))
}

/// `datePublished` values found in JSON-LD blocks (objects, arrays, `@graph`).
fn json_ld_dates(doc: &Document) -> Vec<String> {
    fn walk(v: &Value, out: &mut Vec<String>, depth: usize) {
        if depth > 16 {
            return;
        }
        match v {
            Value::Array(items) => items.iter().for_each(|i| walk(i, out, depth + 1)),
            Value::Object(obj) => {
                if let Some(Value::String(d)) = obj.get("datePublished") {
                    out.push(d.clone());
                }
                if let Some(g) = obj.get("@graph") {
                    walk(g, out, depth + 1);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for node in select(doc, "script") {
        let is_ld = node
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        if let Ok(v) = serde_json::from_str::<Value>(node.text().trim()) {
            walk(&v, &mut out, 0);
        }
    }
    out
}

/// Text of the innermost block elements (paragraphs, list items, headings
/// below h1, quotes), one paragraph each.
fn block_paragraphs(doc: &Document) -> Vec<String> {
    const BLOCKS: &str = "p, li, h2, h3, h4, h5, h6, blockquote, pre";
    // `<br>` has no text: without this, "end<br>start" would read "endstart".
    for br in select(doc, "br") {
        br.replace_with_html("<span> </span>");
    }
    let Ok(m) = Matcher::new(BLOCKS) else {
        return Vec::new();
    };
    doc.select_matcher(&m)
        .nodes()
        .iter()
        .filter(|n| !n.descendants_it().any(|d| d.is_match(&m)))
        .filter_map(|n| non_empty(&n.text()))
        .collect()
}

fn parse_html(html: &str, name: &str, opts: &ReadOptions) -> Result<RawArticle, InputError> {
    let doc = Document::from(html);
    let metas = meta_map(&doc);

    let article = dom_smoothie::Readability::new(html, None, None)
        .ok()
        .and_then(|mut r| r.parse().ok());

    let mut paragraphs = article
        .as_ref()
        .map(|a| block_paragraphs(&Document::from(a.content.to_string())))
        .unwrap_or_default();
    if paragraphs.is_empty()
        && let Some(a) = &article
    {
        paragraphs = a.text_content.split('\n').filter_map(non_empty).collect();
    }
    if paragraphs.is_empty() {
        // Readability found nothing: take the page's own paragraphs.
        paragraphs = block_paragraphs(&doc);
    }
    // Readability turns the page's <h1> into the first block of its content;
    // the headline is metadata, not body text.
    let mut title_like: Vec<String> = select(&doc, "h1")
        .iter()
        .filter_map(|h| non_empty(&h.text()))
        .collect();
    title_like.extend(meta_get(&metas, &["og:title"]));
    while paragraphs.len() > 1 && paragraphs.first().is_some_and(|p| title_like.contains(p)) {
        paragraphs.remove(0);
    }
    if paragraphs.is_empty() {
        return Err(InputError::NoHtmlText {
            origin: name.to_string(),
        });
    }

    let title = meta_get(&metas, &["og:title"])
        .or_else(|| {
            select(&doc, "title")
                .first()
                .and_then(|t| non_empty(&t.text()))
        })
        .or_else(|| article.as_ref().and_then(|a| non_empty(&a.title)));

    let mut date_candidates: Vec<String> = Vec::new();
    date_candidates.extend(meta_get(&metas, &["article:published_time"]));
    date_candidates.extend(meta_get(
        &metas,
        &[
            "date",
            "pubdate",
            "publishdate",
            "datepublished",
            "dc.date.issued",
            "dc.date",
        ],
    ));
    date_candidates.extend(
        select(&doc, "time[datetime]")
            .iter()
            .filter_map(|t| t.attr("datetime").map(|d| d.to_string())),
    );
    date_candidates.extend(json_ld_dates(&doc));
    let published = date_candidates
        .iter()
        .find_map(|d| parse_date(d))
        .or_else(|| default_date(opts));

    let canonical = select(&doc, "link[rel][href]").into_iter().find_map(|l| {
        let rel = l.attr("rel")?;
        if rel
            .split_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
        {
            non_empty(&l.attr("href")?)
        } else {
            None
        }
    });
    let url = canonical.or_else(|| meta_get(&metas, &["og:url"]));
    let outlet = meta_get(&metas, &["og:site_name"]).or_else(|| {
        article
            .as_ref()
            .and_then(|a| a.site_name.as_deref().and_then(non_empty))
    });

    Ok(RawArticle {
        source_id: name.to_string(),
        title,
        published,
        url,
        outlet,
        text: paragraphs.join("\n\n"),
        origin: name.to_string(),
    })
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const TIME_SUFFIX: &str = r"(?:,?\s*(?:T|\s|at\s+)\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?|[a-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?))?(?:\s*\([a-z ]+\))?(?:\[[^\]]*\])?)?";

fn date_regex(pattern: &str) -> Option<Regex> {
    Regex::new(&format!("(?i)^{pattern}{TIME_SUFFIX}$")).ok()
}

/// `2025-03-04`, `2025/03/04`, with an optional time and zone.
static YMD: LazyLock<Option<Regex>> =
    LazyLock::new(|| date_regex(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})"));
/// `20250304`, optionally `20250304T102200Z`.
static COMPACT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\d{4})(\d{2})(\d{2})(?:T\d{2}:?\d{2}(?::?\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$").ok()
});
/// `March 4, 2025`, `Tuesday, Mar. 4th 2025 10:22 AM`.
static MDY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    date_regex(r"(?:([a-z]+)\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
});
/// `4 March 2025`, RFC 2822 `Tue, 04 Mar 2025 10:22:00 GMT`.
static DMY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    date_regex(
        r"(?:([a-z]+)\.?,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?,?\s+(\d{4})",
    )
});

fn month_number(name: &str) -> Option<i8> {
    let n = name.to_ascii_lowercase();
    let m = match n.as_str() {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    };
    Some(m)
}

fn is_weekday(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    [
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
    ]
    .contains(&n.as_str())
}

fn ymd(year: &str, month: i8, day: &str) -> Option<String> {
    let y: i16 = year.parse().ok()?;
    let d: i8 = day.parse().ok()?;
    if !(1000..=9999).contains(&y) {
        return None;
    }
    jiff::civil::Date::new(y, month, d)
        .ok()
        .map(|date| date.to_string())
}

/// Normalises a publication date to ISO 8601 `"YYYY-MM-DD"`, or `None`.
///
/// Accepted (case-insensitive, surrounding whitespace ignored): `2025-03-04`,
/// `2025-03-04T10:22:00Z`, `2025-03-04 10:22:00+01:00`, `2025/03/04`,
/// `20250304`, `March 4, 2025`, `Mar 4, 2025`, `4 March 2025`, and RFC 2822
/// `Tue, 04 Mar 2025 10:22:00 GMT`; each optionally with a weekday, a time, a
/// zone. The time and zone are dropped: the result is the calendar date as
/// written, not converted to UTC. Impossible dates (`2025-02-30`) and ambiguous
/// numeric forms (`04/03/2025`) give `None`.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    for re in [&*YMD, &*COMPACT] {
        if let Some(c) = re.as_ref().and_then(|re| re.captures(s)) {
            let month: i8 = c.get(2)?.as_str().parse().ok()?;
            return ymd(c.get(1)?.as_str(), month, c.get(3)?.as_str());
        }
    }
    if let Some(c) = MDY.as_ref().and_then(|re| re.captures(s)) {
        let weekday_ok = c.get(1).is_none_or(|w| is_weekday(w.as_str()));
        if weekday_ok && let Some(month) = month_number(c.get(2)?.as_str()) {
            return ymd(c.get(4)?.as_str(), month, c.get(3)?.as_str());
        }
    }
    if let Some(c) = DMY.as_ref().and_then(|re| re.captures(s)) {
        let weekday_ok = c.get(1).is_none_or(|w| is_weekday(w.as_str()));
        if weekday_ok && let Some(month) = month_number(c.get(3)?.as_str()) {
            return ymd(c.get(4)?.as_str(), month, c.get(2)?.as_str());
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Sizes in messages
// ---------------------------------------------------------------------------

fn human_bytes(n: u64) -> String {
    const KB: f64 = 1024.0;
    const MB: f64 = 1024.0 * 1024.0;
    let x = n as f64;
    let (v, unit) = if x >= MB {
        (x / MB, "MB")
    } else if x >= KB {
        (x / KB, "KB")
    } else {
        return format!("{n} bytes");
    };
    let s = format!("{v:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s);
    format!("{s} {unit}")
}

/// `"300 MB > 64 MB limit"`; exact byte counts when rounding would hide the
/// difference; `"over the 64 MB limit"` when the size is unknown.
fn size_vs_limit(size: Option<u64>, limit: u64) -> String {
    match size {
        None => format!("over the {} limit", human_bytes(limit)),
        Some(s) if human_bytes(s) == human_bytes(limit) => {
            format!("{s} bytes > {limit} bytes limit")
        }
        Some(s) => format!("{} > {} limit", human_bytes(s), human_bytes(limit)),
    }
}

impl fmt::Display for InputFormat {
    /// Lower-case name: `text`, `json`, `jsonl`, `html`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            InputFormat::Text => "text",
            InputFormat::Json => "json",
            InputFormat::JsonLines => "jsonl",
            InputFormat::Html => "html",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::io::Cursor;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn read_with(paths: &[PathBuf], opts: &ReadOptions) -> Vec<Result<RawArticle, InputError>> {
        read_paths(paths, opts).collect()
    }

    fn read(paths: &[PathBuf]) -> Vec<Result<RawArticle, InputError>> {
        read_with(paths, &ReadOptions::default())
    }

    fn only_ok(paths: &[PathBuf]) -> RawArticle {
        let mut v = read(paths);
        assert_eq!(v.len(), 1, "{v:?}");
        v.remove(0).unwrap()
    }

    fn only_err(paths: &[PathBuf], opts: &ReadOptions) -> InputError {
        let mut v = read_with(paths, opts);
        assert_eq!(v.len(), 1, "{v:?}");
        v.remove(0).unwrap_err()
    }

    fn obj(v: Value) -> Result<RawArticle, InputError> {
        article_from_value(v, "t.json".into(), "t.json".into(), &ReadOptions::default())
    }

    // ---------------- plain text ----------------

    #[test]
    fn text_with_header_reads_all_keys() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "a.txt",
            b"\xEF\xBB\xBF---\r\nTitle: Council passes budget\r\nDATE: 2024-11-05T08:00:00-05:00\r\nsource: \"Riverton Ledger\"\r\nurl: https://example.org/budget\r\nid: ledger-42\r\nauthor: ignored\r\n---\r\n\r\nThe council voted 7-2.\r\n\r\nThe mayor objected.\r\n",
        );
        let a = only_ok(std::slice::from_ref(&p));
        assert_eq!(a.source_id, "ledger-42");
        assert_eq!(a.title.as_deref(), Some("Council passes budget"));
        assert_eq!(a.published.as_deref(), Some("2024-11-05"));
        assert_eq!(a.outlet.as_deref(), Some("Riverton Ledger"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/budget"));
        assert_eq!(a.text, "The council voted 7-2.\n\nThe mayor objected.\n");
        assert_eq!(a.origin, p.display().to_string());
    }

    #[test]
    fn header_aliases_published_and_outlet() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "b.md",
            b"---\npublished: March 4, 2025\noutlet: Gazette\n---\nBody here.\n",
        );
        let a = only_ok(std::slice::from_ref(&p));
        assert_eq!(a.published.as_deref(), Some("2025-03-04"));
        assert_eq!(a.outlet.as_deref(), Some("Gazette"));
        assert_eq!(a.title, None);
        assert_eq!(a.source_id, p.display().to_string());
        assert_eq!(a.text, "Body here.\n");
    }

    #[test]
    fn header_bad_date_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "f.txt",
            b"---\ndate: next tuesday-ish\n---\nText.\n",
        );
        let e = only_err(std::slice::from_ref(&p), &ReadOptions::default());
        assert_eq!(
            e.to_string(),
            format!(
                "{}: \"next tuesday-ish\" in header is not a date (unknown format, a day that does not exist, or a number too small for a Unix timestamp)",
                p.display()
            )
        );
    }

    #[test]
    fn header_without_body_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "h.txt",
            b"---\ntitle: Only a title\n---\n\n  \n",
        );
        let e = only_err(std::slice::from_ref(&p), &ReadOptions::default());
        assert!(matches!(e, InputError::Empty { .. }));
        assert_eq!(
            e.to_string(),
            format!("{}: no article text after header", p.display())
        );
    }

    #[test]
    fn an_unclosed_header_is_an_error_not_text() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "u.txt",
            b"---\ntitle: Summit\ndate: 2025-03-04\n\nFrance criticised Italy on Monday.\n",
        );
        let e = only_err(std::slice::from_ref(&p), &ReadOptions::default());
        assert!(matches!(e, InputError::UnclosedHeader { .. }), "{e:?}");
        assert!(
            e.to_string()
                .starts_with(&format!("{}: the header", p.display()))
        );
        // A rule before prose is still prose.
        let p = write(dir.path(), "v.md", b"---\nNote: prose here.\n");
        assert_eq!(only_ok(&[p]).text, "---\nNote: prose here.\n");
    }

    #[test]
    fn markdown_rule_is_not_a_header() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "r.md",
            b"---\nJust a paragraph of prose.\n---\nMore prose.\n",
        );
        let a = only_ok(&[p]);
        assert_eq!(a.title, None);
        assert_eq!(
            a.text,
            "---\nJust a paragraph of prose.\n---\nMore prose.\n"
        );
    }

    #[test]
    fn title_heuristic_takes_wire_style_headline() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "w.txt",
            b"\n\nSenate Rejects Tariff Bill\n\nRIVERTON, April 2 (Wire) -\n\nThe senate voted down the bill.\n",
        );
        let a = only_ok(&[p]);
        assert_eq!(a.title.as_deref(), Some("Senate Rejects Tariff Bill"));
        assert_eq!(
            a.text,
            "RIVERTON, April 2 (Wire) -\n\nThe senate voted down the bill.\n"
        );
        assert_eq!(a.published, None);
    }

    #[test]
    fn title_heuristic_rejections() {
        for body in [
            "The senate voted.\n\nMore text.\n",     // ends with '.'
            "Did the senate vote?\n\nMore text.\n",  // ends with '?'
            "He said \"no\"\n\nMore text.\n",        // ends with a quote
            "He said \u{201C}no\u{201D}\n\nMore.\n", // ends with a curly quote
            "Two line\nfirst paragraph\n\nMore.\n",  // not a single line
            "No blank line after\nMore text.\n",     // not followed by a blank line
            "Lonely headline\n\n",                   // nothing after it
        ] {
            let a = parse_text(body, "t.txt", &ReadOptions::default()).unwrap();
            assert_eq!(a.title, None, "{body:?}");
            assert_eq!(a.text, body.trim_start_matches('\n'), "{body:?}");
        }
        let long = format!("{}\n\nBody.\n", "x".repeat(151));
        assert_eq!(
            parse_text(&long, "t.txt", &ReadOptions::default())
                .unwrap()
                .title,
            None
        );
        let ok = format!("{}\n\nBody.\n", "é".repeat(150));
        assert_eq!(
            parse_text(&ok, "t.txt", &ReadOptions::default())
                .unwrap()
                .title,
            Some("é".repeat(150))
        );
    }

    #[test]
    fn default_date_fills_in_but_does_not_override() {
        let opts = ReadOptions {
            default_date: Some("2020-01-02".into()),
            ..ReadOptions::default()
        };
        let a = parse_text("Plain body only.\n", "t.txt", &opts).unwrap();
        assert_eq!(a.published.as_deref(), Some("2020-01-02"));
        let b = parse_text("---\ndate: 2021/06/07\n---\nBody.\n", "t.txt", &opts).unwrap();
        assert_eq!(b.published.as_deref(), Some("2021-06-07"));
        let c = obj(json!({"text": "x"}));
        assert_eq!(c.unwrap().published, None);
        let d = article_from_value(json!({"text": "x"}), "o".into(), "o".into(), &opts).unwrap();
        assert_eq!(d.published.as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn explicit_unknown_extension_is_text_and_cr_normalised() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "notes.log", b"Line one\rLine two\r\n");
        let a = only_ok(&[p]);
        assert_eq!(a.text, "Line one\nLine two\n");
    }

    // ---------------- JSON ----------------

    #[test]
    fn json_single_object_with_aliases_and_numeric_id() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "one.json",
            br#"{"id": 1234, "headline": "Minister resigns", "body": "She left office.", "published_at": "2025-03-04 10:22:00+01:00", "link": "https://example.org/r", "outlet": "Daily"}"#,
        );
        let a = only_ok(std::slice::from_ref(&p));
        assert_eq!(a.source_id, "1234");
        assert_eq!(a.title.as_deref(), Some("Minister resigns"));
        assert_eq!(a.text, "She left office.");
        assert_eq!(a.published.as_deref(), Some("2025-03-04"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/r"));
        assert_eq!(a.outlet.as_deref(), Some("Daily"));
        assert_eq!(a.origin, p.display().to_string());
    }

    #[test]
    fn json_array_of_objects() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "arr.json",
            b"[\n  {\"text\": \"First story.\", \"date\": \"2025-01-01\"},\n  {\"id\": \"b\", \"content\": \"Second story.\"},\n  \"oops\"\n]\n",
        );
        let v = read(std::slice::from_ref(&p));
        assert_eq!(v.len(), 3);
        let a = v[0].as_ref().unwrap();
        let name = p.display().to_string();
        assert_eq!(a.source_id, format!("{name}#1"));
        assert_eq!(a.origin, format!("{name}#1"));
        assert_eq!(a.text, "First story.");
        assert_eq!(a.published.as_deref(), Some("2025-01-01"));
        let b = v[1].as_ref().unwrap();
        assert_eq!(b.source_id, "b");
        assert_eq!(b.text, "Second story.");
        let e = v[2].as_ref().unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("{name}#3: record is not a JSON object (found string)")
        );
    }

    #[test]
    fn empty_json_array_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "e.json", b"[]");
        let e = only_err(std::slice::from_ref(&p), &ReadOptions::default());
        assert_eq!(e.to_string(), format!("{}: empty JSON array", p.display()));
    }

    #[test]
    fn json_file_falls_back_to_json_lines() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "lines.json",
            b"{\"text\": \"A.\"}\n\n{\"text\": \"B.\", \"id\": 7}\n",
        );
        let v = read(std::slice::from_ref(&p));
        let name = p.display().to_string();
        let ids: Vec<_> = v
            .iter()
            .map(|r| r.as_ref().unwrap().source_id.clone())
            .collect();
        assert_eq!(ids, vec![format!("{name}#L1"), "7".to_string()]);
        assert_eq!(v[1].as_ref().unwrap().origin, format!("{name}:3"));
    }

    #[test]
    fn malformed_pretty_json_reports_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "bad.json",
            b"{\n  \"text\": \"a\"\n  \"title\": \"b\"\n}\n",
        );
        let e = only_err(std::slice::from_ref(&p), &ReadOptions::default());
        assert_eq!(
            e.to_string(),
            format!(
                "{}:3: malformed JSON: expected `,` or `}}` at column 3",
                p.display()
            )
        );
    }

    #[test]
    fn every_field_alias_is_read() {
        for f in TEXT_FIELDS {
            let a = obj(json!({ *f: "Body text." })).unwrap();
            assert_eq!(a.text, "Body text.", "{f}");
        }
        for f in DATE_FIELDS {
            let a = obj(json!({"text": "x", *f: "2025-03-04T10:22:00Z"})).unwrap();
            assert_eq!(a.published.as_deref(), Some("2025-03-04"), "{f}");
        }
        for f in TITLE_FIELDS {
            let a = obj(json!({"text": "x", *f: " A title "})).unwrap();
            assert_eq!(a.title.as_deref(), Some("A title"), "{f}");
        }
        for f in URL_FIELDS {
            let a = obj(json!({"text": "x", *f: "https://example.org/a"})).unwrap();
            assert_eq!(a.url.as_deref(), Some("https://example.org/a"), "{f}");
        }
        for f in SOURCE_FIELDS {
            let a = obj(json!({"text": "x", *f: "example.org"})).unwrap();
            assert_eq!(a.outlet.as_deref(), Some("example.org"), "{f}");
        }
        let a = obj(json!({"text": "x", "id": "abc"})).unwrap();
        assert_eq!(a.source_id, "abc");
        let a = obj(json!({"text": "x", "id": 99})).unwrap();
        assert_eq!(a.source_id, "99");
        let a = obj(json!({"text": "x"})).unwrap();
        assert_eq!(a.source_id, "t.json");
    }

    #[test]
    fn text_fields_fall_back_in_order() {
        let a =
            obj(json!({"text": "", "body": null, "content": "Content wins.", "maintext": "no"}))
                .unwrap();
        assert_eq!(a.text, "Content wins.");
        let a = obj(json!({"maintext": "Main.", "article": "Art."})).unwrap();
        assert_eq!(a.text, "Main.");
        let a = obj(json!({"text": ["Para one.", "Para two."]})).unwrap();
        assert_eq!(a.text, "Para one.\n\nPara two.");
        let a = obj(json!({"text": "a\r\nb"})).unwrap();
        assert_eq!(a.text, "a\nb");
    }

    #[test]
    fn json_record_errors() {
        let e = obj(json!({"title": "no body"})).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.json: no text field (expected one of text, body, content, maintext, article)"
        );
        let e = obj(json!({"text": "  ", "body": ""})).unwrap_err();
        assert_eq!(e.to_string(), "t.json: field `text` is empty");
        let e = obj(json!({"text": "x", "published": "sometime soon"})).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.json: \"sometime soon\" in field `published` is not a date (unknown format, a day that does not exist, or a number too small for a Unix timestamp)"
        );
        let e = obj(json!({"text": {"a": 1}})).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.json: field `text` must be a string, found object"
        );
        let e = obj(json!({"text": "x", "id": true})).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.json: field `id` must be a string or number, found boolean"
        );
        let e = obj(json!([1, 2])).unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.json: record is not a JSON object (found array)"
        );
    }

    #[test]
    fn numeric_timestamp_dates() {
        // 2025-03-04T10:22:00Z
        let a = obj(json!({"text": "x", "date": 1741083720})).unwrap();
        assert_eq!(a.published.as_deref(), Some("2025-03-04"));
        let a = obj(json!({"text": "x", "date": 1741083720000_i64})).unwrap();
        assert_eq!(a.published.as_deref(), Some("2025-03-04"));
        // A year as a number is no timestamp of 1970.
        for bad in [json!(2025), json!(-5)] {
            let e = obj(json!({"text": "x", "date": bad})).unwrap_err();
            assert!(e.to_string().contains("is not a date"), "{e}");
        }
    }

    #[test]
    fn jsonl_bad_lines_do_not_stop_the_stream() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "x.jsonl",
            b"{\"text\": \"One.\"}\r\n{\"text\": \"Two.\" \"title\": 1}\n\n{\"title\": \"t\"}\n[1]\n{\"text\": \"x\", \"date\": \"soon\"}\n\xff\xfe\n{\"id\": \"last\", \"text\": \"Five.\"}",
        );
        let name = p.display().to_string();
        let v = read(&[p]);
        assert_eq!(v.len(), 7, "{v:?}");
        assert_eq!(v[0].as_ref().unwrap().text, "One.");
        assert_eq!(v[0].as_ref().unwrap().source_id, format!("{name}#L1"));
        assert_eq!(v[0].as_ref().unwrap().origin, format!("{name}:1"));
        assert_eq!(
            v[1].as_ref().unwrap_err().to_string(),
            format!("{name}:2: malformed JSON: expected `,` or `}}` at column 17")
        );
        assert!(
            matches!(v[2], Err(InputError::MissingText { ref origin }) if *origin == format!("{name}:4"))
        );
        assert!(matches!(
            v[3],
            Err(InputError::NotAnObject { found: "array", .. })
        ));
        assert_eq!(
            v[4].as_ref().unwrap_err().to_string(),
            format!(
                "{name}:6: \"soon\" in field `date` is not a date (unknown format, a day that does not exist, or a number too small for a Unix timestamp)"
            )
        );
        assert_eq!(
            v[5].as_ref().unwrap_err().to_string(),
            format!("{name}:7: not valid UTF-8 (first bad byte at offset 0)")
        );
        let last = v[6].as_ref().unwrap();
        assert_eq!(last.source_id, "last");
        assert_eq!(last.text, "Five.");
        assert_eq!(last.origin, format!("{name}:8"));
    }

    #[test]
    fn jsonl_line_limit_applies_per_line() {
        let dir = tempfile::tempdir().unwrap();
        let long = format!("{{\"text\": \"{}\"}}\n", "y".repeat(200));
        let mut content = long.into_bytes();
        content.extend_from_slice(b"{\"text\": \"short\"}\n");
        let p = write(dir.path(), "big.ndjson", &content);
        let opts = ReadOptions {
            max_bytes: 100,
            ..ReadOptions::default()
        };
        let v = read_with(std::slice::from_ref(&p), &opts);
        assert_eq!(v.len(), 2);
        assert_eq!(
            v[0].as_ref().unwrap_err().to_string(),
            format!(
                "{}:1: line too large (212 bytes > 100 bytes limit)",
                p.display()
            )
        );
        assert_eq!(v[1].as_ref().unwrap().text, "short");
    }

    #[test]
    fn big_json_file_streams_as_lines_or_is_too_large() {
        let dir = tempfile::tempdir().unwrap();
        let opts = ReadOptions {
            max_bytes: 40,
            ..ReadOptions::default()
        };
        let p = write(
            dir.path(),
            "l.json",
            b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"c\"}\n",
        );
        let texts: Vec<_> = read_with(&[p], &opts)
            .into_iter()
            .map(|r| r.unwrap().text)
            .collect();
        assert_eq!(texts, ["a", "b", "c"]);
        let q = write(
            dir.path(),
            "arr.json",
            b"[\n{\"text\": \"a\"},\n{\"text\": \"b\"},\n{\"text\": \"c\"}\n]\n",
        );
        let e = only_err(std::slice::from_ref(&q), &opts);
        assert_eq!(
            e.to_string(),
            format!(
                "{}: file too large (48 bytes > 40 bytes limit)",
                q.display()
            )
        );
    }

    // ---------------- HTML ----------------

    const PAGE_WITH_META: &str = r#"<!DOCTYPE html>
<html><head>
<title>Page title | Example News</title>
<meta property="og:title" content="Parliament approves reform">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.org/og">
<meta property="article:published_time" content="2025-03-04T23:30:00-05:00">
<link rel="canonical" href="https://example.org/reform">
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article>
<h1>Parliament approves reform</h1>
<p>The parliament of Freedonia approved the pension reform on Tuesday after a long debate that lasted well into the night, with members of every party taking the floor.</p>
<p>The opposition leader said the vote was rushed and promised to challenge the law before the constitutional court, a process that could take months to conclude.</p>
<p>The prime minister welcomed the result and thanked the coalition partners, who had threatened to walk out only a week earlier over the retirement age.</p>
</article>
<footer><p>Copyright notice</p></footer>
</body></html>"#;

    #[test]
    fn html_with_meta_date() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "page.html", PAGE_WITH_META.as_bytes());
        let a = only_ok(std::slice::from_ref(&p));
        assert_eq!(a.title.as_deref(), Some("Parliament approves reform"));
        assert_eq!(a.published.as_deref(), Some("2025-03-04"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/reform"));
        assert_eq!(a.outlet.as_deref(), Some("Example News"));
        assert_eq!(a.source_id, p.display().to_string());
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert_eq!(paras.len(), 3, "{:?}", a.text);
        assert!(paras[0].starts_with("The parliament of Freedonia approved"));
        assert!(paras[2].ends_with("over the retirement age."));
        assert!(!a.text.contains("Copyright"));
        assert!(!a.text.contains("Home"));
    }

    #[test]
    fn html_with_only_json_ld_graph_date() {
        let html = r#"<html><head><title>Budget talks collapse</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Site"},
  {"@type": "NewsArticle", "headline": "Budget talks collapse", "datePublished": "2024-12-20T09:15:00+01:00"}
]}</script>
<script type="application/ld+json">not json at all</script>
</head><body><div class="story">
<p>Negotiators from both chambers left the room on Friday without an agreement on the spending plan, raising the prospect of a government shutdown.</p>
<p>Leaders of the majority blamed the minority for walking away, while the minority said the offer on the table was never serious.</p>
</div></body></html>"#;
        let a = parse_html(html, "g.html", &ReadOptions::default()).unwrap();
        assert_eq!(a.published.as_deref(), Some("2024-12-20"));
        assert_eq!(a.title.as_deref(), Some("Budget talks collapse"));
        assert_eq!(a.url, None);
        assert_eq!(a.outlet, None);
        assert_eq!(a.text.split("\n\n").count(), 2, "{:?}", a.text);
        assert!(a.text.starts_with("Negotiators from both chambers"));
    }

    #[test]
    fn html_date_fallbacks_meta_name_time_and_array_ld() {
        let body = "<p>Short body text about a vote in the assembly.</p>";
        let with_name = format!(
            "<html><head><meta name=\"Date\" content=\"2023-05-06\"></head><body>{body}</body></html>"
        );
        assert_eq!(
            parse_html(&with_name, "a.html", &ReadOptions::default())
                .unwrap()
                .published
                .as_deref(),
            Some("2023-05-06")
        );
        let with_time = format!(
            "<html><body><time datetime=\"2023-07-08T10:00\">July 8</time>{body}</body></html>"
        );
        assert_eq!(
            parse_html(&with_time, "b.html", &ReadOptions::default())
                .unwrap()
                .published
                .as_deref(),
            Some("2023-07-08")
        );
        let with_array = format!(
            "<html><head><script type=\"application/ld+json\">[{{\"@type\":\"Person\"}},{{\"datePublished\":\"9 August 2023\"}}]</script></head><body>{body}</body></html>"
        );
        let a = parse_html(&with_array, "c.html", &ReadOptions::default()).unwrap();
        assert_eq!(a.published.as_deref(), Some("2023-08-09"));
        assert_eq!(a.text, "Short body text about a vote in the assembly.");
    }

    #[test]
    fn html_drops_headline_block_and_splits_br() {
        let html = r#"<html><head><title>Vote | Site</title></head><body>
<header><h1>Site</h1></header>
<main><article><h1>Assembly backs new <em>electoral</em> law</h1>
<p>The national assembly on Monday backed a new electoral law<br>that changes how seats are allocated across the regions of the country.</p>
<p>Supporters said the change would make results fairer, while critics warned that smaller parties would be squeezed out of the chamber.</p>
</article></main></body></html>"#;
        let a = parse_html(html, "t.html", &ReadOptions::default()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Vote | Site"));
        let paras: Vec<&str> = a.text.split("\n\n").collect();
        assert_eq!(paras.len(), 2, "{:?}", a.text);
        assert!(paras[0].starts_with(
            "The national assembly on Monday backed a new electoral law that changes"
        ));
    }

    #[test]
    fn html_without_text_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(
            dir.path(),
            "e.htm",
            b"<html><head><title>Nothing</title></head><body><div> </div></body></html>",
        );
        let e = only_err(std::slice::from_ref(&p), &ReadOptions::default());
        assert_eq!(
            e.to_string(),
            format!("{}: no article text found in HTML", p.display())
        );
    }

    // ---------------- bad inputs ----------------

    #[test]
    fn invalid_utf8_reports_offset() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "a.txt", b"Valid start \xc3\x28 then junk");
        let e = only_err(std::slice::from_ref(&p), &ReadOptions::default());
        assert_eq!(
            e,
            InputError::InvalidUtf8 {
                origin: p.display().to_string(),
                offset: 12
            }
        );
        assert_eq!(
            e.to_string(),
            format!(
                "{}: not valid UTF-8 (first bad byte at offset 12)",
                p.display()
            )
        );
        // The offset counts the BOM as part of the file.
        let q = write(dir.path(), "b.txt", b"\xEF\xBB\xBFab\xff");
        assert!(matches!(
            only_err(&[q], &ReadOptions::default()),
            InputError::InvalidUtf8 { offset: 5, .. }
        ));
    }

    #[test]
    fn binary_file_is_rejected() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "b.txt", b"0123456789\0\x01\x02");
        let e = only_err(std::slice::from_ref(&p), &ReadOptions::default());
        assert_eq!(
            e.to_string(),
            format!("{}: binary file (NUL byte at offset 10)", p.display())
        );
        let q = write(
            dir.path(),
            "b.jsonl",
            b"{\"text\": \"a\"}\n\0\0\n{\"text\": \"b\"}\n",
        );
        let v = read(std::slice::from_ref(&q));
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].as_ref().unwrap().text, "a");
        assert_eq!(
            v[1].as_ref().unwrap_err().to_string(),
            format!("{}: binary file (NUL byte at offset 14)", q.display())
        );
    }

    #[test]
    fn empty_and_whitespace_files() {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in [
            ("c.txt", &b""[..]),
            ("d.txt", b" \n\t\r\n"),
            ("e.jsonl", b"\n\n"),
            ("f.html", b""),
            ("g.json", b"  "),
        ] {
            let p = write(dir.path(), name, bytes);
            let e = only_err(std::slice::from_ref(&p), &ReadOptions::default());
            assert_eq!(
                e.to_string(),
                format!("{}: empty file", p.display()),
                "{name}"
            );
        }
    }

    #[test]
    fn nonexistent_path_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("missing.txt");
        let ok = write(dir.path(), "ok.txt", b"Still read.");
        let v = read(&[p.clone(), ok]);
        assert_eq!(v.len(), 2);
        assert_eq!(
            v[0].as_ref().unwrap_err().to_string(),
            format!("{}: cannot read: no such file or directory", p.display())
        );
        assert_eq!(v[1].as_ref().unwrap().text, "Still read.");
    }

    #[test]
    fn too_large_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "h.txt", &[b'a'; 3000]);
        let opts = ReadOptions {
            max_bytes: 2048,
            ..ReadOptions::default()
        };
        let e = only_err(std::slice::from_ref(&p), &opts);
        assert_eq!(
            e.to_string(),
            format!("{}: file too large (2.9 KB > 2 KB limit)", p.display())
        );
        let big = InputError::TooLarge {
            origin: "h.txt".into(),
            size: Some(300 * 1024 * 1024),
            limit: DEFAULT_MAX_BYTES,
        };
        assert_eq!(
            big.to_string(),
            "h.txt: file too large (300 MB > 64 MB limit)"
        );
        let stream = InputError::TooLarge {
            origin: "-".into(),
            size: None,
            limit: DEFAULT_MAX_BYTES,
        };
        assert_eq!(
            stream.to_string(),
            "-: file too large (over the 64 MB limit)"
        );
    }

    // ---------------- folders ----------------

    #[test]
    fn folders_are_walked_sorted_skipping_hidden_and_unknown() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        write(d, "b.txt", b"B body.");
        write(d, "a/z.md", b"AZ body.");
        write(
            d,
            "a/c.jsonl",
            b"{\"text\": \"AC1\"}\n{\"text\": \"AC2\"}\n",
        );
        write(d, "a.txt", b"A body.");
        write(d, ".hidden.txt", b"hidden");
        write(d, ".git/x.txt", b"hidden too");
        write(d, "image.png", b"\x89PNG\0\0");
        write(
            d,
            "page.HTM",
            b"<html><body><p>Page body text.</p></body></html>",
        );
        let texts: Vec<String> = read(&[d.to_path_buf()])
            .into_iter()
            .map(|r| r.unwrap().text)
            .collect();
        assert_eq!(
            texts,
            [
                "AC1",
                "AC2",
                "AZ body.",
                "A body.",
                "B body.",
                "Page body text."
            ]
        );
    }

    // ---------------- stdin ----------------

    #[test]
    fn sniffing() {
        assert_eq!(sniff_format(b"  \n{\"a\":1}"), InputFormat::Json);
        assert_eq!(sniff_format(b"\xEF\xBB\xBF[1]"), InputFormat::Json);
        assert_eq!(sniff_format(b"\r\n<!doctype html>"), InputFormat::Html);
        assert_eq!(sniff_format(b"Headline\n\nBody"), InputFormat::Text);
        assert_eq!(sniff_format(b"---\ntitle: x\n---\n"), InputFormat::Text);
        assert_eq!(sniff_format(b""), InputFormat::Text);
        assert_eq!(
            format_for_path(Path::new("x/Y.NDJSON")),
            Some(InputFormat::JsonLines)
        );
        assert_eq!(
            format_for_path(Path::new("a.text")),
            Some(InputFormat::Text)
        );
        assert_eq!(format_for_path(Path::new("a.pdf")), None);
        assert_eq!(format_for_path(Path::new("README")), None);
    }

    fn stdin_like(bytes: &[u8], opts: &ReadOptions) -> Vec<Result<RawArticle, InputError>> {
        read_stream(Cursor::new(bytes.to_vec()), "-", opts).collect()
    }

    #[test]
    fn stream_json_lines_and_documents() {
        let opts = ReadOptions::default();
        let v = stdin_like(
            b"{\"text\": \"one\"}\n{\"text\": \"two\", \"id\": \"t\"}\n",
            &opts,
        );
        let ids: Vec<_> = v
            .iter()
            .map(|r| r.as_ref().unwrap().source_id.clone())
            .collect();
        assert_eq!(ids, ["-#L1", "t"]);
        assert_eq!(v[0].as_ref().unwrap().origin, "-:1");

        let v = stdin_like(
            b"{\n \"text\": \"pretty\",\n \"date\": \"20250304\"\n}\n",
            &opts,
        );
        let a = v[0].as_ref().unwrap();
        assert_eq!(
            (
                a.source_id.as_str(),
                a.text.as_str(),
                a.published.as_deref()
            ),
            ("-", "pretty", Some("2025-03-04"))
        );

        let v = stdin_like(b"[{\"text\": \"x\"}, {\"text\": \"y\"}]", &opts);
        assert_eq!(
            v.iter()
                .map(|r| r.as_ref().unwrap().source_id.clone())
                .collect::<Vec<_>>(),
            ["-#1", "-#2"]
        );

        let v = stdin_like(b"{\"text\": broken\n{\"text\": \"ok\"}\n", &opts);
        assert_eq!(v.len(), 2);
        assert_eq!(
            v[0].as_ref().unwrap_err().to_string(),
            "-:1: malformed JSON: expected value at column 10"
        );
        assert_eq!(v[1].as_ref().unwrap().text, "ok");
    }

    #[test]
    fn stream_text_and_html() {
        let opts = ReadOptions {
            default_date: Some("2022-02-02".into()),
            ..ReadOptions::default()
        };
        let v = stdin_like(b"Strike Ends At Port\n\nDockworkers returned.\n", &opts);
        let a = v[0].as_ref().unwrap();
        assert_eq!(a.source_id, "-");
        assert_eq!(a.title.as_deref(), Some("Strike Ends At Port"));
        assert_eq!(a.text, "Dockworkers returned.\n");
        assert_eq!(a.published.as_deref(), Some("2022-02-02"));

        let v = stdin_like(b"<html><head><meta property=\"og:site_name\" content=\"Wire\"></head><body><p>Html body here.</p></body></html>", &opts);
        let a = v[0].as_ref().unwrap();
        assert_eq!(a.text, "Html body here.");
        assert_eq!(a.outlet.as_deref(), Some("Wire"));

        assert_eq!(
            stdin_like(b"", &opts)[0].as_ref().unwrap_err().to_string(),
            "-: empty file"
        );
        let small = ReadOptions {
            max_bytes: 10,
            ..ReadOptions::default()
        };
        assert_eq!(
            stdin_like(b"This text is longer than ten bytes", &small)[0]
                .as_ref()
                .unwrap_err()
                .to_string(),
            "-: file too large (over the 10 bytes limit)"
        );
    }

    // ---------------- dates ----------------

    #[test]
    fn parse_date_accepts_documented_forms() {
        for (input, want) in [
            ("2025-03-04", "2025-03-04"),
            (" 2025-03-04T10:22:00Z ", "2025-03-04"),
            ("2025-03-04T23:59:59.123-08:00", "2025-03-04"),
            ("2025-03-04 10:22:00+01:00", "2025-03-04"),
            ("2025-03-04T10:22:00+0100", "2025-03-04"),
            ("2025-03-04T10:22", "2025-03-04"),
            ("2025/03/04", "2025-03-04"),
            ("2025-3-4", "2025-03-04"),
            ("20250304", "2025-03-04"),
            ("20250304T102200Z", "2025-03-04"),
            ("March 4, 2025", "2025-03-04"),
            ("march 4 2025", "2025-03-04"),
            ("Mar 4, 2025", "2025-03-04"),
            ("Mar. 4, 2025", "2025-03-04"),
            ("Sept 14, 2024", "2024-09-14"),
            ("Tuesday, March 4, 2025", "2025-03-04"),
            ("March 4th, 2025 10:22 AM EST", "2025-03-04"),
            ("4 March 2025", "2025-03-04"),
            ("04 Mar 2025", "2025-03-04"),
            ("4th of March 2025", "2025-03-04"),
            ("Tue, 04 Mar 2025 10:22:00 GMT", "2025-03-04"),
            ("Tue, 4 Mar 2025 23:22:00 -0500", "2025-03-04"),
            ("Sat, 29 Feb 2020 10:00:00 +0000 (UTC)", "2020-02-29"),
        ] {
            assert_eq!(parse_date(input).as_deref(), Some(want), "{input:?}");
        }
    }

    #[test]
    fn parse_date_rejects_everything_else() {
        for input in [
            "",
            "next tuesday-ish",
            "2025-02-30",
            "2025-13-01",
            "04/03/2025",
            "03-04-2025",
            "2025",
            "March 2025",
            "Foo 4, 2025",
            "Blursday, 4 March 2025",
            "4 March 2025 and more words",
            "20251304",
            "yesterday",
            "2025-03-04Tnonsense",
        ] {
            assert_eq!(parse_date(input), None, "{input:?}");
        }
    }

    #[test]
    fn date_regexes_compile() {
        assert!(YMD.is_some() && COMPACT.is_some() && MDY.is_some() && DMY.is_some());
    }

    #[test]
    fn io_errors_are_one_line_lower_case() {
        let e = io_error(
            "g.txt".into(),
            &io::Error::from(io::ErrorKind::PermissionDenied),
        );
        assert_eq!(e.to_string(), "g.txt: cannot read: permission denied");
        let e = io_error("g.txt".into(), &io::Error::other("Disk on fire"));
        assert_eq!(e.to_string(), "g.txt: cannot read: disk on fire");
    }
}
