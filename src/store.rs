//! Persistent storage of extractions in a SQLite database, and the queries the CLI runs on it.
//!
//! One [`Store`] wraps one database file. [`Store::ingest`] writes one
//! [`ArticleExtraction`] in a single transaction (all or nothing), merging actors by their
//! identity key and events by identity class (`ekey`: type, participants, polarity, see
//! [`event_key`]) plus overlapping date intervals, so the same real event reported by several
//! articles is one event row with several pieces of evidence (`event_mentions`, each with its
//! own status and date; the event's status and date derive from them).
//! [`Store::remove_article`] takes an article out again.
//!
//! The query methods ([`Store::events`], [`Store::actors`], [`Store::actor_profile`],
//! [`Store::stats`], [`Store::snapshot`]) return plain Rust structs that derive `Serialize`; no
//! SQLite type appears in this module's public API, so another backend (e.g. PostgreSQL) can be
//! added beside this one without touching extraction, graph or export code.
//!
//! Conventions: dates are ISO 8601 strings (`YYYY-MM-DD`, or the export forms `YYYY-MM`,
//! `YYYY`, `YYYY-MM-DD/YYYY-MM-DD` for [`EventRow::date`]); offsets are byte offsets into the
//! article text, end-exclusive; ids are the database's integer row ids (`i64`).
//!
//! The file is recognised as ours by a `meta` row `('application', 'polgraph')`; the schema
//! version lives in `PRAGMA user_version` and is upgraded by the migrations in this module.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

use rusqlite::types::Value;
use rusqlite::{Connection, ErrorCode, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;

use crate::model::{ActorRec, ArticleExtraction, Status};

/// The schema version this binary writes and understands (`PRAGMA user_version`).
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Event types whose two actors play the same part ("A met B" is "B met A"): for these the
/// two actor ids are stored smallest first, so both phrasings merge into one event.
pub const SYMMETRIC_TYPES: &[&str] = &["meet", "talk", "negotiate", "cooperate", "agree", "fight"];

/// How long a statement waits for another process's lock before failing with
/// [`StoreError::Locked`].
const DEFAULT_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// A Rust step of a migration, run inside the migration's transaction.
type Backfill = fn(&Connection, &str) -> Result<(), StoreError>;

/// One schema upgrade: SQL, then an optional Rust step that backfills what SQL cannot compute.
struct Migration {
    sql: &'static str,
    backfill: Option<Backfill>,
}

/// Migrations, in order: entry `i` brings the schema from version `i` to version `i + 1`.
/// They run with foreign keys off (tables may be rebuilt), inside one transaction.
const MIGRATIONS: &[Migration] = &[
    Migration {
        sql: SCHEMA_V1,
        backfill: None,
    },
    Migration {
        sql: SCHEMA_V2,
        backfill: Some(backfill_alias_uses),
    },
    Migration {
        sql: SCHEMA_V3,
        backfill: Some(backfill_event_identity),
    },
    Migration {
        sql: SCHEMA_V4,
        backfill: None,
    },
];

/// Version 4: an analyst's identity decisions, by actor identity key (keys survive removal
/// and re-ingest, row ids do not), and aliases added by hand.
///
/// `kind` and its columns: `merge` — `b_key` is absorbed into `a_key`; `split` — mentions of
/// `a_key` written `alias` become actor `b_key`; `alias` — `alias` names `a_key`;
/// `never-merge` — `a_key` and `b_key` are different actors.
const SCHEMA_V4: &str = r#"
CREATE TABLE corrections (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'alias', 'never-merge')),
    a_key      TEXT NOT NULL,
    a_name     TEXT NOT NULL,
    b_key      TEXT,
    b_name     TEXT,
    alias      TEXT,
    alias_norm TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX corrections_kind ON corrections (kind);
ALTER TABLE aliases ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;
"#;

/// Version 3: event identity is no longer one exact key. `events.ekey` becomes the
/// non-unique identity class (see [`event_key`]) and reports whose dates overlap join one event;
/// each event mention keeps its own status and date, and the event's status and date are
/// derived from its mentions (see [`refresh_event`]).
const SCHEMA_V3: &str = r#"
CREATE TABLE events_v3 (
    id         INTEGER PRIMARY KEY,
    etype      TEXT NOT NULL,
    cameo      TEXT NOT NULL,
    plover     TEXT,
    goldstein  REAL,
    source_id  INTEGER NOT NULL REFERENCES actors (id),
    target_id  INTEGER REFERENCES actors (id),
    status     TEXT NOT NULL,
    date_value TEXT,
    date_start TEXT,
    date_end   TEXT,
    date_timex TEXT,
    date_raw   TEXT,
    date_how   TEXT,
    ekey       TEXT NOT NULL
);
INSERT INTO events_v3 SELECT id, etype, cameo, plover, goldstein, source_id, target_id, status,
    date_value, date_start, date_end, date_timex, date_raw, date_how, ekey FROM events;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
CREATE INDEX events_source ON events (source_id);
CREATE INDEX events_target ON events (target_id);
CREATE INDEX events_date ON events (date_start, date_end);
CREATE INDEX events_etype ON events (etype);
CREATE INDEX events_ekey ON events (ekey);

ALTER TABLE event_mentions ADD COLUMN status TEXT NOT NULL DEFAULT 'occurred';
ALTER TABLE event_mentions ADD COLUMN date_value TEXT;
ALTER TABLE event_mentions ADD COLUMN date_start TEXT;
ALTER TABLE event_mentions ADD COLUMN date_end TEXT;
ALTER TABLE event_mentions ADD COLUMN date_timex TEXT;
ALTER TABLE event_mentions ADD COLUMN date_raw TEXT;
ALTER TABLE event_mentions ADD COLUMN date_how TEXT;
UPDATE event_mentions SET status = e.status, date_value = e.date_value,
    date_start = e.date_start, date_end = e.date_end, date_timex = e.date_timex,
    date_raw = e.date_raw, date_how = e.date_how
    FROM events e WHERE e.id = event_mentions.event_id;
"#;

/// Gives every event of a version-2 database its identity class and joins the events that
/// the new identity makes one (same class, overlapping dates).
fn backfill_event_identity(c: &Connection, p: &str) -> Result<(), StoreError> {
    let all: Vec<i64> = c
        .prepare("SELECT id FROM events ORDER BY id")
        .and_then(|mut s| {
            s.query_map([], |r| r.get(0))
                .and_then(|rows| rows.collect())
        })
        .ctx(p, "reading events")?;
    for &id in &all {
        refresh_event(c, p, id)?;
    }
    for id in all {
        absorb_duplicates(c, p, id)?;
    }
    Ok(())
}

/// Version 2: which article used which alias of which actor, so that removing an article can
/// decrement the alias counts it contributed.
const SCHEMA_V2: &str = r#"
CREATE TABLE alias_uses (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    actor_id   INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias_norm TEXT NOT NULL,
    UNIQUE (article_id, actor_id, alias_norm)
);
CREATE INDEX alias_uses_actor ON alias_uses (actor_id, alias_norm);
"#;

/// Fills `alias_uses` for articles stored before version 2, from their mentions: a mention
/// whose text (possessive stripped) is an alias of its actor counts as a use. Aliases the
/// extraction took from elsewhere are not recovered (their counts then never decrease).
fn backfill_alias_uses(c: &Connection, p: &str) -> Result<(), StoreError> {
    let rows: Vec<(i64, i64, String)> = c
        .prepare("SELECT DISTINCT article_id, actor_id, text FROM mentions")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .and_then(|rows| rows.collect())
        })
        .ctx(p, "reading mentions for alias uses")?;
    for (article, actor, text) in rows {
        let norm = normalize_name(&text);
        let plain = norm
            .strip_suffix("'s")
            .map(str::to_string)
            .unwrap_or_else(|| norm.clone());
        for n in [norm, plain] {
            c.execute(
                "INSERT OR IGNORE INTO alias_uses (article_id, actor_id, alias_norm) \
                 SELECT ?1, ?2, ?3 WHERE EXISTS \
                 (SELECT 1 FROM aliases WHERE actor_id = ?2 AND alias_norm = ?3)",
                params![article, actor, n],
            )
            .ctx(p, "backfilling alias uses")?;
        }
    }
    Ok(())
}

const SCHEMA_V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('application', 'polgraph');

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    source_id    TEXT NOT NULL,
    title        TEXT,
    published    TEXT,
    url          TEXT,
    outlet       TEXT,
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_source_id ON articles (source_id);

CREATE TABLE sentences (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    UNIQUE (article_id, idx)
);

CREATE TABLE actors (
    id      INTEGER PRIMARY KEY,
    key     TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    type    TEXT NOT NULL,
    country TEXT,
    cameo   TEXT
);
CREATE INDEX actors_type ON actors (type);

CREATE TABLE actor_roles (
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    role     TEXT NOT NULL,
    UNIQUE (actor_id, role)
);

CREATE TABLE aliases (
    actor_id   INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    alias      TEXT NOT NULL,
    alias_norm TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1,
    UNIQUE (actor_id, alias_norm)
);
CREATE INDEX aliases_norm ON aliases (alias_norm);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actors (id),
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    etype      TEXT NOT NULL,
    cameo      TEXT NOT NULL,
    plover     TEXT,
    goldstein  REAL,
    source_id  INTEGER NOT NULL REFERENCES actors (id),
    target_id  INTEGER REFERENCES actors (id),
    status     TEXT NOT NULL,
    date_value TEXT,
    date_start TEXT,
    date_end   TEXT,
    date_timex TEXT,
    date_raw   TEXT,
    date_how   TEXT,
    ekey       TEXT NOT NULL UNIQUE
);
CREATE INDEX events_source ON events (source_id);
CREATE INDEX events_target ON events (target_id);
CREATE INDEX events_date ON events (date_start, date_end);
CREATE INDEX events_etype ON events (etype);

CREATE TABLE event_mentions (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    trigger     TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions (event_id);
CREATE INDEX event_mentions_article ON event_mentions (article_id);
"#;

/// Everything that can go wrong while opening, writing or querying a database.
///
/// Every message is one line; those about the file name it (`:memory:` for in-memory stores).
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be opened or created (missing directory, permissions, a directory).
    #[error("cannot open database {path}: {reason}")]
    Open {
        /// The database file.
        path: String,
        /// What the operating system or SQLite said.
        reason: String,
    },
    /// The file is not ours: not SQLite at all ("file is not a database"), or a SQLite file
    /// with other tables and no polgraph marker.
    #[error("{path} is not a polgraph database: {reason}")]
    NotPolgraph {
        /// The database file.
        path: String,
        /// Why it was not recognised.
        reason: String,
    },
    /// SQLite reports the file as damaged.
    #[error("database {path} is corrupt: {reason}")]
    Corrupt {
        /// The database file.
        path: String,
        /// SQLite's description.
        reason: String,
    },
    /// The database file (or its directory, or a side file SQLite keeps beside it) cannot be
    /// written: read-only file, mount or permissions.
    #[error("{path}: database is read-only ({hint})")]
    ReadOnly {
        /// The database file.
        path: String,
        /// What to check: a read-only `-shm`/`-wal` side file left by an earlier command is
        /// named, else the file's and its directory's permissions.
        hint: String,
    },
    /// Another process held a lock for longer than the busy timeout (5 s).
    #[error("{path}: database is locked by another process; retry later")]
    Locked {
        /// The database file.
        path: String,
    },
    /// The file was written by a newer polgraph (its `user_version` is above
    /// [`SCHEMA_VERSION`]); nothing was changed.
    #[error(
        "{path}: schema version {found} is newer than this polgraph knows ({known}); upgrade polgraph"
    )]
    SchemaTooNew {
        /// The database file.
        path: String,
        /// The file's `PRAGMA user_version`.
        found: i64,
        /// [`SCHEMA_VERSION`].
        known: i64,
    },
    /// Any other SQL failure, with what was being done.
    #[error("database {path}: {context}: {message}")]
    Sql {
        /// The database file.
        path: String,
        /// What the store was doing ("inserting events").
        context: String,
        /// SQLite's message.
        message: String,
    },
    /// The extraction handed to [`Store::ingest`] is inconsistent (an index out of range, an
    /// offset outside the text or not on a UTF-8 character boundary). Nothing was written.
    #[error("cannot store {source_id}: {message}")]
    InvalidExtraction {
        /// `Article::source_id` of the rejected extraction.
        source_id: String,
        /// What is inconsistent.
        message: String,
    },
    /// A query filter is malformed (a date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, an
    /// unknown status or actor type).
    #[error("invalid filter: {0}")]
    InvalidFilter(String),
    /// [`Store::resolve_actor`] found no actor of that name, alias or id.
    #[error("no actor named \"{0}\" in the database; try `polgraph actors`")]
    UnknownActor(String),
    /// An actor id that does not exist (e.g. given to [`Store::actor_profile`]).
    #[error("no actor with id #{0} in the database; try `polgraph actors`")]
    NoSuchActor(i64),
    /// [`Store::resolve_article`] found no article with that source id or id.
    #[error(
        "no article \"{0}\" in the database (give its source id as shown by `--json` output, or its number)"
    )]
    UnknownArticle(String),
    /// [`Store::resolve_article`] matched several articles.
    #[error("\"{name}\" matches several articles: {}; use the number instead", candidates.join(", "))]
    AmbiguousArticle {
        /// The article as given.
        name: String,
        /// Each candidate as `#id source_id`, sorted by id.
        candidates: Vec<String>,
    },
    /// A correction that cannot be applied (merging an actor with itself, merging two actors
    /// declared different with `never-merge`, splitting off an alias the actor never had).
    #[error("{0}")]
    Refused(String),
    /// [`Store::resolve_actor`] matched several actors equally well.
    #[error("\"{name}\" matches several actors: {}; use the id instead", candidates.join(", "))]
    Ambiguous {
        /// The name as given.
        name: String,
        /// Each candidate as `Name (type, CTRY) #id`, sorted by id.
        candidates: Vec<String>,
    },
}

/// What makes database `path` read-only, as a hint for [`StoreError::ReadOnly`]: a
/// read-only SQLite side file (`<path>-shm`, `<path>-wal`, left behind by a command run
/// while the database itself was read-only) is named with how to fix it; otherwise the
/// file's and its directory's permissions are to be checked.
fn read_only_hint(path: &str) -> String {
    // The database itself first: its side files may have been made read-only from it.
    if std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly()) {
        return format!("the database file {path} is read-only: make it writable");
    }
    for side in ["-shm", "-wal"] {
        let p = format!("{path}{side}");
        if std::fs::metadata(&p).is_ok_and(|m| m.permissions().readonly()) {
            return format!("the side file {p} is read-only: delete it or make it writable");
        }
    }
    "check the file's and its directory's permissions".to_string()
}

/// Maps a SQLite error to the matching [`StoreError`] variant.
fn classify(path: &str, context: &str, e: rusqlite::Error) -> StoreError {
    let path = path.to_string();
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Locked { path },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly {
            hint: read_only_hint(&path),
            path,
        },
        Some(ErrorCode::NotADatabase) => StoreError::NotPolgraph {
            path,
            reason: "file is not a database".into(),
        },
        Some(ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path,
            reason: e.to_string(),
        },
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => StoreError::Open {
            path,
            reason: e.to_string(),
        },
        _ => StoreError::Sql {
            path,
            context: context.to_string(),
            message: e.to_string(),
        },
    }
}

/// Attaches the database path and a context to rusqlite results.
trait Ctx<T> {
    fn ctx(self, path: &str, context: &str) -> Result<T, StoreError>;
}

impl<T> Ctx<T> for rusqlite::Result<T> {
    fn ctx(self, path: &str, context: &str) -> Result<T, StoreError> {
        self.map_err(|e| classify(path, context, e))
    }
}

/// What [`Store::ingest`] did with an extraction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "lowercase")]
pub enum IngestOutcome {
    /// The article was stored.
    New {
        /// Id of the new article row.
        article: i64,
        /// Actors created (the others were merged into existing ones by key).
        actors_new: usize,
        /// Event rows created (the others were new evidence for existing events).
        events_new: usize,
        /// Events in the extraction (each became one `event_mentions` row).
        events: usize,
        /// Actor mentions stored.
        mentions: usize,
    },
    /// The article was already stored (same content hash, same URL, or same source id that is
    /// not a `#L<n>` line reference); nothing was written.
    Duplicate {
        /// Id of the article already stored.
        existing_article: i64,
        /// How it was recognised: the same text, or another text under the same URL or id.
        matched: DuplicateBy,
    },
}

/// How [`Store::ingest`] recognised an article as one already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateBy {
    /// The same text (`content_hash`).
    Text,
    /// Another text under the same non-empty URL (a new version of the page is not stored).
    Url,
    /// Another text under the same input id (`source_id`).
    Id,
}

/// What [`Store::remove_article`] deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// Id of the deleted article.
    pub article: i64,
    /// Its source id (input id or file path).
    pub source_id: String,
    /// Its headline, if any.
    pub title: Option<String>,
    /// Sentences deleted.
    pub sentences: usize,
    /// Actor mentions deleted.
    pub mentions: usize,
    /// Event mentions (evidence rows) deleted.
    pub event_mentions: usize,
    /// Ids of events deleted because the article was their only source, ascending.
    pub events_deleted: Vec<i64>,
    /// Ids of events kept because other articles also report them (their sources, status and
    /// dates are recomputed from the remaining mentions), ascending.
    pub events_kept: Vec<i64>,
    /// Display names of actors deleted because nothing mentions or involves them any more.
    pub actors_deleted: Vec<String>,
    /// Actors the article mentioned that stay (mentioned elsewhere or in other events).
    pub actors_kept: usize,
    /// Alias rows deleted because their count fell to zero.
    pub aliases_deleted: usize,
    /// Alias rows whose count was decremented and that stay.
    pub aliases_decremented: usize,
}

/// A stored identity decision ([`Store::corrections`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    /// Row id (order of the decisions).
    pub id: i64,
    /// `merge`, `split`, `alias` or `never-merge`.
    pub kind: String,
    /// The actor decided about (merge: the one kept; split: the one split; alias: the one
    /// named; never-merge: the first), as its display name when decided.
    pub actor: String,
    /// Its identity key.
    pub actor_key: String,
    /// The other actor (merge: the one absorbed; split: the new actor; never-merge: the
    /// second), if any.
    pub other: Option<String>,
    /// Its identity key.
    pub other_key: Option<String>,
    /// The alias (split, alias), as written.
    pub alias: Option<String>,
    /// When it was decided (UTC, ISO 8601).
    pub created_at: String,
}

/// What applying a correction changed in the stored graph ([`Store::merge`], [`Store::split`],
/// [`Store::add_alias`], [`Store::never_merge`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Applied {
    /// The stored correction's id.
    pub correction: i64,
    /// The actor decided about, as `Name #id` (for a split, the new actor).
    pub actor: String,
    /// Actors absorbed into it (merge; alias add joins existing actors of that name).
    pub absorbed: Vec<String>,
    /// Actor mentions that changed actor.
    pub mentions_moved: usize,
    /// Event mentions that moved to another event, or events whose participants changed.
    pub events_changed: usize,
    /// Events that disappeared because they turned out to be the same as another.
    pub events_joined: usize,
    /// What an analyst may not have meant, in words: a merge across actor types or
    /// countries, events whose source and target are now one actor.
    pub warnings: Vec<String>,
}

/// An actor as referenced from an event: id and display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorRef {
    /// Actor id.
    pub id: i64,
    /// Display name.
    pub name: String,
}

/// Which events [`Store::events`] returns. The default returns every event.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only events where this actor is source or target.
    pub actor: Option<i64>,
    /// With `actor`: only events between `actor` and `with`, in either direction. Alone it acts
    /// like `actor`.
    pub with: Option<i64>,
    /// Only events whose date interval ends on or after this ISO date (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`; a partial date means its first day). Undated events are dropped when set.
    pub from: Option<String>,
    /// Only events whose date interval starts on or before this ISO date (a partial date means
    /// its last day). Undated events are dropped when set.
    pub to: Option<String>,
    /// Event type names (`meet`, `visit`, …); empty = all.
    pub types: Vec<String>,
    /// Status names (`occurred`, `planned`, `negated`, `uncertain`); empty = all.
    pub statuses: Vec<String>,
}

/// One event as listed by [`Store::events`], with a summary of its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    /// Event id.
    pub id: i64,
    /// Event type (`meet`, `visit`, …); `type` in JSON, as in the export.
    #[serde(rename = "type")]
    pub etype: String,
    /// CAMEO event code ("040").
    pub cameo: String,
    /// PLOVER event type, if known.
    pub plover: Option<String>,
    /// Goldstein score (−10 … +10), if known.
    pub goldstein: Option<f64>,
    /// Who does it.
    pub source: ActorRef,
    /// Who receives it, if anyone.
    pub target: Option<ActorRef>,
    /// `occurred`, `planned`, `negated` or `uncertain`.
    pub status: String,
    /// Export form of the date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-MM-DD/YYYY-MM-DD`).
    pub date: Option<String>,
    /// First day of the date interval (ISO 8601).
    pub date_start: Option<String>,
    /// Last day of the date interval, inclusive (ISO 8601).
    pub date_end: Option<String>,
    /// How precise the interval is: `day`, `week`, `month`, `quarter`, `half`, `year`,
    /// `decade`, or `days` for any other span (see [`crate::time::precision`]).
    pub date_precision: Option<String>,
    /// How the date was chosen: `explicit`, `inherited` or `publication`.
    pub date_how: Option<String>,
    /// The time expression as written, when the date comes from one ("last Thursday").
    pub date_raw: Option<String>,
    /// Number of distinct articles reporting the event.
    pub sources: usize,
    /// Number of evidence sentences (`event_mentions` rows).
    pub mentions: usize,
    /// The first evidence sentence: the earliest stored report with the event's own status
    /// (a "met on Thursday" report before an earlier "will meet on Thursday").
    pub first_evidence: String,
    /// `source_id` of each distinct reporting article, in ingest order.
    pub articles: Vec<String>,
}

/// One actor as listed by [`Store::actors`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorSummary {
    /// Actor id.
    pub id: i64,
    /// Display name.
    pub name: String,
    /// `person`, `country` or `organization`.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166-1 alpha-3 code, if any.
    pub country: Option<String>,
    /// CAMEO actor code, if any.
    pub cameo: Option<String>,
    /// Events where the actor is source or target.
    pub events: usize,
    /// Mentions of the actor across all articles.
    pub mentions: usize,
}

/// Everything known about one actor ([`Store::actor_profile`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorProfile {
    /// The actor's summary line.
    pub summary: ActorSummary,
    /// Role descriptions, in the order first seen.
    pub roles: Vec<String>,
    /// Each alias as first written, with the number of articles that used it; most used first.
    pub aliases: Vec<(String, usize)>,
    /// The actor's identity key (`person:keir_starmer`, `new:…`, `split:…`).
    pub key: String,
    /// Role spells from the gazetteer (start and end dates), filled by
    /// [`ActorProfile::add_spells`]; empty for actors the gazetteer does not know.
    pub spells: Vec<SpellOut>,
    /// Each article that mentions the actor or reports one of its events, by id.
    pub articles: Vec<ArticleRef>,
    /// The actor's events, ordered as by [`Store::events`].
    pub events: Vec<EventRow>,
}

/// A role held for a period ([`ActorProfile::spells`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpellOut {
    /// The role as news writes it ("prime minister").
    pub role: String,
    /// First day in office (ISO 8601, possibly only `YYYY` or `YYYY-MM`), if known.
    pub start: Option<String>,
    /// Last day in office; `None` while still in office (or unknown).
    pub end: Option<String>,
}

/// An article as listed in an [`ActorProfile`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    /// Article id.
    pub id: i64,
    /// The input's id field, else the file path (what `polgraph remove` takes).
    pub source_id: String,
    /// Publication date (ISO 8601), if known.
    pub published: Option<String>,
    /// Headline, if known.
    pub title: Option<String>,
}

impl ActorProfile {
    /// Fills [`ActorProfile::spells`] from the gazetteer entry with the actor's identity key
    /// (persons of `people.tsv`), earliest first; leaves them empty when there is none.
    pub fn add_spells(&mut self, gaz: &crate::actors::gazetteer::Gazetteer) {
        let some = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
        self.spells = gaz
            .entries
            .iter()
            .filter(|e| e.key == self.key)
            .flat_map(|e| e.spells.iter())
            .map(|sp| SpellOut {
                role: sp.role.clone(),
                start: some(&sp.start),
                end: some(&sp.end),
            })
            .collect();
        self.spells
            .sort_by(|a, b| (&a.start, &a.role).cmp(&(&b.start, &b.role)));
        self.spells.dedup();
    }
}

/// Counts over the whole database ([`Store::stats`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Stored articles.
    pub articles: usize,
    /// Stored sentences.
    pub sentences: usize,
    /// Actors in total.
    pub actors: usize,
    /// Actors per type (`person`, `country`, `organization`).
    pub actors_by_type: BTreeMap<String, usize>,
    /// Actor mentions.
    pub mentions: usize,
    /// Events in total.
    pub events: usize,
    /// Events per type (`meet`, `visit`, …).
    pub events_by_type: BTreeMap<String, usize>,
    /// Pieces of event evidence (`event_mentions` rows).
    pub event_mentions: usize,
    /// Earliest event date (smallest `date_start`, ISO 8601), if any event is dated.
    pub date_min: Option<String>,
    /// Latest event date (largest `date_end`, ISO 8601), if any event is dated.
    pub date_max: Option<String>,
}

/// An article in a [`Snapshot`] (metadata only, no body text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleOut {
    /// Article id.
    pub id: i64,
    /// The input's id field, else the file path.
    pub source_id: String,
    /// Headline, if known.
    pub title: Option<String>,
    /// Publication date (ISO 8601), if known.
    pub published: Option<String>,
    /// URL, if known.
    pub url: Option<String>,
    /// Outlet name, if known.
    pub outlet: Option<String>,
}

/// An actor in a [`Snapshot`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorOut {
    /// Actor id.
    pub id: i64,
    /// Identity key (`USA`, `person:keir_starmer`, `new:…`).
    pub key: String,
    /// Display name.
    pub name: String,
    /// `person`, `country` or `organization`.
    #[serde(rename = "type")]
    pub kind: String,
    /// ISO 3166-1 alpha-3 code, if any.
    pub country: Option<String>,
    /// CAMEO actor code, if any.
    pub cameo: Option<String>,
    /// Role descriptions, in the order first seen.
    pub roles: Vec<String>,
    /// Aliases as first written, most used first (ties by normalised alias).
    pub aliases: Vec<String>,
}

/// One piece of evidence for an event: the sentence of an article that reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceOut {
    /// Article id.
    pub article: i64,
    /// The sentence text.
    pub text: String,
    /// Byte offset of the sentence in the article text.
    pub start: usize,
    /// Byte offset one past the sentence's end.
    pub end: usize,
    /// The trigger as written ("met").
    pub trigger: String,
    /// Byte offset of the trigger in the article text.
    pub trigger_start: usize,
    /// Byte offset one past the trigger's end.
    pub trigger_end: usize,
    /// The status this report gives the event (the event's own status is the strongest of
    /// its reports').
    pub status: String,
    /// The date this report gives the event (export form), if any.
    pub date: Option<String>,
}

/// An event in a [`Snapshot`], with all its evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventOut {
    /// Event id.
    pub id: i64,
    /// Event type (`meet`, `visit`, …); `type` in JSON, as in the export.
    #[serde(rename = "type")]
    pub etype: String,
    /// CAMEO event code.
    pub cameo: String,
    /// PLOVER event type, if known.
    pub plover: Option<String>,
    /// Goldstein score, if known.
    pub goldstein: Option<f64>,
    /// Source actor id.
    pub source: i64,
    /// Target actor id, if any.
    pub target: Option<i64>,
    /// `occurred`, `planned`, `negated` or `uncertain`.
    pub status: String,
    /// Export form of the date, if any.
    pub date: Option<String>,
    /// First day of the date interval (ISO 8601).
    pub date_start: Option<String>,
    /// Last day of the date interval, inclusive (ISO 8601).
    pub date_end: Option<String>,
    /// TIMEX3-style value, if any.
    pub date_timex: Option<String>,
    /// The date expression as written, if any.
    pub date_raw: Option<String>,
    /// How the date was chosen (`explicit`, `inherited`, `publication`, `none`).
    pub date_how: Option<String>,
    /// Distinct ids of the articles reporting the event, ascending.
    pub articles: Vec<i64>,
    /// Every piece of evidence, in ingest order.
    pub evidence: Vec<EvidenceOut>,
}

/// The whole graph (or a filtered part of it) as plain data, in ascending id order: what
/// `graph` and `export` work from.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Snapshot {
    /// Articles, by id.
    pub articles: Vec<ArticleOut>,
    /// Actors, by id.
    pub actors: Vec<ActorOut>,
    /// Events, by id.
    pub events: Vec<EventOut>,
}

/// A polgraph database (SQLite). Not `Sync`; open one per thread or process.
pub struct Store {
    conn: Connection,
    path: String,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

/// Normalises an alias or name for matching: trimmed, inner whitespace collapsed, curly
/// apostrophes (’ ‘) turned into `'`, lowercased.
pub fn normalize_name(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(['\u{2019}', '\u{2018}'], "'")
        .to_lowercase()
}

/// The identity class of an event: `etype|source id|target id or -|pos` (or `|neg` for negated
/// events). Reports of one class whose date intervals overlap are one event (see
/// [`Store::ingest`]); occurred, planned and uncertain reports join (the event's status is the
/// strongest), negated reports only join negated ones. For [`SYMMETRIC_TYPES`] pass the ids
/// already ordered (smaller first).
pub fn event_key(etype: &str, source: i64, target: Option<i64>, status: &str) -> String {
    let target = target.map_or_else(|| "-".to_string(), |t| t.to_string());
    let polarity = if status == "negated" { "neg" } else { "pos" };
    format!("{etype}|{source}|{target}|{polarity}")
}

/// [`event_key`] with the two participants of a [`SYMMETRIC_TYPES`] event in id order, so
/// that "X met Y" and "Y met X" are one identity class; the event itself keeps the direction
/// it was first reported in ("North Korea vowed to strike the United States" stays North
/// Korea's strike).
fn symmetric_event_key(etype: &str, source: i64, target: Option<i64>, status: &str) -> String {
    match target {
        Some(t) if t < source && SYMMETRIC_TYPES.contains(&etype) => {
            event_key(etype, t, Some(source), status)
        }
        _ => event_key(etype, source, target, status),
    }
}

/// Rank of a status when several reports of one event disagree: occurred beats planned beats
/// uncertain (a planned meeting later reported as held is a held meeting).
fn status_rank(status: &str) -> u8 {
    match status {
        "occurred" => 0,
        "planned" => 1,
        "uncertain" => 2,
        _ => 3,
    }
}

/// Rank of how a date was chosen: a date written in the sentence beats one carried over,
/// which beats the publication date.
fn how_rank(how: Option<&str>) -> u8 {
    match how {
        Some("explicit") => 0,
        Some("inherited") => 1,
        Some("publication") => 2,
        _ => 3,
    }
}

/// Days from `start` to `end` (ISO dates); `i64::MAX` when either does not parse.
fn span_days(start: &str, end: &str) -> i64 {
    match (
        start.parse::<jiff::civil::Date>(),
        end.parse::<jiff::civil::Date>(),
    ) {
        (Ok(a), Ok(b)) => a
            .until(b)
            .map(|s| i64::from(s.get_days()))
            .unwrap_or(i64::MAX),
        _ => i64::MAX,
    }
}

/// True for source ids that name a line of a file (`…#L12`, also `…#12`): those are not
/// identity keys for duplicate detection.
fn is_line_reference(source_id: &str) -> bool {
    match source_id.rsplit_once('#') {
        Some((_, suffix)) => {
            let digits = suffix.strip_prefix('L').unwrap_or(suffix);
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        }
        None => false,
    }
}

/// Parses a filter date bound (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) into a full ISO date: the first
/// day of the period, or its last day when `end` is true.
///
/// Errors: [`StoreError::InvalidFilter`] naming the input, "is not YYYY, YYYY-MM or
/// YYYY-MM-DD" for another shape, "is not a calendar day" for a day that does not exist
/// ("2025-02-30").
pub(crate) fn date_bound(s: &str, end: bool) -> Result<String, StoreError> {
    let s = s.trim();
    let bad =
        || StoreError::InvalidFilter(format!("date \"{s}\" is not YYYY, YYYY-MM or YYYY-MM-DD"));
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<i64> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    let date = match parts.as_slice() {
        [y] => {
            let y = i16::try_from(num(y, 4).ok_or_else(bad)?).map_err(|_| bad())?;
            let (m, d) = if end { (12, 31) } else { (1, 1) };
            jiff::civil::Date::new(y, m, d).map_err(|_| bad())?
        }
        [y, m] => {
            let y = i16::try_from(num(y, 4).ok_or_else(bad)?).map_err(|_| bad())?;
            let m = i8::try_from(num(m, 2).ok_or_else(bad)?).map_err(|_| bad())?;
            let first = jiff::civil::Date::new(y, m, 1).map_err(|_| bad())?;
            if end { first.last_of_month() } else { first }
        }
        [y, m, d] => {
            let (y, m, d) = (
                num(y, 4).ok_or_else(bad)?,
                num(m, 2).ok_or_else(bad)?,
                num(d, 2).ok_or_else(bad)?,
            );
            // The right shape but no such day ("2025-02-30", "2025-13-01"): say so.
            let no_day =
                || StoreError::InvalidFilter(format!("date \"{s}\" is not a calendar day"));
            let (y, m, d) = (
                i16::try_from(y).map_err(|_| no_day())?,
                i8::try_from(m).map_err(|_| no_day())?,
                i8::try_from(d).map_err(|_| no_day())?,
            );
            jiff::civil::Date::new(y, m, d).map_err(|_| no_day())?
        }
        _ => return Err(bad()),
    };
    Ok(date.to_string())
}

/// Converts a count or offset read from the database (never negative in rows we wrote).
fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// Converts an index or byte offset for storage (SQLite integers are `i64`).
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

impl Store {
    /// Opens the database at `path`, creating it (and the schema) if missing, upgrading an older
    /// polgraph schema in place. Sets WAL journaling, foreign keys and a 5 s busy timeout.
    ///
    /// Errors: [`StoreError::Open`] (cannot create/open, the directory does not exist),
    /// [`StoreError::NotPolgraph`] (not SQLite, or SQLite with other tables and no marker),
    /// [`StoreError::Corrupt`], [`StoreError::Locked`] (another process holds a lock for
    /// more than 5 s), [`StoreError::ReadOnly`], [`StoreError::SchemaTooNew`],
    /// [`StoreError::Sql`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Self::open_with_busy_timeout(path, DEFAULT_BUSY_TIMEOUT)
    }

    /// Opens a fresh, empty in-memory database (for tests); `path` in messages is `:memory:`.
    ///
    /// Errors: [`StoreError::Sql`] if SQLite cannot allocate it.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let path = ":memory:".to_string();
        let conn = Connection::open_in_memory().ctx(&path, "opening")?;
        let mut store = Store { conn, path };
        store.init()?;
        Ok(store)
    }

    /// [`Store::open`] with a chosen busy timeout (tests use a short one).
    pub(crate) fn open_with_busy_timeout(
        path: &Path,
        timeout: Duration,
    ) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        if path.is_dir() {
            return Err(StoreError::Open {
                path: name,
                reason: "it is a directory".into(),
            });
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
            && !dir.is_dir()
        {
            return Err(StoreError::Open {
                path: name,
                reason: format!("directory {} does not exist", dir.display()),
            });
        }
        let conn = Connection::open(path).map_err(|e| StoreError::Open {
            path: name.clone(),
            reason: e.to_string(),
        })?;
        conn.busy_timeout(timeout)
            .ctx(&name, "setting the busy timeout")?;
        let mut store = Store { conn, path: name };
        store.init()?;
        Ok(store)
    }

    /// The database file as given to [`Store::open`] (`:memory:` for in-memory stores).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Recognises the file, then sets pragmas and runs pending migrations.
    fn init(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let p = path.as_str();
        // Identify before changing anything: a foreign file must be left as it is.
        let has_marker = self.check_marker()?;
        if has_marker {
            let version = self.user_version()?;
            if version > SCHEMA_VERSION {
                return Err(StoreError::SchemaTooNew {
                    path,
                    found: version,
                    known: SCHEMA_VERSION,
                });
            }
            if version == SCHEMA_VERSION {
                // Up to date: no write lock needed, so queries run while another process
                // writes (the database is in WAL mode since it was created).
                self.conn
                    .pragma_update(None, "foreign_keys", true)
                    .ctx(p, "enabling foreign keys")?;
                return Ok(());
            }
        }
        let _mode: String = self
            .conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .ctx(p, "enabling WAL journaling")?;
        // Migrations may rebuild tables: foreign keys are enforced only once they are done.
        self.conn
            .pragma_update(None, "foreign_keys", false)
            .ctx(p, "disabling foreign keys for migrations")?;

        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(p, "starting the schema migration")?;
        // Re-check inside the write lock: another process may have created the schema meanwhile.
        let meta_exists: bool = tx
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
                [],
                |r| r.get(0),
            )
            .ctx(p, "reading the schema")?;
        let from: i64 = if meta_exists {
            tx.query_row("PRAGMA user_version", [], |r| r.get(0))
                .ctx(p, "reading the schema version")?
        } else {
            0
        };
        if from > SCHEMA_VERSION {
            return Err(StoreError::SchemaTooNew {
                path,
                found: from,
                known: SCHEMA_VERSION,
            });
        }
        let start = usize::try_from(from).unwrap_or(0);
        for (i, m) in MIGRATIONS.iter().enumerate().skip(start) {
            let to = i + 1;
            tx.execute_batch(m.sql)
                .ctx(p, &format!("migrating the schema to version {to}"))?;
            if let Some(backfill) = m.backfill {
                backfill(&tx, p)?;
            }
            tx.pragma_update(None, "user_version", to as i64)
                .ctx(p, "recording the schema version")?;
        }
        if start < MIGRATIONS.len() {
            let broken: Option<String> = tx
                .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
                .optional()
                .ctx(p, "checking foreign keys after the migration")?;
            if let Some(table) = broken {
                return Err(StoreError::Corrupt {
                    path,
                    reason: format!("after migrating, table {table} has dangling references"),
                });
            }
        }
        tx.commit().ctx(p, "committing the schema migration")?;
        self.conn
            .pragma_update(None, "foreign_keys", true)
            .ctx(p, "enabling foreign keys")?;
        Ok(())
    }

    /// `Ok(true)` if the file carries our marker, `Ok(false)` if it has no tables at all (a new
    /// file), `Err(NotPolgraph)` otherwise.
    fn check_marker(&self) -> Result<bool, StoreError> {
        let p = self.path.as_str();
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .ctx(p, "reading the schema")?;
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .ctx(p, "reading the schema")?;
        if tables.is_empty() {
            return Ok(false);
        }
        if tables.iter().any(|t| t == "meta") {
            let app: Option<String> = match self
                .conn
                .query_row(
                    "SELECT value FROM meta WHERE key = 'application'",
                    [],
                    |r| r.get(0),
                )
                .optional()
                .ctx(p, "reading the polgraph marker")
            {
                Ok(app) => app,
                // A `meta` table of another shape is simply not our marker.
                Err(StoreError::Sql { .. }) => None,
                Err(e) => return Err(e),
            };
            if app.as_deref() == Some("polgraph") {
                return Ok(true);
            }
        }
        let mut shown: Vec<&str> = tables.iter().map(String::as_str).take(3).collect();
        if tables.len() > 3 {
            shown.push("…");
        }
        Err(StoreError::NotPolgraph {
            path: self.path.clone(),
            reason: format!(
                "it holds other tables ({}) and no polgraph marker",
                shown.join(", ")
            ),
        })
    }

    fn user_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .ctx(&self.path, "reading the schema version")
    }

    /// Stores one article's extraction in one transaction: article, sentences, actors (merged by
    /// `ActorRec::key`; new roles added, alias counts incremented once per article), mentions
    /// and events (every `EventRec` adds one evidence row; it joins the event of the same
    /// [`event_key`] whose date interval overlaps its own, the narrowest such, else a new
    /// event; the event's status and date are then recomputed from all its reports).
    ///
    /// Duplicates are detected first — same `content_hash`, same non-empty `url`, or same
    /// `source_id` unless it ends in a line reference (`#L<n>` or `#<n>`) — and return
    /// [`IngestOutcome::Duplicate`] without writing.
    ///
    /// Errors: [`StoreError::InvalidExtraction`] for an index out of range or an offset outside
    /// the text / not on a character boundary (checked while writing; the transaction is rolled
    /// back, nothing stays), [`StoreError::Locked`], [`StoreError::Sql`].
    pub fn ingest(&mut self, ex: &ArticleExtraction) -> Result<IngestOutcome, StoreError> {
        let p = self.path.as_str();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(p, "starting the ingest transaction")?;
        if let Some((existing_article, matched)) = find_duplicate(&tx, p, ex)? {
            return Ok(IngestOutcome::Duplicate {
                existing_article,
                matched,
            });
        }
        let redirects = Redirects::load(&tx, p)?;
        let corrected;
        let ex = if redirects.is_empty() {
            ex
        } else {
            corrected = redirects.apply(ex);
            &corrected
        };
        let outcome = write_extraction(&tx, p, ex)?;
        restore_manual_aliases(&tx, p, &redirects)?;
        tx.commit().ctx(p, "committing the article")?;
        Ok(outcome)
    }

    /// Finds the article meant by `which`: `#12` is article id 12; otherwise an exact
    /// `source_id` (as shown in `--json` output and exports), else a number taken as the
    /// article id, else a `source_id` ending in `/which` (a file name without its folder).
    ///
    /// Errors: [`StoreError::AmbiguousArticle`] when several articles carry that source id,
    /// [`StoreError::UnknownArticle`] when nothing matches, [`StoreError::Sql`].
    pub fn resolve_article(&self, which: &str) -> Result<i64, StoreError> {
        let p = self.path.as_str();
        let wanted = which.trim();
        let unknown = || StoreError::UnknownArticle(wanted.to_string());
        if wanted.is_empty() {
            return Err(unknown());
        }
        let id_exists = |id: i64| -> Result<bool, StoreError> {
            self.conn
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)",
                    [id],
                    |r| r.get(0),
                )
                .ctx(p, "looking up an article id")
        };
        if let Some(n) = wanted.strip_prefix('#')
            && let Ok(id) = n.parse::<i64>()
        {
            return if id_exists(id)? {
                Ok(id)
            } else {
                Err(unknown())
            };
        }
        let matching = |sql: &str, arg: &str| -> Result<Vec<(i64, String)>, StoreError> {
            self.conn
                .prepare(sql)
                .and_then(|mut s| {
                    s.query_map([arg], |r| Ok((r.get(0)?, r.get(1)?)))
                        .and_then(|rows| rows.collect())
                })
                .ctx(p, "looking up articles")
        };
        let pick = |found: Vec<(i64, String)>| -> Result<Option<i64>, StoreError> {
            match found.as_slice() {
                [] => Ok(None),
                [(id, _)] => Ok(Some(*id)),
                many => Err(StoreError::AmbiguousArticle {
                    name: wanted.to_string(),
                    candidates: many.iter().map(|(id, s)| format!("#{id} {s}")).collect(),
                }),
            }
        };
        let exact = matching(
            "SELECT id, source_id FROM articles WHERE source_id = ?1 ORDER BY id",
            wanted,
        )?;
        if let Some(id) = pick(exact)? {
            return Ok(id);
        }
        if let Ok(id) = wanted.parse::<i64>()
            && id_exists(id)?
        {
            return Ok(id);
        }
        let suffix = format!("/{}", wanted.trim_start_matches("./"));
        let by_suffix = matching(
            "SELECT id, source_id FROM articles WHERE substr(source_id, -length(?1)) = ?1 ORDER BY id",
            &suffix,
        )?;
        pick(by_suffix)?.ok_or_else(unknown)
    }

    /// Deletes article `which` (resolved by [`Store::resolve_article`]) in one transaction:
    /// its sentences, actor mentions, alias uses and event mentions. Events left without any
    /// mention are deleted; events other articles still report are recomputed from their
    /// remaining mentions. Actors that no mention and no event refers to any more are deleted
    /// (with their roles and aliases); alias counts the article contributed are decremented
    /// and aliases whose count reaches zero are deleted. Corrections are kept.
    ///
    /// Errors: [`StoreError::UnknownArticle`], [`StoreError::AmbiguousArticle`],
    /// [`StoreError::Locked`], [`StoreError::Sql`]; on error nothing is changed.
    pub fn remove_article(&mut self, which: &str) -> Result<Removal, StoreError> {
        let id = self.resolve_article(which)?;
        let p = self.path.as_str();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(p, "starting the removal transaction")?;
        let removal = delete_article(&tx, p, id)?;
        tx.commit().ctx(p, "committing the removal")?;
        Ok(removal)
    }

    /// Merges actor `b` into actor `a` (ids): `b`'s mentions, aliases (counts recomputed),
    /// roles and events move to `a`, `b` is deleted, and events that became the same event
    /// join. Stored as a correction: later articles whose actor would be `b` (by identity key)
    /// get `a`, also after remove and re-ingest.
    ///
    /// Errors: [`StoreError::Refused`] when `a == b` or a `never-merge` decision separates
    /// them, [`StoreError::NoSuchActor`], [`StoreError::Sql`]; nothing changes on error.
    pub fn merge(&mut self, a: i64, b: i64) -> Result<Applied, StoreError> {
        let p = self.path.as_str();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(p, "starting the merge")?;
        let ia = actor_identity(&tx, p, a)?;
        let ib = actor_identity(&tx, p, b)?;
        if a == b {
            return Err(StoreError::Refused(format!(
                "cannot merge {} #{a} with itself",
                ia.name
            )));
        }
        if Redirects::load(&tx, p)?.kept_apart(&ia.key, &ib.key) {
            return Err(StoreError::Refused(format!(
                "{} #{a} and {} #{b} are marked never-merge",
                ia.name, ib.name
            )));
        }
        let mut warnings = mismatch_warnings(&tx, p, (a, &ia.name), (b, &ib.name))?;
        let (mentions_moved, events_changed, events_joined) = move_actor(&tx, p, b, a)?;
        warnings.extend(loop_warning(&tx, p, a, &ia.name)?);
        tx.execute(
            "UPDATE corrections SET a_key = ?1 WHERE a_key = ?2 AND kind IN ('split', 'never-merge', 'alias')",
            params![ia.key, ib.key],
        )
        .ctx(p, "updating corrections")?;
        tx.execute(
            "UPDATE corrections SET b_key = ?1 WHERE b_key = ?2 AND kind = 'never-merge'",
            params![ia.key, ib.key],
        )
        .ctx(p, "updating corrections")?;
        let correction = record(&tx, p, "merge", &ia, Some(&ib), None)?;
        tx.commit().ctx(p, "committing the merge")?;
        Ok(Applied {
            correction,
            actor: format!("{} #{a}", ia.name),
            absorbed: vec![format!("{} #{b}", ib.name)],
            mentions_moved,
            events_changed,
            events_joined,
            warnings,
        })
    }

    /// Splits off actor `actor`'s mentions written `alias` (case-insensitive, possessive
    /// ignored) into a new actor named `alias` (same type, country and CAMEO code); the alias
    /// moves with them, and each event reported in a sentence where the actor is named only
    /// that way now involves the new actor. Stored as a correction: in later articles (and
    /// re-ingests) the actor's mentions written that way go to the new actor.
    ///
    /// Errors: [`StoreError::Refused`] when no mention or alias of the actor is written
    /// `alias` or `alias` is the actor's own name, [`StoreError::NoSuchActor`],
    /// [`StoreError::Sql`]; nothing changes on error.
    pub fn split(&mut self, actor: i64, alias: &str) -> Result<Applied, StoreError> {
        let p = self.path.as_str();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(p, "starting the split")?;
        let ia = actor_identity(&tx, p, actor)?;
        let norm = alias_norm(alias);
        let mention_ids: Vec<(i64, i64)> = tx
            .prepare("SELECT id, sentence_id, text FROM mentions WHERE actor_id = ?1 ORDER BY id")
            .and_then(|mut s| {
                s.query_map([actor], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            })
            .ctx(p, "reading mentions")?
            .into_iter()
            .filter(|m| alias_norm(&m.2) == norm)
            .map(|m| (m.0, m.1))
            .collect();
        let written: Option<String> = tx
            .query_row(
                "SELECT alias FROM aliases WHERE actor_id = ?1 AND alias_norm = ?2",
                params![actor, norm],
                |r| r.get(0),
            )
            .optional()
            .ctx(p, "reading aliases")?;
        if norm == alias_norm(&ia.name) {
            return Err(StoreError::Refused(format!(
                "\"{}\" is the name of {} #{actor} itself; split off one of its other aliases \
                 (see `polgraph actor {actor}`)",
                alias.trim(),
                ia.name
            )));
        }
        if norm.is_empty() || (mention_ids.is_empty() && written.is_none()) {
            return Err(StoreError::Refused(format!(
                "{} #{actor} is never written \"{}\"; see `polgraph actor {actor}` for its aliases",
                ia.name,
                alias.trim()
            )));
        }
        let name = written.unwrap_or_else(|| alias.trim().to_string());
        let new = Identity {
            key: format!("split:{}|{norm}", ia.key),
            name: name.clone(),
        };
        let new_id = match tx
            .query_row("SELECT id FROM actors WHERE key = ?1", [&new.key], |r| {
                r.get(0)
            })
            .optional()
            .ctx(p, "looking up actors")?
        {
            Some(id) => id,
            None => {
                tx.execute(
                    "INSERT INTO actors (key, name, type, country, cameo) \
                     SELECT ?1, ?2, type, country, cameo FROM actors WHERE id = ?3",
                    params![new.key, name, actor],
                )
                .ctx(p, "inserting actors")?;
                tx.last_insert_rowid()
            }
        };
        for (m, _) in &mention_ids {
            tx.execute(
                "UPDATE mentions SET actor_id = ?1 WHERE id = ?2",
                [new_id, *m],
            )
            .ctx(p, "moving mentions")?;
        }
        tx.execute(
            "UPDATE aliases SET actor_id = ?1 WHERE actor_id = ?2 AND alias_norm = ?3",
            params![new_id, actor, norm],
        )
        .ctx(p, "moving aliases")?;
        tx.execute(
            "UPDATE alias_uses SET actor_id = ?1 WHERE actor_id = ?2 AND alias_norm = ?3",
            params![new_id, actor, norm],
        )
        .ctx(p, "moving aliases")?;
        // Evidence from sentences that now name only the new actor moves to its events.
        let sentences: BTreeSet<i64> = mention_ids.iter().map(|m| m.1).collect();
        let mut events_changed = 0;
        let mut touched = BTreeSet::new();
        for sentence in sentences {
            let old_left: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM mentions WHERE sentence_id = ?1 AND actor_id = ?2)",
                    [sentence, actor],
                    |r| r.get(0),
                )
                .ctx(p, "reading mentions")?;
            if old_left {
                continue;
            }
            let ems: Vec<i64> = tx
                .prepare_cached(
                    "SELECT em.id FROM event_mentions em JOIN events e ON e.id = em.event_id \
                     WHERE em.sentence_id = ?1 AND (e.source_id = ?2 OR e.target_id = ?2) ORDER BY em.id",
                )
                .and_then(|mut s| {
                    s.query_map([sentence, actor], |r| r.get(0))
                        .and_then(|rows| rows.collect())
                })
                .ctx(p, "reading event mentions")?;
            for em in ems {
                touched.extend(rehome_mention(&tx, p, em, actor, new_id)?);
                events_changed += 1;
            }
        }
        let events_joined = settle_events(&tx, p, &touched)?;
        delete_if_unused(&tx, p, actor)?;
        let correction = record(&tx, p, "split", &ia, Some(&new), Some(&name))?;
        tx.commit().ctx(p, "committing the split")?;
        Ok(Applied {
            correction,
            actor: format!("{name} #{new_id}"),
            absorbed: Vec::new(),
            mentions_moved: mention_ids.len(),
            events_changed,
            events_joined,
            warnings: Vec::new(),
        })
    }

    /// Adds `name` as an alias of `actor` (count 0 until an article uses it). Stored as a
    /// correction: later actors extracted under that name resolve to `actor`; actors already
    /// stored under that display name join it now (except those marked never-merge with it),
    /// so that the graph is what a re-ingest would give.
    ///
    /// Errors: [`StoreError::Refused`] for an empty name, a name over 200 characters or
    /// with a line break, or a name already given by hand to another actor;
    /// [`StoreError::NoSuchActor`], [`StoreError::Sql`]; nothing changes on error.
    pub fn add_alias(&mut self, actor: i64, name: &str) -> Result<Applied, StoreError> {
        let p = self.path.as_str();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(p, "starting the alias")?;
        let ia = actor_identity(&tx, p, actor)?;
        let norm = normalize_name(name);
        if norm.is_empty() {
            return Err(StoreError::Refused("an alias cannot be empty".into()));
        }
        if name.trim().chars().count() > 200 || name.contains(['\n', '\r', '\t']) {
            return Err(StoreError::Refused(
                "an alias is one line of at most 200 characters".into(),
            ));
        }
        let owner: Option<(i64, String)> = tx
            .query_row(
                "SELECT a.id, a.name FROM aliases al JOIN actors a ON a.id = al.actor_id \
                 WHERE al.alias_norm = ?1 AND al.manual = 1 AND al.actor_id != ?2 LIMIT 1",
                params![norm, actor],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .ctx(p, "reading aliases")?;
        if let Some((id, owner)) = owner {
            return Err(StoreError::Refused(format!(
                "\"{}\" is already an alias given by hand to {owner} #{id}",
                name.trim()
            )));
        }
        tx.execute(
            "INSERT INTO aliases (actor_id, alias, alias_norm, count, manual) VALUES (?1, ?2, ?3, 0, 1) \
             ON CONFLICT (actor_id, alias_norm) DO UPDATE SET manual = 1",
            params![actor, name.trim(), norm],
        )
        .ctx(p, "inserting aliases")?;
        let redirects = Redirects::load(&tx, p)?;
        let same_name: Vec<(i64, String, String)> = tx
            .prepare("SELECT id, key, name FROM actors WHERE id != ?1 ORDER BY id")
            .and_then(|mut s| {
                s.query_map([actor], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                })
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            })
            .ctx(p, "reading actors")?
            .into_iter()
            .filter(|(_, key, n)| normalize_name(n) == norm && !redirects.kept_apart(key, &ia.key))
            .collect();
        let (mut mentions_moved, mut events_changed, mut events_joined) = (0, 0, 0);
        let mut absorbed = Vec::new();
        let mut warnings = Vec::new();
        for (id, _, n) in same_name {
            warnings.extend(mismatch_warnings(&tx, p, (actor, &ia.name), (id, &n))?);
            let (m, e, j) = move_actor(&tx, p, id, actor)?;
            mentions_moved += m;
            events_changed += e;
            events_joined += j;
            absorbed.push(format!("{n} #{id}"));
        }
        if !absorbed.is_empty() {
            warnings.extend(loop_warning(&tx, p, actor, &ia.name)?);
        }
        let correction = record(&tx, p, "alias", &ia, None, Some(name.trim()))?;
        tx.commit().ctx(p, "committing the alias")?;
        Ok(Applied {
            correction,
            actor: format!("{} #{actor}", ia.name),
            absorbed,
            mentions_moved,
            events_changed,
            events_joined,
            warnings,
        })
    }

    /// Records that actors `a` and `b` are different: [`Store::merge`] and alias redirects
    /// refuse to join them, and identity code can ask [`Store::kept_apart`]. Changes nothing
    /// else.
    ///
    /// Errors: [`StoreError::Refused`] when `a == b`, [`StoreError::NoSuchActor`],
    /// [`StoreError::Sql`].
    pub fn never_merge(&mut self, a: i64, b: i64) -> Result<Applied, StoreError> {
        let p = self.path.as_str();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .ctx(p, "starting the decision")?;
        let ia = actor_identity(&tx, p, a)?;
        let ib = actor_identity(&tx, p, b)?;
        if a == b {
            return Err(StoreError::Refused(format!(
                "{} #{a} is one actor; to separate the people it mixes up use `polgraph split`",
                ia.name
            )));
        }
        let correction = record(&tx, p, "never-merge", &ia, Some(&ib), None)?;
        tx.commit().ctx(p, "committing the decision")?;
        Ok(Applied {
            correction,
            actor: format!("{} #{a}", ia.name),
            absorbed: Vec::new(),
            mentions_moved: 0,
            events_changed: 0,
            events_joined: 0,
            warnings: Vec::new(),
        })
    }

    /// True when a `never-merge` decision keeps the actors with identity keys `a` and `b`
    /// apart (in either order): for identity code deciding whether two actors are the same.
    ///
    /// Errors: [`StoreError::Sql`].
    pub fn kept_apart(&self, a: &str, b: &str) -> Result<bool, StoreError> {
        Ok(Redirects::load(&self.conn, &self.path)?.kept_apart(a, b))
    }

    /// Every stored identity decision, oldest first.
    ///
    /// Errors: [`StoreError::Sql`].
    pub fn corrections(&self) -> Result<Vec<Correction>, StoreError> {
        let p = self.path.as_str();
        self.conn
            .prepare(
                "SELECT id, kind, a_name, a_key, b_name, b_key, alias, created_at \
                 FROM corrections ORDER BY id",
            )
            .and_then(|mut s| {
                s.query_map([], |r| {
                    Ok(Correction {
                        id: r.get(0)?,
                        kind: r.get(1)?,
                        actor: r.get(2)?,
                        actor_key: r.get(3)?,
                        other: r.get(4)?,
                        other_key: r.get(5)?,
                        alias: r.get(6)?,
                        created_at: r.get(7)?,
                    })
                })
                .and_then(|rows| rows.collect())
            })
            .ctx(p, "reading corrections")
    }

    /// Finds the actor meant by `name`: a numeric id (`12` or `#12`) of an existing actor, else,
    /// case-insensitively and in this order of precedence, an actor's exact display name, its
    /// identity key (`USA`, `person:keir_starmer`), or one of its aliases. The first tier with
    /// matches decides.
    ///
    /// Errors: [`StoreError::Ambiguous`] when that tier has several actors (candidates listed as
    /// `Name (type, CTRY) #id`), [`StoreError::UnknownActor`] when nothing matches,
    /// [`StoreError::Sql`].
    pub fn resolve_actor(&self, name: &str) -> Result<i64, StoreError> {
        let p = self.path.as_str();
        let wanted = name.trim();
        if wanted.is_empty() {
            return Err(StoreError::UnknownActor(name.to_string()));
        }
        if let Ok(id) = wanted.trim_start_matches('#').parse::<i64>() {
            let exists: bool = self
                .conn
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM actors WHERE id = ?1)",
                    [id],
                    |r| r.get(0),
                )
                .ctx(p, "looking up an actor id")?;
            if exists {
                return Ok(id);
            }
        }
        let norm = normalize_name(wanted);
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, name, key, type, country FROM actors ORDER BY id")
            .ctx(p, "reading actors")?;
        let actors: Vec<(i64, String, String, String, Option<String>)> = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .and_then(|rows| rows.collect())
            .ctx(p, "reading actors")?;
        let by_name: Vec<i64> = actors
            .iter()
            .filter(|a| normalize_name(&a.1) == norm)
            .map(|a| a.0)
            .collect();
        let by_key: Vec<i64> = actors
            .iter()
            .filter(|a| a.2.to_lowercase() == norm)
            .map(|a| a.0)
            .collect();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT actor_id FROM aliases WHERE alias_norm = ?1 ORDER BY actor_id",
            )
            .ctx(p, "reading aliases")?;
        let by_alias: Vec<i64> = stmt
            .query_map([&norm], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .ctx(p, "reading aliases")?;
        // Last resort: a word of a person's name ("scholz" for Olaf Scholz), also without
        // diacritics.
        let plain = |x: &str| crate::actors::gazetteer::strip_diacritics(x).to_lowercase();
        let by_part: Vec<i64> = actors
            .iter()
            .filter(|a| a.3 == "person" && a.1.split_whitespace().any(|w| plain(w) == plain(&norm)))
            .map(|a| a.0)
            .collect();
        // Actors backed by the gazetteer (keys not starting with "new:") come first in each
        // tier: "kim" means Kim Jong Un before a stray "Kim" recognised from context.
        let known = |ids: &Vec<i64>| -> Vec<i64> {
            ids.iter()
                .copied()
                .filter(|id| {
                    actors
                        .iter()
                        .any(|a| a.0 == *id && !a.2.starts_with("new:"))
                })
                .collect()
        };
        let tiers = [
            known(&by_name),
            by_key.clone(),
            known(&by_alias),
            by_name,
            by_alias,
            known(&by_part),
            by_part,
        ];
        for tier in tiers {
            match tier.as_slice() {
                [] => continue,
                [one] => return Ok(*one),
                many => {
                    // One candidate that dwarfs the others (a typo or a stray fragment beside
                    // the real person) is the one meant.
                    let weight = |id: i64| -> i64 {
                        self.conn
                            .query_row(
                                "SELECT (SELECT COUNT(*) FROM mentions WHERE actor_id = ?1) + \
                                 (SELECT COUNT(*) FROM events WHERE source_id = ?1 OR target_id = ?1)",
                                [id],
                                |r| r.get(0),
                            )
                            .unwrap_or(0)
                    };
                    // Stray fragments (one or two mentions, no events) beside one well-attested
                    // actor do not make a name ambiguous.
                    // One known (gazetteer) actor among names recognised only from context
                    // ("Trump" vs a stray "Politics Trump") is the one meant.
                    let known: Vec<i64> = many
                        .iter()
                        .copied()
                        .filter(|id| {
                            actors
                                .iter()
                                .any(|a| a.0 == *id && !a.2.starts_with("new:"))
                        })
                        .collect();
                    if known.len() == 1 {
                        return Ok(known[0]);
                    }
                    let weighted: Vec<(i64, i64)> =
                        many.iter().map(|&id| (weight(id), id)).collect();
                    let solid: Vec<i64> = weighted
                        .iter()
                        .filter(|(w, _)| *w > 2)
                        .map(|(_, id)| *id)
                        .collect();
                    if solid.len() == 1
                        && weighted
                            .iter()
                            .all(|(w, id)| *id == solid[0] || *w * 20 <= weight(solid[0]))
                    {
                        return Ok(solid[0]);
                    }
                    let candidates = many
                        .iter()
                        .filter_map(|id| actors.iter().find(|a| a.0 == *id))
                        .map(|(id, name, _, kind, country)| {
                            format!(
                                "{name} ({kind}, {}) #{id}",
                                country.as_deref().unwrap_or("-")
                            )
                        })
                        .collect();
                    return Err(StoreError::Ambiguous {
                        name: wanted.to_string(),
                        candidates,
                    });
                }
            }
        }
        Err(StoreError::UnknownActor(wanted.to_string()))
    }

    /// Events matching `f`, sorted by `date_start` (undated last), then id.
    ///
    /// Errors: [`StoreError::InvalidFilter`] for a malformed date or unknown status,
    /// [`StoreError::Sql`].
    pub fn events(&self, f: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let p = self.path.as_str();
        let mut sql = String::from(
            "SELECT e.id, e.etype, e.cameo, e.plover, e.goldstein, e.source_id, sa.name, \
             e.target_id, ta.name, e.status, e.date_value, e.date_start, e.date_end, \
             e.date_how, e.date_raw \
             FROM events e JOIN actors sa ON sa.id = e.source_id \
             LEFT JOIN actors ta ON ta.id = e.target_id WHERE 1 = 1",
        );
        let mut args: Vec<Value> = Vec::new();
        match (f.actor, f.with) {
            (Some(a), Some(w)) => {
                sql.push_str(
                    " AND ((e.source_id = ? AND e.target_id = ?) OR (e.source_id = ? AND e.target_id = ?))",
                );
                args.extend([a, w, w, a].map(Value::Integer));
            }
            (Some(a), None) | (None, Some(a)) => {
                sql.push_str(" AND (e.source_id = ? OR e.target_id = ?)");
                args.extend([a, a].map(Value::Integer));
            }
            (None, None) => {}
        }
        if let Some(from) = &f.from {
            sql.push_str(" AND e.date_end >= ?");
            args.push(Value::Text(date_bound(from, false)?));
        }
        if let Some(to) = &f.to {
            sql.push_str(" AND e.date_start <= ?");
            args.push(Value::Text(date_bound(to, true)?));
        }
        if !f.types.is_empty() {
            sql.push_str(&format!(
                " AND e.etype IN ({})",
                placeholders(f.types.len())
            ));
            args.extend(f.types.iter().map(|t| Value::Text(t.trim().to_string())));
        }
        if !f.statuses.is_empty() {
            for s in &f.statuses {
                if Status::parse(s.trim()).is_none() {
                    return Err(StoreError::InvalidFilter(format!(
                        "unknown status \"{s}\" (expected occurred, planned, negated or uncertain)"
                    )));
                }
            }
            sql.push_str(&format!(
                " AND e.status IN ({})",
                placeholders(f.statuses.len())
            ));
            args.extend(f.statuses.iter().map(|s| Value::Text(s.trim().to_string())));
        }
        // By the resolved interval: start, then the narrower first.
        sql.push_str(" ORDER BY e.date_start IS NULL, e.date_start, e.date_end, e.id");

        let mut stmt = self.conn.prepare(&sql).ctx(p, "querying events")?;
        let rows = stmt
            .query_map(rusqlite::params_from_iter(args.iter()), |r| {
                let target = match (r.get::<_, Option<i64>>(7)?, r.get::<_, Option<String>>(8)?) {
                    (Some(id), Some(name)) => Some(ActorRef { id, name }),
                    _ => None,
                };
                Ok(EventRow {
                    id: r.get(0)?,
                    etype: r.get(1)?,
                    cameo: r.get(2)?,
                    plover: r.get(3)?,
                    goldstein: r.get(4)?,
                    source: ActorRef {
                        id: r.get(5)?,
                        name: r.get(6)?,
                    },
                    target,
                    status: r.get(9)?,
                    date: r.get(10)?,
                    date_precision: match (
                        r.get::<_, Option<String>>(11)?,
                        r.get::<_, Option<String>>(12)?,
                    ) {
                        (Some(a), Some(b)) => match (a.parse(), b.parse()) {
                            (Ok(a), Ok(b)) => Some(crate::time::precision(a, b).to_string()),
                            _ => None,
                        },
                        _ => None,
                    },
                    date_start: r.get(11)?,
                    date_end: r.get(12)?,
                    date_how: r.get(13)?,
                    date_raw: r.get(14)?,
                    sources: 0,
                    mentions: 0,
                    first_evidence: String::new(),
                    articles: Vec::new(),
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<EventRow>>>())
            .ctx(p, "querying events")?;
        let mut out = rows;
        let mut ev = self
            .conn
            .prepare_cached(
                "SELECT em.article_id, a.source_id, s.text, em.status = e.status \
                 FROM event_mentions em \
                 JOIN articles a ON a.id = em.article_id \
                 JOIN sentences s ON s.id = em.sentence_id \
                 JOIN events e ON e.id = em.event_id \
                 WHERE em.event_id = ?1 ORDER BY em.id",
            )
            .ctx(p, "reading event evidence")?;
        for row in &mut out {
            let evidence: Vec<(i64, String, String, bool)> = ev
                .query_map([row.id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .and_then(|rows| rows.collect())
                .ctx(p, "reading event evidence")?;
            let mut seen = BTreeSet::new();
            for (article, source_id, _, _) in &evidence {
                if seen.insert(*article) {
                    row.articles.push(source_id.clone());
                }
            }
            row.sources = seen.len();
            row.mentions = evidence.len();
            // The first report with the event's own status, else the first report.
            row.first_evidence = evidence
                .iter()
                .find(|e| e.3)
                .or(evidence.first())
                .map(|e| e.2.clone())
                .unwrap_or_default();
        }
        Ok(out)
    }

    /// All actors (or those of type `kind`: `person`, `country`, `organization`), with event and
    /// mention counts, sorted by events (descending), then name, then id.
    ///
    /// Errors: [`StoreError::InvalidFilter`] for an unknown type, [`StoreError::Sql`].
    pub fn actors(&self, kind: Option<&str>) -> Result<Vec<ActorSummary>, StoreError> {
        let kind = match kind {
            Some(k) => Some(
                crate::model::ActorType::parse(k)
                    .ok_or_else(|| {
                        StoreError::InvalidFilter(format!(
                            "unknown actor type \"{k}\" (expected person, country or organization)"
                        ))
                    })?
                    .as_str(),
            ),
            None => None,
        };
        self.actor_summaries(kind, None)
    }

    fn actor_summaries(
        &self,
        kind: Option<&str>,
        id: Option<i64>,
    ) -> Result<Vec<ActorSummary>, StoreError> {
        let p = self.path.as_str();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.name, a.type, a.country, a.cameo, \
                 (SELECT COUNT(*) FROM events e WHERE e.source_id = a.id OR e.target_id = a.id) AS n_events, \
                 (SELECT COUNT(*) FROM mentions m WHERE m.actor_id = a.id) \
                 FROM actors a WHERE (?1 IS NULL OR a.type = ?1) AND (?2 IS NULL OR a.id = ?2) \
                 ORDER BY n_events DESC, a.name, a.id",
            )
            .ctx(p, "listing actors")?;
        stmt.query_map(params![kind, id], |r| {
            Ok(ActorSummary {
                id: r.get(0)?,
                name: r.get(1)?,
                kind: r.get(2)?,
                country: r.get(3)?,
                cameo: r.get(4)?,
                events: count(r.get(5)?),
                mentions: count(r.get(6)?),
            })
        })
        .and_then(|rows| rows.collect())
        .ctx(p, "listing actors")
    }

    /// Everything about actor `id`: summary, roles, aliases with counts, articles, events.
    ///
    /// Errors: [`StoreError::NoSuchActor`], [`StoreError::Sql`].
    pub fn actor_profile(&self, id: i64) -> Result<ActorProfile, StoreError> {
        let p = self.path.as_str();
        let summary = self
            .actor_summaries(None, Some(id))?
            .into_iter()
            .next()
            .ok_or(StoreError::NoSuchActor(id))?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT role FROM actor_roles WHERE actor_id = ?1 ORDER BY rowid")
            .ctx(p, "reading roles")?;
        let roles: Vec<String> = stmt
            .query_map([id], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .ctx(p, "reading roles")?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT alias, count FROM aliases WHERE actor_id = ?1 ORDER BY count DESC, alias_norm",
            )
            .ctx(p, "reading aliases")?;
        let aliases: Vec<(String, usize)> = stmt
            .query_map([id], |r| Ok((r.get(0)?, count(r.get(1)?))))
            .and_then(|rows| rows.collect())
            .ctx(p, "reading aliases")?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, source_id, published, title FROM articles WHERE id IN ( \
                   SELECT article_id FROM mentions WHERE actor_id = ?1 \
                   UNION SELECT em.article_id FROM event_mentions em JOIN events e ON e.id = em.event_id \
                   WHERE e.source_id = ?1 OR e.target_id = ?1) ORDER BY id",
            )
            .ctx(p, "reading the actor's articles")?;
        let articles: Vec<ArticleRef> = stmt
            .query_map([id], |r| {
                Ok(ArticleRef {
                    id: r.get(0)?,
                    source_id: r.get(1)?,
                    published: r.get(2)?,
                    title: r.get(3)?,
                })
            })
            .and_then(|rows| rows.collect())
            .ctx(p, "reading the actor's articles")?;
        let key: String = self
            .conn
            .query_row("SELECT key FROM actors WHERE id = ?1", [id], |r| r.get(0))
            .ctx(p, "reading actors")?;
        let events = self.events(&EventFilter {
            actor: Some(id),
            ..EventFilter::default()
        })?;
        Ok(ActorProfile {
            summary,
            roles,
            aliases,
            key,
            spells: Vec::new(),
            articles,
            events,
        })
    }

    /// Counts over the whole database.
    ///
    /// Errors: [`StoreError::Sql`].
    pub fn stats(&self) -> Result<Stats, StoreError> {
        let p = self.path.as_str();
        let one = |sql: &str| -> Result<usize, StoreError> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(count)
                .ctx(p, "counting rows")
        };
        let grouped = |sql: &str| -> Result<BTreeMap<String, usize>, StoreError> {
            let mut stmt = self.conn.prepare(sql).ctx(p, "counting rows")?;
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, count(r.get(1)?))))
                .and_then(|rows| rows.collect())
                .ctx(p, "counting rows")
        };
        let (date_min, date_max): (Option<String>, Option<String>) = self
            .conn
            .query_row(
                "SELECT MIN(date_start), MAX(date_end) FROM events",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ctx(p, "reading the date range")?;
        Ok(Stats {
            articles: one("SELECT COUNT(*) FROM articles")?,
            sentences: one("SELECT COUNT(*) FROM sentences")?,
            actors: one("SELECT COUNT(*) FROM actors")?,
            actors_by_type: grouped("SELECT type, COUNT(*) FROM actors GROUP BY type")?,
            mentions: one("SELECT COUNT(*) FROM mentions")?,
            events: one("SELECT COUNT(*) FROM events")?,
            events_by_type: grouped("SELECT etype, COUNT(*) FROM events GROUP BY etype")?,
            event_mentions: one("SELECT COUNT(*) FROM event_mentions")?,
            date_min,
            date_max,
        })
    }

    /// The whole database as plain data (articles without body text; actors with roles and
    /// aliases; events with all their evidence), in ascending id order: the same database gives
    /// the same snapshot.
    ///
    /// Errors: [`StoreError::Sql`].
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        let p = self.path.as_str();
        let c = &self.conn;
        let mut stmt = c
            .prepare(
                "SELECT id, source_id, title, published, url, outlet FROM articles ORDER BY id",
            )
            .ctx(p, "reading articles")?;
        let articles: Vec<ArticleOut> = stmt
            .query_map([], |r| {
                Ok(ArticleOut {
                    id: r.get(0)?,
                    source_id: r.get(1)?,
                    title: r.get(2)?,
                    published: r.get(3)?,
                    url: r.get(4)?,
                    outlet: r.get(5)?,
                })
            })
            .and_then(|rows| rows.collect())
            .ctx(p, "reading articles")?;

        let mut roles: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        let mut stmt = c
            .prepare("SELECT actor_id, role FROM actor_roles ORDER BY actor_id, rowid")
            .ctx(p, "reading roles")?;
        let rows: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .ctx(p, "reading roles")?;
        for (id, role) in rows {
            roles.entry(id).or_default().push(role);
        }
        let mut aliases: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        let mut stmt = c
            .prepare(
                "SELECT actor_id, alias FROM aliases ORDER BY actor_id, count DESC, alias_norm",
            )
            .ctx(p, "reading aliases")?;
        let rows: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .ctx(p, "reading aliases")?;
        for (id, alias) in rows {
            aliases.entry(id).or_default().push(alias);
        }
        let mut stmt = c
            .prepare("SELECT id, key, name, type, country, cameo FROM actors ORDER BY id")
            .ctx(p, "reading actors")?;
        let actors: Vec<ActorOut> = stmt
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                Ok(ActorOut {
                    id,
                    key: r.get(1)?,
                    name: r.get(2)?,
                    kind: r.get(3)?,
                    country: r.get(4)?,
                    cameo: r.get(5)?,
                    roles: roles.remove(&id).unwrap_or_default(),
                    aliases: aliases.remove(&id).unwrap_or_default(),
                })
            })
            .and_then(|rows| rows.collect())
            .ctx(p, "reading actors")?;

        let mut evidence: BTreeMap<i64, Vec<EvidenceOut>> = BTreeMap::new();
        let mut stmt = c
            .prepare(
                "SELECT em.event_id, em.article_id, s.text, s.start, s.\"end\", em.trigger, \
                 em.start, em.\"end\", em.status, em.date_value FROM event_mentions em \
                 JOIN sentences s ON s.id = em.sentence_id ORDER BY em.event_id, em.id",
            )
            .ctx(p, "reading event evidence")?;
        let rows: Vec<(i64, EvidenceOut)> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    EvidenceOut {
                        article: r.get(1)?,
                        text: r.get(2)?,
                        start: count(r.get(3)?),
                        end: count(r.get(4)?),
                        trigger: r.get(5)?,
                        trigger_start: count(r.get(6)?),
                        trigger_end: count(r.get(7)?),
                        status: r.get(8)?,
                        date: r.get(9)?,
                    },
                ))
            })
            .and_then(|rows| rows.collect())
            .ctx(p, "reading event evidence")?;
        for (id, ev) in rows {
            evidence.entry(id).or_default().push(ev);
        }
        let mut stmt = c
            .prepare(
                "SELECT id, etype, cameo, plover, goldstein, source_id, target_id, status, \
                 date_value, date_start, date_end, date_timex, date_raw, date_how \
                 FROM events ORDER BY id",
            )
            .ctx(p, "reading events")?;
        let events: Vec<EventOut> = stmt
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                let evidence = evidence.remove(&id).unwrap_or_default();
                let articles: BTreeSet<i64> = evidence.iter().map(|e| e.article).collect();
                Ok(EventOut {
                    id,
                    etype: r.get(1)?,
                    cameo: r.get(2)?,
                    plover: r.get(3)?,
                    goldstein: r.get(4)?,
                    source: r.get(5)?,
                    target: r.get(6)?,
                    status: r.get(7)?,
                    date: r.get(8)?,
                    date_start: r.get(9)?,
                    date_end: r.get(10)?,
                    date_timex: r.get(11)?,
                    date_raw: r.get(12)?,
                    date_how: r.get(13)?,
                    articles: articles.into_iter().collect(),
                    evidence,
                })
            })
            .and_then(|rows| rows.collect())
            .ctx(p, "reading events")?;
        Ok(Snapshot {
            articles,
            actors,
            events,
        })
    }
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// Returns the id of an article that `ex` duplicates, if any.
fn find_duplicate(
    c: &Connection,
    p: &str,
    ex: &ArticleExtraction,
) -> Result<Option<(i64, DuplicateBy)>, StoreError> {
    let a = &ex.article;
    let url = a.url.as_deref().map(str::trim).filter(|u| !u.is_empty());
    // A file path or `-` is not an identity: another text at the same path is a new article.
    let source_id = Some(a.source_id.as_str())
        .filter(|s| a.source_id_is_id && !s.trim().is_empty() && !is_line_reference(s));
    c.query_row(
        "SELECT id, content_hash = ?1, (?2 IS NOT NULL AND url = ?2) FROM articles \
         WHERE content_hash = ?1 \
         OR (?2 IS NOT NULL AND url = ?2) OR (?3 IS NOT NULL AND source_id = ?3) \
         ORDER BY content_hash = ?1 DESC, id LIMIT 1",
        params![a.content_hash, url, source_id],
        |r| {
            let by = if r.get::<_, bool>(1)? {
                DuplicateBy::Text
            } else if r.get::<_, bool>(2)? {
                DuplicateBy::Url
            } else {
                DuplicateBy::Id
            };
            Ok((r.get(0)?, by))
        },
    )
    .optional()
    .ctx(p, "checking for duplicates")
}

/// Checks that `start..end` is a valid span of `text`.
fn check_span(
    text: &str,
    start: usize,
    end: usize,
    what: &dyn Fn() -> String,
) -> Result<(), String> {
    if start > end || end > text.len() {
        return Err(format!(
            "{} has span {start}..{end} outside the text ({} bytes)",
            what(),
            text.len()
        ));
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(format!(
            "{} has span {start}..{end} not on UTF-8 character boundaries (offsets must be bytes)",
            what()
        ));
    }
    Ok(())
}

/// Writes everything of `ex` inside the caller's transaction.
fn write_extraction(
    c: &Connection,
    p: &str,
    ex: &ArticleExtraction,
) -> Result<IngestOutcome, StoreError> {
    let a = &ex.article;
    let invalid = |message: String| StoreError::InvalidExtraction {
        source_id: a.source_id.clone(),
        message,
    };
    let ingested_at = jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    c.execute(
        "INSERT INTO articles (source_id, title, published, url, outlet, text, content_hash, ingested_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            a.source_id,
            a.title,
            a.published,
            a.url,
            a.outlet,
            a.text,
            a.content_hash,
            ingested_at
        ],
    )
    .ctx(p, "inserting the article")?;
    let article_id = c.last_insert_rowid();

    let mut sentence_ids = Vec::with_capacity(ex.sentences.len());
    {
        let mut stmt = c
            .prepare_cached(
                "INSERT INTO sentences (article_id, idx, start, \"end\", text) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .ctx(p, "inserting sentences")?;
        for (i, s) in ex.sentences.iter().enumerate() {
            check_span(&a.text, s.start, s.end, &|| format!("sentence {i}")).map_err(invalid)?;
            stmt.execute(params![
                article_id,
                int(i),
                int(s.start),
                int(s.end),
                s.text
            ])
            .ctx(p, "inserting sentences")?;
            sentence_ids.push(c.last_insert_rowid());
        }
    }

    let mut actors_new = 0;
    let mut actor_ids = Vec::with_capacity(ex.actors.len());
    for rec in &ex.actors {
        let (id, new) = upsert_actor(c, p, rec, article_id)?;
        actors_new += usize::from(new);
        actor_ids.push(id);
    }
    let actor_at = |i: usize, what: &dyn Fn() -> String| -> Result<i64, StoreError> {
        actor_ids.get(i).copied().ok_or_else(|| {
            invalid(format!(
                "{} refers to actor {i}, but the article has {} actors",
                what(),
                actor_ids.len()
            ))
        })
    };
    let sentence_at = |i: usize, what: &dyn Fn() -> String| -> Result<i64, StoreError> {
        sentence_ids.get(i).copied().ok_or_else(|| {
            invalid(format!(
                "{} refers to sentence {i}, but the article has {} sentences",
                what(),
                sentence_ids.len()
            ))
        })
    };

    {
        let mut stmt = c
            .prepare_cached(
                "INSERT INTO mentions (article_id, sentence_id, actor_id, start, \"end\", text) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .ctx(p, "inserting mentions")?;
        for (i, m) in ex.mentions.iter().enumerate() {
            let what = || format!("mention {i}");
            let actor = actor_at(m.actor, &what)?;
            let sentence = sentence_at(m.sentence, &what)?;
            check_span(&a.text, m.start, m.end, &what).map_err(invalid)?;
            stmt.execute(params![
                article_id,
                sentence,
                actor,
                int(m.start),
                int(m.end),
                m.text
            ])
            .ctx(p, "inserting mentions")?;
        }
    }

    let mut events_new = 0;
    let mut to_refresh: Vec<i64> = Vec::new();
    for (i, e) in ex.events.iter().enumerate() {
        let what = || format!("event {i} ({})", e.etype);
        let source = actor_at(e.source, &what)?;
        let target = match e.target {
            Some(t) => Some(actor_at(t, &what)?),
            None => None,
        };
        let sentence = sentence_at(e.sentence, &what)?;
        check_span(&a.text, e.start, e.end, &what).map_err(invalid)?;
        let date = e.date.as_ref();
        let status = e.status.as_str();
        let ekey = symmetric_event_key(&e.etype, source, target, status);
        let existing = matching_event(
            c,
            p,
            &ekey,
            date.map(|d| (d.start.as_str(), d.end.as_str())),
            None,
            Some((status, date.map(|d| d.how.as_str()))),
        )?;
        let event_id = match existing {
            Some(id) => id,
            None => {
                c.prepare_cached(
                    "INSERT INTO events (etype, cameo, plover, goldstein, source_id, target_id, status, \
                     date_value, date_start, date_end, date_timex, date_raw, date_how, ekey) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                )
                .and_then(|mut s| {
                    s.execute(params![
                        e.etype,
                        e.cameo,
                        e.plover,
                        e.goldstein,
                        source,
                        target,
                        status,
                        date.map(|d| &d.value),
                        date.map(|d| &d.start),
                        date.map(|d| &d.end),
                        date.and_then(|d| d.timex.as_ref()),
                        date.and_then(|d| d.raw.as_ref()),
                        date.map(|d| d.how.as_str()),
                        ekey
                    ])
                })
                .ctx(p, "inserting events")?;
                events_new += 1;
                c.last_insert_rowid()
            }
        };
        c.prepare_cached(
            "INSERT INTO event_mentions (event_id, article_id, sentence_id, start, \"end\", trigger, \
             status, date_value, date_start, date_end, date_timex, date_raw, date_how) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )
        .and_then(|mut s| {
            s.execute(params![
                event_id,
                article_id,
                sentence,
                int(e.start),
                int(e.end),
                e.trigger,
                status,
                date.map(|d| &d.value),
                date.map(|d| &d.start),
                date.map(|d| &d.end),
                date.and_then(|d| d.timex.as_ref()),
                date.and_then(|d| d.raw.as_ref()),
                date.map(|d| d.how.as_str()),
            ])
        })
        .ctx(p, "inserting event evidence")?;
        if existing.is_some() {
            // Once per event at the end: an article repeating one event thousands of times
            // would otherwise re-read its growing evidence after every report.
            if !to_refresh.contains(&event_id) {
                to_refresh.push(event_id);
            }
        }
    }
    for id in to_refresh {
        refresh_event(c, p, id)?;
    }

    Ok(IngestOutcome::New {
        article: article_id,
        actors_new,
        events_new,
        events: ex.events.len(),
        mentions: ex.mentions.len(),
    })
}

/// Reads one column of integers.
fn ids(c: &Connection, p: &str, sql: &str, arg: i64, what: &str) -> Result<Vec<i64>, StoreError> {
    c.prepare_cached(sql)
        .and_then(|mut s| {
            s.query_map([arg], |r| r.get(0))
                .and_then(|rows| rows.collect())
        })
        .ctx(p, what)
}

/// Deletes article `id` and everything hanging off it, inside the caller's transaction (see
/// [`Store::remove_article`]).
fn delete_article(c: &Connection, p: &str, id: i64) -> Result<Removal, StoreError> {
    let (source_id, title): (String, Option<String>) = c
        .query_row(
            "SELECT source_id, title FROM articles WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ctx(p, "reading the article")?;
    let events = ids(
        c,
        p,
        "SELECT DISTINCT event_id FROM event_mentions WHERE article_id = ?1 ORDER BY event_id",
        id,
        "reading the article's events",
    )?;
    let mut actors: BTreeSet<i64> = ids(
        c,
        p,
        "SELECT DISTINCT actor_id FROM mentions WHERE article_id = ?1",
        id,
        "reading the article's actors",
    )?
    .into_iter()
    .collect();
    for &e in &events {
        let (s, t): (i64, Option<i64>) = c
            .query_row(
                "SELECT source_id, target_id FROM events WHERE id = ?1",
                [e],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ctx(p, "reading the article's events")?;
        actors.insert(s);
        actors.extend(t);
    }
    let uses: Vec<(i64, String)> = c
        .prepare("SELECT actor_id, alias_norm FROM alias_uses WHERE article_id = ?1")
        .and_then(|mut s| {
            s.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect())
        })
        .ctx(p, "reading the article's aliases")?;

    let del =
        |sql: &str, what: &str| -> Result<usize, StoreError> { c.execute(sql, [id]).ctx(p, what) };
    let event_mentions = del(
        "DELETE FROM event_mentions WHERE article_id = ?1",
        "deleting event mentions",
    )?;
    let mentions = del(
        "DELETE FROM mentions WHERE article_id = ?1",
        "deleting mentions",
    )?;
    del(
        "DELETE FROM alias_uses WHERE article_id = ?1",
        "deleting alias uses",
    )?;
    let sentences = del(
        "DELETE FROM sentences WHERE article_id = ?1",
        "deleting sentences",
    )?;
    del("DELETE FROM articles WHERE id = ?1", "deleting the article")?;

    let (mut aliases_deleted, mut aliases_decremented) = (0, 0);
    for (actor, norm) in &uses {
        c.execute(
            "UPDATE aliases SET count = count - 1 WHERE actor_id = ?1 AND alias_norm = ?2",
            params![actor, norm],
        )
        .ctx(p, "decrementing alias counts")?;
        let gone = c
            .execute(
                "DELETE FROM aliases WHERE actor_id = ?1 AND alias_norm = ?2 AND count <= 0 AND manual = 0",
                params![actor, norm],
            )
            .ctx(p, "deleting unused aliases")?;
        if gone > 0 {
            aliases_deleted += 1;
        } else {
            aliases_decremented += 1;
        }
    }

    let (mut events_deleted, mut events_kept) = (Vec::new(), Vec::new());
    for e in events {
        if refresh_event(c, p, e)? {
            events_kept.push(e);
        } else {
            events_deleted.push(e);
        }
    }
    let mut actors_deleted = Vec::new();
    let mut actors_kept = 0;
    for a in actors {
        let (name, used): (String, bool) = c
            .query_row(
                "SELECT name, EXISTS (SELECT 1 FROM mentions WHERE actor_id = ?1) \
                 OR EXISTS (SELECT 1 FROM events WHERE source_id = ?1 OR target_id = ?1) \
                 FROM actors WHERE id = ?1",
                [a],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ctx(p, "checking actors")?;
        if used {
            actors_kept += 1;
        } else {
            c.execute("DELETE FROM actors WHERE id = ?1", [a])
                .ctx(p, "deleting actors")?;
            actors_deleted.push(name);
        }
    }
    Ok(Removal {
        article: id,
        source_id,
        title,
        sentences,
        mentions,
        event_mentions,
        events_deleted,
        events_kept,
        actors_deleted,
        actors_kept,
        aliases_deleted,
        aliases_decremented,
    })
}

/// The event of identity class `ekey` that a report dated `date` (first and last day,
/// inclusive) belongs to, if any: a dated report joins an event whose interval overlaps it
/// (the narrowest such event, then the oldest), an undated report joins an undated event.
/// `exclude` leaves one event out (the one being compared with the others). `report` is
/// the joining report's status and how its date was chosen, when known: a plan dated only
/// by the publication day ("would visit soon") and an event that happened do not join,
/// in either direction, since the plan's day is a guess (the visit may never have come).
fn matching_event(
    c: &Connection,
    p: &str,
    ekey: &str,
    date: Option<(&str, &str)>,
    exclude: Option<i64>,
    report: Option<(&str, Option<&str>)>,
) -> Result<Option<i64>, StoreError> {
    type Row = (i64, Option<String>, Option<String>, String, Option<String>);
    let rows: Vec<Row> = c
        .prepare_cached(
            "SELECT id, date_start, date_end, status, date_how FROM events WHERE ekey = ?1 ORDER BY id",
        )
        .and_then(|mut s| {
            s.query_map([ekey], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .and_then(|rows| rows.collect())
        })
        .ctx(p, "looking up events")?;
    let guessed_plan =
        |status: &str, how: Option<&str>| status == "planned" && how == Some("publication");
    let best = rows
        .into_iter()
        .filter(|(id, _, _, _, _)| Some(*id) != exclude)
        .filter(|(_, _, _, status, how)| match report {
            Some((rs, rhow)) => {
                !(guessed_plan(rs, rhow) && status == "occurred"
                    || rs == "occurred" && guessed_plan(status, how.as_deref()))
            }
            None => true,
        })
        .map(|(id, s, e, _, _)| (id, s, e))
        .filter_map(|(id, s, e)| match (date, s, e) {
            (None, None, _) | (None, _, None) => Some((0, id)),
            (Some((start, end)), Some(s), Some(e)) if s.as_str() <= end && start <= e.as_str() => {
                Some((span_days(&s, &e), id))
            }
            _ => None,
        })
        .min();
    Ok(best.map(|(_, id)| id))
}

/// Joins into event `id` every other event of its identity class whose date overlaps it
/// (their mentions move to `id`), until none is left; used after an event's participants or
/// dates change.
fn absorb_duplicates(c: &Connection, p: &str, id: i64) -> Result<(), StoreError> {
    loop {
        let row: Option<(String, Option<String>, Option<String>)> = c
            .query_row(
                "SELECT ekey, date_start, date_end FROM events WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .ctx(p, "reading events")?;
        let Some((ekey, start, end)) = row else {
            return Ok(());
        };
        let date = match (&start, &end) {
            (Some(s), Some(e)) => Some((s.as_str(), e.as_str())),
            _ => None,
        };
        let Some(other) = matching_event(c, p, &ekey, date, Some(id), None)? else {
            return Ok(());
        };
        c.execute(
            "UPDATE event_mentions SET event_id = ?1 WHERE event_id = ?2",
            [id, other],
        )
        .ctx(p, "joining events")?;
        c.execute("DELETE FROM events WHERE id = ?1", [other])
            .ctx(p, "joining events")?;
        refresh_event(c, p, id)?;
    }
}

/// Brings event `id` in line with its mentions, and returns whether it still exists: deleted
/// when no mention is left; otherwise its status is the strongest of its mentions' (occurred,
/// planned, uncertain, negated), its date that of the mention with the narrowest interval
/// among those with that status (then explicit before inherited before publication dates, then
/// the first stored), and its identity class is recomputed from type, participants (ordered
/// for symmetric types) and status.
fn refresh_event(c: &Connection, p: &str, id: i64) -> Result<bool, StoreError> {
    type Row = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let mentions: Vec<Row> = c
        .prepare_cached(
            "SELECT status, date_value, date_start, date_end, date_timex, date_raw, date_how \
             FROM event_mentions WHERE event_id = ?1 ORDER BY id",
        )
        .and_then(|mut s| {
            s.query_map([id], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .and_then(|rows| rows.collect())
        })
        .ctx(p, "reading event mentions")?;
    let Some(status) = mentions
        .iter()
        .map(|m| m.0.as_str())
        .min_by_key(|s| status_rank(s))
        .map(str::to_string)
    else {
        c.execute("DELETE FROM events WHERE id = ?1", [id])
            .ctx(p, "deleting events")?;
        return Ok(false);
    };
    let dated = |m: &&Row| m.2.is_some() && m.3.is_some();
    let rank = |m: &&Row| {
        (
            span_days(m.2.as_deref().unwrap_or(""), m.3.as_deref().unwrap_or("")),
            how_rank(m.6.as_deref()),
        )
    };
    let date = mentions
        .iter()
        .filter(|m| m.0 == status)
        .filter(dated)
        .min_by_key(rank)
        .or_else(|| mentions.iter().filter(dated).min_by_key(rank));
    let (etype, source, target): (String, i64, Option<i64>) = c
        .query_row(
            "SELECT etype, source_id, target_id FROM events WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .ctx(p, "reading events")?;
    let ekey = symmetric_event_key(&etype, source, target, &status);
    let none = None::<String>;
    let d = date.map_or((&none, &none, &none, &none, &none, &none), |m| {
        (&m.1, &m.2, &m.3, &m.4, &m.5, &m.6)
    });
    c.prepare_cached(
        "UPDATE events SET status = ?2, source_id = ?3, target_id = ?4, date_value = ?5, \
         date_start = ?6, date_end = ?7, date_timex = ?8, date_raw = ?9, date_how = ?10, \
         ekey = ?11 WHERE id = ?1",
    )
    .and_then(|mut s| {
        s.execute(params![
            id, status, source, target, d.0, d.1, d.2, d.3, d.4, d.5, ekey
        ])
    })
    .ctx(p, "updating events")?;
    Ok(true)
}

/// An actor's identity key and display name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Identity {
    key: String,
    name: String,
}

/// Reads actor `id`'s identity; [`StoreError::NoSuchActor`] if there is none.
fn actor_identity(c: &Connection, p: &str, id: i64) -> Result<Identity, StoreError> {
    c.query_row("SELECT key, name FROM actors WHERE id = ?1", [id], |r| {
        Ok(Identity {
            key: r.get(0)?,
            name: r.get(1)?,
        })
    })
    .optional()
    .ctx(p, "reading actors")?
    .ok_or(StoreError::NoSuchActor(id))
}

/// Stores a correction; returns its id.
fn record(
    c: &Connection,
    p: &str,
    kind: &str,
    a: &Identity,
    b: Option<&Identity>,
    alias: Option<&str>,
) -> Result<i64, StoreError> {
    let now = jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    c.execute(
        "INSERT INTO corrections (kind, a_key, a_name, b_key, b_name, alias, alias_norm, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            kind,
            a.key,
            a.name,
            b.map(|b| &b.key),
            b.map(|b| &b.name),
            alias,
            alias.map(alias_norm),
            now
        ],
    )
    .ctx(p, "storing the correction")?;
    Ok(c.last_insert_rowid())
}

/// An alias or mention text as compared by corrections: [`normalize_name`] without a
/// trailing possessive `'s`.
fn alias_norm(text: &str) -> String {
    let n = normalize_name(text);
    match n.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => stem.to_string(),
        _ => n,
    }
}

/// Warnings for joining actor `b` into actor `a` (id, display name) when they differ in
/// type or country ("Vladimir Putin #31 is of RUS, Donald Trump #2 of USA: merged all the
/// same"), for [`Store::merge`] and [`Store::add_alias`].
///
/// Errors: [`StoreError::Sql`] (with the database path `p`).
fn mismatch_warnings(
    tx: &rusqlite::Transaction,
    p: &str,
    (a, na): (i64, &str),
    (b, nb): (i64, &str),
) -> Result<Vec<String>, StoreError> {
    let describe = |id: i64| -> Result<(String, Option<String>), StoreError> {
        tx.query_row(
            "SELECT type, country FROM actors WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .ctx(p, "reading actors")
    };
    let (ta, ca) = describe(a)?;
    let (tb, cb) = describe(b)?;
    let mut warnings = Vec::new();
    if ta != tb {
        warnings.push(format!(
            "{nb} #{b} is a {tb}, {na} #{a} a {ta}: merged all the same"
        ));
    }
    if let (Some(x), Some(y)) = (&ca, &cb)
        && x != y
    {
        warnings.push(format!(
            "{nb} #{b} is of {y}, {na} #{a} of {x}: merged all the same"
        ));
    }
    Ok(warnings)
}

/// A warning when actor `a` (id, display name) is now both source and target of events
/// after a join, with their number; `None` when it is not.
///
/// Errors: [`StoreError::Sql`] (with the database path `p`).
fn loop_warning(
    tx: &rusqlite::Transaction,
    p: &str,
    a: i64,
    na: &str,
) -> Result<Option<String>, StoreError> {
    let loops: i64 = tx
        .query_row(
            "SELECT count(*) FROM events WHERE source_id = ?1 AND target_id = ?1",
            [a],
            |r| r.get(0),
        )
        .ctx(p, "reading events")?;
    Ok((loops > 0)
        .then(|| format!("{loops} event(s) now have {na} #{a} as both source and target")))
}

/// Moves everything of actor `from` to actor `to` and deletes `from`; returns (mentions moved,
/// events whose participants changed, events joined into others).
fn move_actor(
    c: &Connection,
    p: &str,
    from: i64,
    to: i64,
) -> Result<(usize, usize, usize), StoreError> {
    let mentions = c
        .execute(
            "UPDATE mentions SET actor_id = ?1 WHERE actor_id = ?2",
            [to, from],
        )
        .ctx(p, "moving mentions")?;
    c.execute(
        "INSERT INTO aliases (actor_id, alias, alias_norm, count, manual) \
         SELECT ?1, alias, alias_norm, count, manual FROM aliases WHERE actor_id = ?2 \
         ON CONFLICT (actor_id, alias_norm) DO UPDATE SET count = count + excluded.count, \
         manual = max(manual, excluded.manual)",
        [to, from],
    )
    .ctx(p, "moving aliases")?;
    c.execute(
        "UPDATE OR IGNORE alias_uses SET actor_id = ?1 WHERE actor_id = ?2",
        [to, from],
    )
    .ctx(p, "moving alias uses")?;
    // An article that used the alias for both counts once.
    c.execute(
        "UPDATE aliases SET count = (SELECT COUNT(*) FROM alias_uses u \
           WHERE u.actor_id = aliases.actor_id AND u.alias_norm = aliases.alias_norm) \
         WHERE actor_id = ?1 AND alias_norm IN (SELECT alias_norm FROM alias_uses WHERE actor_id = ?2)",
        [to, from],
    )
    .ctx(p, "recounting aliases")?;
    c.execute(
        "INSERT OR IGNORE INTO actor_roles (actor_id, role) \
         SELECT ?1, role FROM actor_roles WHERE actor_id = ?2 ORDER BY rowid",
        [to, from],
    )
    .ctx(p, "moving roles")?;
    c.execute(
        "UPDATE actors SET country = COALESCE(country, (SELECT country FROM actors WHERE id = ?2)), \
         cameo = COALESCE(cameo, (SELECT cameo FROM actors WHERE id = ?2)) WHERE id = ?1",
        [to, from],
    )
    .ctx(p, "updating actors")?;
    let events: BTreeSet<i64> = ids(
        c,
        p,
        "SELECT id FROM events WHERE source_id = ?1 OR target_id = ?1",
        from,
        "reading events",
    )?
    .into_iter()
    .collect();
    c.execute(
        "UPDATE events SET source_id = ?1 WHERE source_id = ?2",
        [to, from],
    )
    .ctx(p, "moving events")?;
    c.execute(
        "UPDATE events SET target_id = ?1 WHERE target_id = ?2",
        [to, from],
    )
    .ctx(p, "moving events")?;
    c.execute("DELETE FROM actors WHERE id = ?1", [from])
        .ctx(p, "deleting the merged actor")?;
    let joined = settle_events(c, p, &events)?;
    Ok((mentions, events.len(), joined))
}

/// Recomputes `events` (identity class, status, date; those left without mentions are
/// deleted) and joins each with any event it now duplicates; returns how many events were
/// joined into others.
fn settle_events(c: &Connection, p: &str, events: &BTreeSet<i64>) -> Result<usize, StoreError> {
    let count_events = || -> Result<i64, StoreError> {
        c.query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))
            .ctx(p, "counting events")
    };
    let mut alive = Vec::new();
    for &e in events {
        if refresh_event(c, p, e)? {
            alive.push(e);
        }
    }
    let after_refresh = count_events()?;
    for e in alive {
        absorb_duplicates(c, p, e)?;
    }
    Ok(count(after_refresh - count_events()?))
}

/// Moves event mention `em` to the event it belongs to once participant `from` is replaced by
/// `to` (found by identity, or created); returns the events touched (old and new).
fn rehome_mention(
    c: &Connection,
    p: &str,
    em: i64,
    from: i64,
    to: i64,
) -> Result<Vec<i64>, StoreError> {
    #[allow(clippy::type_complexity)]
    let (old, etype, cameo, plover, goldstein, source, target): (
        i64,
        String,
        String,
        Option<String>,
        Option<f64>,
        i64,
        Option<i64>,
    ) = c
        .query_row(
            "SELECT e.id, e.etype, e.cameo, e.plover, e.goldstein, e.source_id, e.target_id \
             FROM event_mentions em JOIN events e ON e.id = em.event_id WHERE em.id = ?1",
            [em],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            },
        )
        .ctx(p, "reading event mentions")?;
    let (status, start, end): (String, Option<String>, Option<String>) = c
        .query_row(
            "SELECT status, date_start, date_end FROM event_mentions WHERE id = ?1",
            [em],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .ctx(p, "reading event mentions")?;
    let swap = |x: i64| if x == from { to } else { x };
    let (s, t) = (swap(source), target.map(swap));
    let ekey = symmetric_event_key(&etype, s, t, &status);
    let date = match (&start, &end) {
        (Some(a), Some(b)) => Some((a.as_str(), b.as_str())),
        _ => None,
    };
    let new = match matching_event(c, p, &ekey, date, Some(old), None)? {
        Some(id) => id,
        None => {
            c.execute(
                "INSERT INTO events (etype, cameo, plover, goldstein, source_id, target_id, status, ekey) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![etype, cameo, plover, goldstein, s, t, status, ekey],
            )
            .ctx(p, "inserting events")?;
            c.last_insert_rowid()
        }
    };
    c.execute(
        "UPDATE event_mentions SET event_id = ?1 WHERE id = ?2",
        [new, em],
    )
    .ctx(p, "moving event mentions")?;
    Ok(vec![old, new])
}

/// Deletes actor `id` when no mention and no event refers to it; returns whether it did.
fn delete_if_unused(c: &Connection, p: &str, id: i64) -> Result<bool, StoreError> {
    let n = c
        .execute(
            "DELETE FROM actors WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM mentions WHERE actor_id = ?1) \
             AND NOT EXISTS (SELECT 1 FROM events WHERE source_id = ?1 OR target_id = ?1)",
            [id],
        )
        .ctx(p, "deleting unused actors")?;
    Ok(n > 0)
}

/// Puts back the aliases added by hand (`alias` corrections) on their actors, as they are
/// again in the store after a re-ingest: an actor removed with its last article comes back
/// without them otherwise.
fn restore_manual_aliases(
    c: &Connection,
    p: &str,
    redirects: &Redirects,
) -> Result<(), StoreError> {
    let rows: Vec<(String, String, String, String)> = c
        .prepare_cached(
            "SELECT a_key, a_name, alias, alias_norm FROM corrections \
             WHERE kind = 'alias' AND alias IS NOT NULL ORDER BY id",
        )
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
                .and_then(|rows| rows.collect())
        })
        .ctx(p, "reading corrections")?;
    for (key, name, alias, norm) in rows {
        let owner = redirects.target(&key, &name);
        c.execute(
            "INSERT INTO aliases (actor_id, alias, alias_norm, count, manual) \
             SELECT id, ?2, ?3, 0, 1 FROM actors WHERE key = ?1 \
             ON CONFLICT (actor_id, alias_norm) DO UPDATE SET manual = 1",
            params![owner.key, alias, norm],
        )
        .ctx(p, "restoring aliases")?;
    }
    Ok(())
}

/// The stored corrections as consulted when an article is written: where an extracted
/// actor's key leads.
#[derive(Debug, Default)]
struct Redirects {
    /// Alias (normalised) → the actor it names.
    alias: HashMap<String, Identity>,
    /// Absorbed key → the key that absorbed it.
    merge: HashMap<String, Identity>,
    /// Split actor key → (alias as compared, the new actor).
    split: HashMap<String, Vec<(String, Identity)>>,
    /// Pairs of keys never to join, both orders.
    never: HashSet<(String, String)>,
}

impl Redirects {
    fn load(c: &Connection, p: &str) -> Result<Redirects, StoreError> {
        type Row = (
            String,
            String,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        );
        let rows: Vec<Row> = c
            .prepare_cached(
                "SELECT kind, a_key, a_name, b_key, b_name, alias_norm FROM corrections ORDER BY id",
            )
            .and_then(|mut s| {
                s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
                    .and_then(|rows| rows.collect())
            })
            .ctx(p, "reading corrections")?;
        let mut out = Redirects::default();
        for (kind, a_key, a_name, b_key, b_name, norm) in rows {
            let a = Identity {
                key: a_key,
                name: a_name,
            };
            match (kind.as_str(), b_key, b_name, norm) {
                ("merge", Some(bk), _, _) => {
                    out.merge.insert(bk, a);
                }
                ("split", Some(bk), Some(bn), Some(n)) => {
                    out.split
                        .entry(a.key)
                        .or_default()
                        .push((n, Identity { key: bk, name: bn }));
                }
                ("alias", _, _, Some(n)) => {
                    out.alias.insert(n, a);
                }
                ("never-merge", Some(bk), _, _) => {
                    out.never.insert((a.key.clone(), bk.clone()));
                    out.never.insert((bk, a.key));
                }
                _ => {}
            }
        }
        Ok(out)
    }

    fn is_empty(&self) -> bool {
        self.alias.is_empty() && self.merge.is_empty() && self.split.is_empty()
    }

    fn kept_apart(&self, a: &str, b: &str) -> bool {
        self.never.contains(&(a.to_string(), b.to_string()))
    }

    /// Where an extracted actor goes: an alias decision for its name (unless never-merge
    /// forbids), then merges, followed to the end.
    fn target(&self, key: &str, name: &str) -> Identity {
        let mut cur = Identity {
            key: key.to_string(),
            name: name.to_string(),
        };
        if let Some(a) = self.alias.get(&normalize_name(name))
            && a.key != cur.key
            && !self.kept_apart(&cur.key, &a.key)
        {
            cur = a.clone();
        }
        for _ in 0..64 {
            match self.merge.get(&cur.key) {
                Some(next) if next.key != cur.key => cur = next.clone(),
                _ => break,
            }
        }
        cur
    }

    /// The extraction with the corrections applied: actors re-keyed by [`Redirects::target`],
    /// mentions of split aliases (and the events of sentences naming the actor only that way)
    /// moved to the split-off actors, actors that end up with one key joined, and actors left
    /// with nothing dropped.
    fn apply(&self, ex: &ArticleExtraction) -> ArticleExtraction {
        let mut out = ex.clone();
        for rec in &mut out.actors {
            let t = self.target(&rec.key, &rec.name);
            if t.key != rec.key {
                rec.key = t.key;
                rec.name = t.name;
            }
        }
        let original_actor: Vec<usize> = out.mentions.iter().map(|m| m.actor).collect();
        let n = out.actors.len();
        for i in 0..n {
            let Some(splits) = self.split.get(&out.actors[i].key) else {
                continue;
            };
            let mut made: HashMap<usize, usize> = HashMap::new();
            for (mi, &orig) in original_actor.iter().enumerate() {
                if orig != i {
                    continue;
                }
                let norm = alias_norm(&out.mentions[mi].text);
                let Some(si) = splits.iter().position(|(a, _)| *a == norm) else {
                    continue;
                };
                let idx = match made.get(&si) {
                    Some(&idx) => idx,
                    None => {
                        let base = &out.actors[i];
                        let rec = ActorRec {
                            key: splits[si].1.key.clone(),
                            name: splits[si].1.name.clone(),
                            kind: base.kind,
                            country: base.country.clone(),
                            cameo: base.cameo.clone(),
                            roles: Vec::new(),
                            aliases: Vec::new(),
                        };
                        out.actors.push(rec);
                        made.insert(si, out.actors.len() - 1);
                        out.actors.len() - 1
                    }
                };
                out.mentions[mi].actor = idx;
            }
            if made.is_empty() {
                continue;
            }
            // Aliases follow their mentions.
            let aliases = std::mem::take(&mut out.actors[i].aliases);
            for alias in aliases {
                let norm = alias_norm(&alias);
                match splits
                    .iter()
                    .position(|(a, _)| *a == norm)
                    .and_then(|si| made.get(&si))
                {
                    Some(&idx) => out.actors[idx].aliases.push(alias),
                    None => out.actors[i].aliases.push(alias),
                }
            }
            // An event whose sentence names the actor only by one split alias goes with it.
            for ei in 0..out.events.len() {
                let sentence = out.events[ei].sentence;
                let now: BTreeSet<usize> = out
                    .mentions
                    .iter()
                    .zip(&original_actor)
                    .filter(|(m, orig)| **orig == i && m.sentence == sentence)
                    .map(|(m, _)| m.actor)
                    .collect();
                if now.len() != 1 {
                    continue;
                }
                let Some(&to) = now.iter().next() else {
                    continue;
                };
                if to == i {
                    continue;
                }
                let e = &mut out.events[ei];
                if e.source == i {
                    e.source = to;
                }
                if e.target == Some(i) {
                    e.target = Some(to);
                }
            }
        }
        // Join actors that now share a key; drop those a split left without anything.
        let used: HashSet<usize> = out
            .mentions
            .iter()
            .map(|m| m.actor)
            .chain(
                out.events
                    .iter()
                    .flat_map(|e| std::iter::once(e.source).chain(e.target)),
            )
            .collect();
        let used_before: HashSet<usize> = ex
            .mentions
            .iter()
            .map(|m| m.actor)
            .chain(
                ex.events
                    .iter()
                    .flat_map(|e| std::iter::once(e.source).chain(e.target)),
            )
            .collect();
        let mut kept: Vec<ActorRec> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        let mut map: Vec<usize> = Vec::with_capacity(out.actors.len());
        for (i, rec) in out.actors.iter().enumerate() {
            if !used.contains(&i) && used_before.contains(&i) {
                map.push(usize::MAX);
                continue;
            }
            match by_key.get(&rec.key) {
                Some(&k) => {
                    let into = &mut kept[k];
                    for a in &rec.aliases {
                        if !into.aliases.contains(a) {
                            into.aliases.push(a.clone());
                        }
                    }
                    for r in &rec.roles {
                        if !into.roles.contains(r) {
                            into.roles.push(r.clone());
                        }
                    }
                    if into.country.is_none() {
                        into.country = rec.country.clone();
                    }
                    if into.cameo.is_none() {
                        into.cameo = rec.cameo.clone();
                    }
                    map.push(k);
                }
                None => {
                    by_key.insert(rec.key.clone(), kept.len());
                    map.push(kept.len());
                    kept.push(rec.clone());
                }
            }
        }
        // Indices out of range stay out of range (the writer reports them).
        let remap = |i: usize| map.get(i).copied().unwrap_or(usize::MAX - 1);
        for m in &mut out.mentions {
            m.actor = remap(m.actor);
        }
        for e in &mut out.events {
            e.source = remap(e.source);
            e.target = e.target.map(remap);
        }
        out.actors = kept;
        out
    }
}

/// Finds or creates the actor for `rec`; returns its id and whether it was created.
fn upsert_actor(
    c: &Connection,
    p: &str,
    rec: &ActorRec,
    article_id: i64,
) -> Result<(i64, bool), StoreError> {
    let existing: Option<i64> = c
        .prepare_cached("SELECT id FROM actors WHERE key = ?1")
        .and_then(|mut s| s.query_row([&rec.key], |r| r.get(0)).optional())
        .ctx(p, "looking up actors")?;
    let (id, new) = match existing {
        Some(id) => {
            // Fill in what an earlier article did not know.
            c.prepare_cached(
                "UPDATE actors SET country = COALESCE(country, ?2), cameo = COALESCE(cameo, ?3) WHERE id = ?1",
            )
            .and_then(|mut s| s.execute(params![id, rec.country, rec.cameo]))
            .ctx(p, "updating actors")?;
            (id, false)
        }
        None => {
            c.prepare_cached(
                "INSERT INTO actors (key, name, type, country, cameo) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    rec.key,
                    rec.name,
                    rec.kind.as_str(),
                    rec.country,
                    rec.cameo
                ])
            })
            .ctx(p, "inserting actors")?;
            (c.last_insert_rowid(), true)
        }
    };
    for role in &rec.roles {
        let role = role.trim();
        if role.is_empty() {
            continue;
        }
        c.prepare_cached("INSERT OR IGNORE INTO actor_roles (actor_id, role) VALUES (?1, ?2)")
            .and_then(|mut s| s.execute(params![id, role]))
            .ctx(p, "inserting roles")?;
    }
    // Each distinct alias counts once per article.
    let mut seen = BTreeSet::new();
    for alias in &rec.aliases {
        let norm = normalize_name(alias);
        if norm.is_empty() || !seen.insert(norm.clone()) {
            continue;
        }
        c.prepare_cached(
            "INSERT INTO aliases (actor_id, alias, alias_norm, count) VALUES (?1, ?2, ?3, 1) \
             ON CONFLICT (actor_id, alias_norm) DO UPDATE SET count = count + 1",
        )
        .and_then(|mut s| s.execute(params![id, alias.trim(), norm]))
        .ctx(p, "inserting aliases")?;
        c.prepare_cached(
            "INSERT OR IGNORE INTO alias_uses (article_id, actor_id, alias_norm) VALUES (?1, ?2, ?3)",
        )
        .and_then(|mut s| s.execute(params![article_id, id, norm]))
        .ctx(p, "recording alias uses")?;
    }
    Ok((id, new))
}

/// Hand-made extractions shared by the tests of `store`, `graph` and `export` (invented names
/// and text, no real articles).
#[cfg(test)]
pub(crate) mod fixtures {
    use super::Store;
    use crate::model::{
        ActorRec, ActorType, Article, ArticleExtraction, DateSource, EventDate, EventRec,
        MentionRec, SentenceRec, Status,
    };

    /// Builds an [`ArticleExtraction`] from sentences, locating spans by substring.
    pub(crate) struct Doc {
        pub(crate) ex: ArticleExtraction,
    }

    impl Doc {
        pub(crate) fn new(
            source_id: &str,
            url: Option<&str>,
            published: &str,
            sentences: &[&str],
        ) -> Doc {
            let mut text = String::new();
            let mut recs = Vec::new();
            for (i, s) in sentences.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                let start = text.len();
                text.push_str(s);
                recs.push(SentenceRec {
                    start,
                    end: text.len(),
                    text: s.to_string(),
                });
            }
            let content_hash = format!("hash:{source_id}:{}", text.len());
            Doc {
                ex: ArticleExtraction {
                    article: Article {
                        source_id: source_id.to_string(),
                        source_id_is_id: !source_id.contains('/') && !source_id.contains('#'),
                        title: Some(format!("Title of {source_id}")),
                        published: Some(published.to_string()),
                        url: url.map(str::to_string),
                        outlet: Some("Test Wire".into()),
                        text,
                        content_hash,
                    },
                    sentences: recs,
                    actors: vec![],
                    mentions: vec![],
                    events: vec![],
                    warnings: vec![],
                },
            }
        }

        pub(crate) fn actor(
            &mut self,
            key: &str,
            name: &str,
            kind: ActorType,
            country: Option<&str>,
            roles: &[&str],
            aliases: &[&str],
        ) -> usize {
            self.ex.actors.push(ActorRec {
                key: key.into(),
                name: name.into(),
                kind,
                country: country.map(str::to_string),
                cameo: country.map(|c| format!("{c}GOV")),
                roles: roles.iter().map(|r| r.to_string()).collect(),
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
            });
            self.ex.actors.len() - 1
        }

        fn span(&self, sentence: usize, needle: &str) -> (usize, usize) {
            let s = &self.ex.sentences[sentence];
            let at = s
                .text
                .find(needle)
                .unwrap_or_else(|| panic!("{needle:?} not in {:?}", s.text));
            (s.start + at, s.start + at + needle.len())
        }

        pub(crate) fn mention(&mut self, actor: usize, sentence: usize, needle: &str) {
            let (start, end) = self.span(sentence, needle);
            self.ex.mentions.push(MentionRec {
                actor,
                sentence,
                start,
                end,
                text: needle.into(),
            });
        }

        #[allow(clippy::too_many_arguments)]
        pub(crate) fn event(
            &mut self,
            etype: &str,
            cameo: &str,
            source: usize,
            target: Option<usize>,
            status: Status,
            date: Option<EventDate>,
            sentence: usize,
            trigger: &str,
        ) {
            let (start, end) = self.span(sentence, trigger);
            self.ex.events.push(EventRec {
                etype: etype.into(),
                cameo: cameo.into(),
                plover: Some("CONSULT".into()),
                goldstein: Some(1.0),
                source,
                target,
                status,
                date,
                sentence,
                start,
                end,
                trigger: trigger.into(),
            });
        }
    }

    /// An event date; `value` is the export form, `start`/`end` the interval.
    pub(crate) fn date(
        value: &str,
        start: &str,
        end: &str,
        raw: Option<&str>,
        how: DateSource,
    ) -> EventDate {
        EventDate {
            value: value.into(),
            timex: Some(value.into()),
            raw: raw.map(str::to_string),
            start: start.into(),
            end: end.into(),
            how,
        }
    }

    fn day(d: &str, raw: Option<&str>, how: DateSource) -> Option<EventDate> {
        Some(date(d, d, d, raw, how))
    }

    /// Article A: Brandt meets Kask (3 March 2025), Brandt plans to visit Veldora (April 2025),
    /// Kask did not meet the Ruvian envoy.
    pub(crate) fn article_a() -> ArticleExtraction {
        let mut d = Doc::new(
            "test-a",
            Some("https://example.test/a"),
            "2025-03-04",
            &[
                "Chancellor Alva Brandt met President Oren Kask in Tarsk on Monday.",
                "Brandt will visit Veldora in April.",
                "Kask did not meet the Ruvian envoy.",
            ],
        );
        let brandt = d.actor(
            "person:alva_brandt",
            "Alva Brandt",
            ActorType::Person,
            Some("ALD"),
            &["chancellor"],
            &["Alva Brandt", "Brandt"],
        );
        let kask = d.actor(
            "person:oren_kask",
            "Oren Kask",
            ActorType::Person,
            Some("VEL"),
            &["president"],
            &["Oren Kask", "Kask"],
        );
        let veldora = d.actor(
            "VEL",
            "Veldora",
            ActorType::Country,
            Some("VEL"),
            &[],
            &["Veldora"],
        );
        let ruvia = d.actor(
            "RUV",
            "Ruvia",
            ActorType::Country,
            Some("RUV"),
            &[],
            &["Ruvian"],
        );
        d.mention(brandt, 0, "Alva Brandt");
        d.mention(kask, 0, "Oren Kask");
        d.mention(brandt, 1, "Brandt");
        d.mention(veldora, 1, "Veldora");
        d.mention(kask, 2, "Kask");
        d.mention(ruvia, 2, "Ruvian");
        d.event(
            "meet",
            "040",
            brandt,
            Some(kask),
            Status::Occurred,
            day("2025-03-03", Some("Monday"), DateSource::Explicit),
            0,
            "met",
        );
        d.event(
            "visit",
            "042",
            brandt,
            Some(veldora),
            Status::Planned,
            Some(date(
                "2025-04",
                "2025-04-01",
                "2025-04-30",
                Some("in April"),
                DateSource::Explicit,
            )),
            1,
            "visit",
        );
        d.event(
            "meet",
            "040",
            kask,
            Some(ruvia),
            Status::Negated,
            day("2025-03-04", None, DateSource::Publication),
            2,
            "meet",
        );
        d.ex
    }

    /// Article B: the same meeting told the other way round, and Ruvia criticises Veldora.
    pub(crate) fn article_b() -> ArticleExtraction {
        let mut d = Doc::new(
            "test-b",
            Some("https://example.test/b"),
            "2025-03-04",
            &[
                "President Oren Kask and Chancellor Alva Brandt met on Monday, officials said.",
                "Ruvia criticised Veldora.",
            ],
        );
        let kask = d.actor(
            "person:oren_kask",
            "Oren Kask",
            ActorType::Person,
            Some("VEL"),
            &["president", "head of state"],
            &["Oren Kask", "President Oren Kask"],
        );
        let brandt = d.actor(
            "person:alva_brandt",
            "Alva Brandt",
            ActorType::Person,
            Some("ALD"),
            &["chancellor"],
            &["Alva Brandt"],
        );
        let ruvia = d.actor(
            "RUV",
            "Ruvia",
            ActorType::Country,
            Some("RUV"),
            &[],
            &["Ruvia"],
        );
        let veldora = d.actor(
            "VEL",
            "Veldora",
            ActorType::Country,
            Some("VEL"),
            &[],
            &["Veldora"],
        );
        d.mention(kask, 0, "Oren Kask");
        d.mention(brandt, 0, "Alva Brandt");
        d.mention(ruvia, 1, "Ruvia");
        d.mention(veldora, 1, "Veldora");
        d.event(
            "meet",
            "040",
            kask,
            Some(brandt),
            Status::Occurred,
            day("2025-03-03", Some("Monday"), DateSource::Explicit),
            0,
            "met",
        );
        d.event(
            "criticize",
            "111",
            ruvia,
            Some(veldora),
            Status::Occurred,
            day("2025-03-04", None, DateSource::Publication),
            1,
            "criticised",
        );
        d.ex
    }

    /// Article C (a JSON Lines record, no URL): Brandt praises Veldora; a second Brandt appears.
    pub(crate) fn article_c() -> ArticleExtraction {
        let mut d = Doc::new(
            "feed.jsonl#L7",
            None,
            "2025-03-06",
            &[
                "Alva Brandt praised Veldora\u{2019}s reforms on Wednesday.",
                "Ida Brandt, a poet, declined to comment.",
            ],
        );
        let brandt = d.actor(
            "person:alva_brandt",
            "Alva Brandt",
            ActorType::Person,
            None,
            &[],
            &["Alva Brandt"],
        );
        let veldora = d.actor(
            "VEL",
            "Veldora",
            ActorType::Country,
            Some("VEL"),
            &[],
            &["Veldora", "Veldora\u{2019}s"],
        );
        let ida = d.actor(
            "person:ida_brandt",
            "Ida Brandt",
            ActorType::Person,
            None,
            &["poet"],
            &["Ida Brandt", "Brandt"],
        );
        d.mention(brandt, 0, "Alva Brandt");
        d.mention(veldora, 0, "Veldora");
        d.mention(ida, 1, "Ida Brandt");
        d.event(
            "praise",
            "051",
            brandt,
            Some(veldora),
            Status::Occurred,
            day("2025-03-05", Some("Wednesday"), DateSource::Explicit),
            0,
            "praised",
        );
        d.ex
    }

    /// Resolves a name that the test knows to be unambiguous.
    pub(crate) fn id_of(store: &Store, name: &str) -> i64 {
        store.resolve_actor(name).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{article_a, article_b, article_c, id_of};
    use super::*;

    const TABLES: &[&str] = &[
        "articles",
        "sentences",
        "actors",
        "actor_roles",
        "aliases",
        "mentions",
        "events",
        "event_mentions",
    ];

    fn counts(store: &Store) -> Vec<(&'static str, i64)> {
        TABLES
            .iter()
            .map(|t| {
                let n: i64 = store
                    .conn
                    .query_row(&format!("SELECT COUNT(*) FROM {t}"), [], |r| r.get(0))
                    .unwrap();
                (*t, n)
            })
            .collect()
    }

    fn all(ex: &[ArticleExtraction]) -> Store {
        let mut store = Store::open_in_memory().unwrap();
        for e in ex {
            assert!(matches!(
                store.ingest(e).unwrap(),
                IngestOutcome::New { .. }
            ));
        }
        store
    }

    #[test]
    fn ingest_then_duplicate_changes_nothing() {
        let mut store = Store::open_in_memory().unwrap();
        let a = article_a();
        let out = store.ingest(&a).unwrap();
        assert_eq!(
            out,
            IngestOutcome::New {
                article: 1,
                actors_new: 4,
                events_new: 3,
                events: 3,
                mentions: 6
            }
        );
        let before = counts(&store);
        assert_eq!(
            store.ingest(&a).unwrap(),
            IngestOutcome::Duplicate {
                existing_article: 1,
                matched: DuplicateBy::Text
            }
        );
        // Same URL, different text.
        let mut b = a.clone();
        b.article.content_hash = "other".into();
        b.article.source_id = "elsewhere".into();
        assert_eq!(
            store.ingest(&b).unwrap(),
            IngestOutcome::Duplicate {
                existing_article: 1,
                matched: DuplicateBy::Url
            }
        );
        // Same source id, no URL, different text.
        let mut c = a.clone();
        c.article.content_hash = "other".into();
        c.article.url = None;
        assert_eq!(
            store.ingest(&c).unwrap(),
            IngestOutcome::Duplicate {
                existing_article: 1,
                matched: DuplicateBy::Id
            }
        );
        assert_eq!(counts(&store), before);
        // A line reference is not an identity key: same `#L7`, other content → new article.
        let first = article_c();
        assert!(matches!(
            store.ingest(&first).unwrap(),
            IngestOutcome::New { .. }
        ));
        let mut other_line = article_b();
        other_line.article.source_id = first.article.source_id.clone();
        other_line.article.url = None;
        assert!(matches!(
            store.ingest(&other_line).unwrap(),
            IngestOutcome::New { .. }
        ));
    }

    #[test]
    fn same_event_in_two_articles_is_one_event() {
        let mut store = Store::open_in_memory().unwrap();
        store.ingest(&article_a()).unwrap();
        let out = store.ingest(&article_b()).unwrap();
        assert_eq!(
            out,
            IngestOutcome::New {
                article: 2,
                actors_new: 0,
                events_new: 1,
                events: 2,
                mentions: 4
            }
        );
        let meets: Vec<(i64, i64, i64)> = store
            .conn
            .prepare("SELECT e.id, e.source_id, (SELECT COUNT(*) FROM event_mentions em WHERE em.event_id = e.id) FROM events e WHERE etype = 'meet' AND status = 'occurred'")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let brandt = id_of(&store, "Alva Brandt");
        assert_eq!(meets.len(), 1);
        assert_eq!(
            meets[0].1, brandt,
            "symmetric: the first report's direction"
        );
        assert_eq!(meets[0].2, 2);
        let rows = store
            .events(&EventFilter {
                types: vec!["meet".into()],
                statuses: vec!["occurred".into()],
                ..Default::default()
            })
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].sources, 2);
        assert_eq!(rows[0].mentions, 2);
        assert_eq!(
            rows[0].articles,
            vec!["test-a".to_string(), "test-b".to_string()]
        );
        assert!(
            rows[0]
                .first_evidence
                .starts_with("Chancellor Alva Brandt met")
        );
        assert_eq!(rows[0].date.as_deref(), Some("2025-03-03"));
    }

    #[test]
    fn actors_merge_and_aliases_accumulate() {
        let store = all(&[article_a(), article_b(), article_c()]);
        assert_eq!(counts(&store)[2], ("actors", 5));
        let kask = store.actor_profile(id_of(&store, "Oren Kask")).unwrap();
        assert_eq!(
            kask.roles,
            vec!["president".to_string(), "head of state".to_string()]
        );
        assert_eq!(
            kask.aliases,
            vec![
                ("Oren Kask".to_string(), 2),
                ("Kask".to_string(), 1),
                ("President Oren Kask".to_string(), 1)
            ]
        );
        assert_eq!(
            kask.articles
                .iter()
                .map(|a| (a.id, a.source_id.as_str(), a.published.as_deref()))
                .collect::<Vec<_>>(),
            vec![
                (1, "test-a", Some("2025-03-04")),
                (2, "test-b", Some("2025-03-04"))
            ]
        );
        assert_eq!(kask.articles[0].title.as_deref(), Some("Title of test-a"));
        assert_eq!(kask.key, "person:oren_kask");
        assert_eq!(kask.summary.mentions, 3);
        assert_eq!(kask.summary.events, 2); // the meeting and the negated meeting
        let brandt = store.actor_profile(id_of(&store, "Alva Brandt")).unwrap();
        assert_eq!(brandt.aliases[0], ("Alva Brandt".to_string(), 3));
        // Article C had no country for Brandt: the known one is kept.
        assert_eq!(brandt.summary.country.as_deref(), Some("ALD"));
        assert_eq!(brandt.events.len(), 3);
        assert!(matches!(
            store.actor_profile(999),
            Err(StoreError::NoSuchActor(999))
        ));

        let listed = store.actors(None).unwrap();
        assert_eq!(listed[0].name, "Alva Brandt");
        assert_eq!(listed.last().map(|a| a.name.as_str()), Some("Ida Brandt"));
        let countries = store.actors(Some("country")).unwrap();
        assert_eq!(
            countries
                .iter()
                .map(|a| a.name.as_str())
                .collect::<Vec<_>>(),
            vec!["Veldora", "Ruvia"]
        );
        assert!(matches!(
            store.actors(Some("planet")),
            Err(StoreError::InvalidFilter(_))
        ));
    }

    #[test]
    fn failed_ingest_rolls_back() {
        let mut store = Store::open_in_memory().unwrap();
        let mut bad = article_b();
        bad.events[1].source = 9;
        let err = store.ingest(&bad).unwrap_err();
        assert!(matches!(err, StoreError::InvalidExtraction { .. }), "{err}");
        assert!(
            err.to_string()
                .contains("event 1 (criticize) refers to actor 9"),
            "{err}"
        );
        assert!(
            counts(&store).iter().all(|(_, n)| *n == 0),
            "{:?}",
            counts(&store)
        );

        store.ingest(&article_a()).unwrap();
        let before = counts(&store);
        let mut bad = article_b();
        bad.mentions[0].end = 10_000;
        assert!(matches!(
            store.ingest(&bad),
            Err(StoreError::InvalidExtraction { .. })
        ));
        let mut bad = article_c();
        bad.events[0].start += 1; // not a character boundary? no: still ASCII; use the apostrophe
        let apostrophe = bad.article.text.find('\u{2019}').unwrap();
        bad.mentions[1].end = apostrophe + 1;
        let err = store.ingest(&bad).unwrap_err();
        assert!(err.to_string().contains("character boundaries"), "{err}");
        assert_eq!(counts(&store), before);
        // The good one still goes in afterwards.
        assert!(matches!(
            store.ingest(&article_b()).unwrap(),
            IngestOutcome::New { .. }
        ));
    }

    #[test]
    fn file_round_trip_and_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.db");
        {
            let mut store = Store::open(&path).unwrap();
            store.ingest(&article_a()).unwrap();
            store.ingest(&article_b()).unwrap();
            let mode: String = store
                .conn
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                .unwrap();
            assert_eq!(mode, "wal");
            let fk: i64 = store
                .conn
                .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
                .unwrap();
            assert_eq!(fk, 1);
        }
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
        let stats = store.stats().unwrap();
        assert_eq!(stats.articles, 2);
        assert_eq!(stats.events, 4);
        assert_eq!(stats.event_mentions, 5);
        assert_eq!(stats.actors_by_type.get("person"), Some(&2));
        assert_eq!(stats.events_by_type.get("meet"), Some(&2));
        assert_eq!(stats.date_min.as_deref(), Some("2025-03-03"));
        assert_eq!(stats.date_max.as_deref(), Some("2025-04-30"));
        assert!(matches!(
            store.ingest(&article_b()).unwrap(),
            IngestOutcome::Duplicate {
                existing_article: 2,
                ..
            }
        ));
        let snap1 = store.snapshot().unwrap();
        drop(store);
        let snap2 = Store::open(&path).unwrap().snapshot().unwrap();
        assert_eq!(snap1, snap2);
    }

    #[test]
    fn snapshot_contents() {
        let store = all(&[article_a(), article_b(), article_c()]);
        let s = store.snapshot().unwrap();
        assert_eq!(
            s.articles.iter().map(|a| a.id).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert_eq!(s.articles[2].source_id, "feed.jsonl#L7");
        let veldora = s.actors.iter().find(|a| a.name == "Veldora").unwrap();
        assert_eq!(
            veldora.aliases,
            vec!["Veldora".to_string(), "Veldora\u{2019}s".to_string()]
        );
        let visit = s.events.iter().find(|e| e.etype == "visit").unwrap();
        assert_eq!(visit.date.as_deref(), Some("2025-04"));
        assert_eq!(visit.date_raw.as_deref(), Some("in April"));
        assert_eq!(visit.date_how.as_deref(), Some("explicit"));
        let ev = &visit.evidence[0];
        let text = article_a().article.text;
        assert_eq!(&text[ev.start..ev.end], ev.text);
        assert_eq!(&text[ev.trigger_start..ev.trigger_end], "visit");
        assert!(s.events.windows(2).all(|w| w[0].id < w[1].id));
    }

    #[test]
    fn text_file_is_not_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(
            &path,
            "These are my notes, not a database at all. ".repeat(40),
        )
        .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::NotPolgraph { .. }), "{err:?}");
        let msg = err.to_string();
        assert!(
            msg.contains("file is not a database") && msg.contains("notes.db"),
            "{msg}"
        );
        assert!(!msg.contains('\n'));
    }

    #[test]
    fn foreign_sqlite_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.db");
        {
            let c = Connection::open(&path).unwrap();
            c.execute_batch("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT);")
                .unwrap();
        }
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::NotPolgraph { .. }), "{err:?}");
        assert!(err.to_string().contains("recipes"), "{err}");
        let c = Connection::open(&path).unwrap();
        let mode: String = c
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete", "journal mode untouched");
        let n: i64 = c
            .query_row("SELECT COUNT(*) FROM sqlite_master", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 1, "no tables added");
    }

    #[test]
    fn newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("future.db");
        drop(Store::open(&path).unwrap());
        Connection::open(&path)
            .unwrap()
            .pragma_update(None, "user_version", 99)
            .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::SchemaTooNew {
                    found: 99,
                    known: SCHEMA_VERSION,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn open_errors_for_directories_and_missing_parents() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            Store::open(dir.path()),
            Err(StoreError::Open { .. })
        ));
        let missing = dir.path().join("no/such/dir/x.db");
        let err = Store::open(&missing).unwrap_err();
        assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn read_only_database_is_named_so() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ro.db");
        drop(Store::open(&path).unwrap());
        let conn = Connection::open_with_flags(
            &path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_URI,
        )
        .unwrap();
        let e = conn
            .execute("INSERT INTO articles (source_id) VALUES ('x')", [])
            .unwrap_err();
        let err = classify("ro.db", "inserting", e);
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err:?}");
        assert!(err.to_string().contains("read-only"), "{err}");
        // A read-only side file left by an earlier command is named.
        let db = path.display().to_string();
        let shm = format!("{db}-shm");
        std::fs::write(&shm, b"").unwrap();
        let mut perm = std::fs::metadata(&shm).unwrap().permissions();
        perm.set_readonly(true);
        std::fs::set_permissions(&shm, perm).unwrap();
        assert!(
            read_only_hint(&db).contains(&shm),
            "{}",
            read_only_hint(&db)
        );
        std::fs::remove_file(&shm).unwrap();
        assert!(read_only_hint(&db).contains("permissions"));
        // A read-only database file is named before its side files.
        std::fs::write(&shm, b"").unwrap();
        let mut perm = std::fs::metadata(&shm).unwrap().permissions();
        perm.set_readonly(true);
        std::fs::set_permissions(&shm, perm.clone()).unwrap();
        std::fs::set_permissions(&path, perm).unwrap();
        let hint = read_only_hint(&db);
        assert!(
            hint.contains("database file") && hint.contains(&db) && !hint.contains(&shm),
            "{hint}"
        );
    }

    #[test]
    fn locked_database_reports_locked() {
        let dir = tempfile::tempdir().unwrap();
        // A polgraph database (WAL): an exclusive writer blocks our ingest.
        let path = dir.path().join("busy.db");
        drop(Store::open(&path).unwrap());
        let mut store = Store::open_with_busy_timeout(&path, Duration::from_millis(50)).unwrap();
        let other = Connection::open(&path).unwrap();
        other.execute_batch("BEGIN EXCLUSIVE").unwrap();
        let err = store.ingest(&article_a()).unwrap_err();
        assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
        assert!(
            err.to_string()
                .ends_with("database is locked by another process; retry later")
        );
        other.execute_batch("ROLLBACK").unwrap();
        assert!(matches!(
            store.ingest(&article_a()).unwrap(),
            IngestOutcome::New { .. }
        ));

        // A new (rollback-journal) file held exclusively: even opening reports Locked.
        let path = dir.path().join("new.db");
        let other = Connection::open(&path).unwrap();
        other
            .execute_batch("BEGIN EXCLUSIVE; CREATE TABLE t (x); ")
            .unwrap();
        let err = Store::open_with_busy_timeout(&path, Duration::from_millis(50)).unwrap_err();
        assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    }

    #[test]
    fn resolve_actor_exact_ambiguous_unknown() {
        let store = all(&[article_a(), article_b(), article_c()]);
        let alva = id_of(&store, "Alva Brandt");
        assert_eq!(store.resolve_actor("alva brandt").unwrap(), alva);
        assert_eq!(store.resolve_actor("  ALVA   BRANDT ").unwrap(), alva);
        assert_eq!(store.resolve_actor(&alva.to_string()).unwrap(), alva);
        assert_eq!(store.resolve_actor(&format!("#{alva}")).unwrap(), alva);
        assert_eq!(store.resolve_actor("person:alva_brandt").unwrap(), alva);
        assert_eq!(
            store.resolve_actor("Ruvian").unwrap(),
            id_of(&store, "Ruvia")
        );
        // Curly and straight apostrophes match.
        assert_eq!(
            store.resolve_actor("veldora's").unwrap(),
            id_of(&store, "Veldora")
        );
        // An exact name beats aliases: "Veldora" is also Veldora's alias only, but "Kask" is an
        // alias only.
        assert_eq!(
            store.resolve_actor("kask").unwrap(),
            id_of(&store, "Oren Kask")
        );
        match store.resolve_actor("Brandt") {
            Err(StoreError::Ambiguous { name, candidates }) => {
                assert_eq!(name, "Brandt");
                assert_eq!(
                    candidates,
                    vec![
                        format!("Alva Brandt (person, ALD) #{alva}"),
                        format!("Ida Brandt (person, -) #{}", id_of(&store, "Ida Brandt")),
                    ]
                );
            }
            other => panic!("expected ambiguity, got {other:?}"),
        }
        let err = store.resolve_actor("Zed Nobody").unwrap_err();
        assert_eq!(
            err.to_string(),
            "no actor named \"Zed Nobody\" in the database; try `polgraph actors`"
        );
        assert!(matches!(
            store.resolve_actor("4242"),
            Err(StoreError::UnknownActor(_))
        ));
    }

    #[test]
    fn exact_name_wins_over_alias() {
        let mut store = Store::open_in_memory().unwrap();
        let mut d = super::fixtures::Doc::new("n", None, "2025-01-01", &["Mara met Mara Ives."]);
        let a = d.actor(
            "person:mara",
            "Mara",
            crate::model::ActorType::Person,
            None,
            &[],
            &["Mara"],
        );
        let b = d.actor(
            "person:mara_ives",
            "Mara Ives",
            crate::model::ActorType::Person,
            None,
            &[],
            &["Mara Ives", "Mara"],
        );
        d.mention(a, 0, "Mara");
        d.mention(b, 0, "Mara Ives");
        store.ingest(&d.ex).unwrap();
        assert_eq!(store.resolve_actor("mara").unwrap(), 1);
        assert_eq!(store.resolve_actor("Mara Ives").unwrap(), 2);
    }

    #[test]
    fn events_filters() {
        let store = all(&[article_a(), article_b(), article_c()]);
        let brandt = id_of(&store, "Alva Brandt");
        let kask = id_of(&store, "Oren Kask");
        let veldora = id_of(&store, "Veldora");
        let types = |f: EventFilter| -> Vec<String> {
            store
                .events(&f)
                .unwrap()
                .into_iter()
                .map(|e| e.etype)
                .collect()
        };
        // Everything, by date_start then id.
        assert_eq!(
            types(EventFilter::default()),
            vec!["meet", "meet", "criticize", "praise", "visit"]
        );
        assert_eq!(
            types(EventFilter {
                actor: Some(brandt),
                ..Default::default()
            }),
            vec!["meet", "praise", "visit"]
        );
        assert_eq!(
            types(EventFilter {
                actor: Some(veldora),
                with: Some(brandt),
                ..Default::default()
            }),
            vec!["praise", "visit"]
        );
        assert_eq!(
            types(EventFilter {
                actor: Some(kask),
                with: Some(brandt),
                ..Default::default()
            }),
            vec!["meet"]
        );
        assert_eq!(
            types(EventFilter {
                from: Some("2025-03-04".into()),
                ..Default::default()
            }),
            vec!["meet", "criticize", "praise", "visit"]
        );
        assert_eq!(
            types(EventFilter {
                to: Some("2025-03-04".into()),
                ..Default::default()
            }),
            vec!["meet", "meet", "criticize"]
        );
        // A month bound covers the whole month; the April visit overlaps a window ending 4/15.
        assert_eq!(
            types(EventFilter {
                from: Some("2025-04-15".into()),
                to: Some("2025".into()),
                ..Default::default()
            }),
            vec!["visit"]
        );
        assert_eq!(
            types(EventFilter {
                types: vec!["praise".into(), "visit".into()],
                ..Default::default()
            }),
            vec!["praise", "visit"]
        );
        assert_eq!(
            types(EventFilter {
                statuses: vec!["negated".into()],
                ..Default::default()
            }),
            vec!["meet"]
        );
        assert!(matches!(
            store.events(&EventFilter {
                statuses: vec!["maybe".into()],
                ..Default::default()
            }),
            Err(StoreError::InvalidFilter(_))
        ));
        assert!(matches!(
            store.events(&EventFilter {
                from: Some("2025-13".into()),
                ..Default::default()
            }),
            Err(StoreError::InvalidFilter(_))
        ));
        let row = &store
            .events(&EventFilter {
                types: vec!["visit".into()],
                ..Default::default()
            })
            .unwrap()[0];
        assert_eq!(
            row.source,
            ActorRef {
                id: brandt,
                name: "Alva Brandt".into()
            }
        );
        assert_eq!(row.target.as_ref().map(|t| t.id), Some(veldora));
        assert_eq!(row.status, "planned");
        assert_eq!(
            (row.date_start.as_deref(), row.date_end.as_deref()),
            (Some("2025-04-01"), Some("2025-04-30"))
        );
    }

    #[test]
    fn undated_events_sort_last() {
        let mut store = Store::open_in_memory().unwrap();
        let mut ex = article_a();
        ex.events[0].date = None;
        store.ingest(&ex).unwrap();
        let rows = store.events(&EventFilter::default()).unwrap();
        assert_eq!(rows.last().map(|r| r.date.is_none()), Some(true));
        let dated = store
            .events(&EventFilter {
                from: Some("2000".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(dated.len(), 2);
    }

    #[test]
    fn remove_keeps_shared_events_and_actors() {
        let mut store = all(&[article_a(), article_b(), article_c()]);
        let kask = id_of(&store, "Oren Kask");
        let r = store.remove_article("test-b").unwrap();
        assert_eq!(r.article, 2);
        assert_eq!((r.sentences, r.mentions, r.event_mentions), (2, 4, 2));
        // The meeting is also in article A; the criticism was only in B.
        assert_eq!(r.events_kept.len(), 1);
        assert_eq!(r.events_deleted.len(), 1);
        assert!(r.actors_deleted.is_empty(), "{:?}", r.actors_deleted);
        let meet = store
            .events(&EventFilter {
                types: vec!["meet".into()],
                statuses: vec!["occurred".into()],
                ..Default::default()
            })
            .unwrap();
        assert_eq!(meet.len(), 1);
        assert_eq!(meet[0].sources, 1);
        assert_eq!(meet[0].articles, vec!["test-a".to_string()]);
        assert!(
            store
                .events(&EventFilter {
                    types: vec!["criticize".into()],
                    ..Default::default()
                })
                .unwrap()
                .is_empty()
        );
        // B's aliases of Kask: "Oren Kask" back to 1, "President Oren Kask" gone.
        let p = store.actor_profile(kask).unwrap();
        assert_eq!(
            p.aliases,
            vec![("Kask".to_string(), 1), ("Oren Kask".to_string(), 1)]
        );
        // Removing A too leaves Alva Brandt (article C) and Veldora, drops Kask and Ruvia.
        let r = store.remove_article("https://example.test/a").unwrap_err();
        assert!(matches!(r, StoreError::UnknownArticle(_)), "{r}");
        let r = store.remove_article("1").unwrap();
        assert_eq!(
            r.actors_deleted,
            vec!["Oren Kask".to_string(), "Ruvia".to_string()]
        );
        assert_eq!(counts(&store)[2], ("actors", 3));
        assert!(matches!(
            store.remove_article("#1"),
            Err(StoreError::UnknownArticle(_))
        ));
    }

    #[test]
    fn ambiguous_article_lists_candidates() {
        let mut store = Store::open_in_memory().unwrap();
        let first = article_c();
        let mut second = article_b();
        second.article.source_id = first.article.source_id.clone();
        second.article.url = None;
        store.ingest(&first).unwrap();
        store.ingest(&second).unwrap();
        match store.remove_article("feed.jsonl#L7") {
            Err(StoreError::AmbiguousArticle { candidates, .. }) => assert_eq!(
                candidates,
                vec![
                    "#1 feed.jsonl#L7".to_string(),
                    "#2 feed.jsonl#L7".to_string()
                ]
            ),
            other => panic!("expected ambiguity, got {other:?}"),
        }
        assert_eq!(counts(&store)[0], ("articles", 2));
    }

    /// A database as polgraph's first schema wrote it: one article, two actors, one event.
    fn v1_database(path: &Path) {
        let c = Connection::open(path).unwrap();
        c.execute_batch(SCHEMA_V1).unwrap();
        c.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO articles VALUES (1, 'old-1', 'Old', '2025-03-04', NULL, NULL,
               'Brandt met Kask on Monday. Kask met Brandt.', 'h1', '2025-03-04T00:00:00Z');
             INSERT INTO sentences VALUES (1, 1, 0, 0, 26, 'Brandt met Kask on Monday.');
             INSERT INTO sentences VALUES (2, 1, 1, 27, 43, 'Kask met Brandt.');
             INSERT INTO actors VALUES (1, 'person:alva_brandt', 'Alva Brandt', 'person', 'ALD', NULL);
             INSERT INTO actors VALUES (2, 'person:oren_kask', 'Oren Kask', 'person', 'VEL', NULL);
             INSERT INTO aliases VALUES (1, 'Brandt', 'brandt', 1);
             INSERT INTO aliases VALUES (2, 'Kask', 'kask', 1);
             INSERT INTO mentions VALUES (1, 1, 1, 1, 0, 6, 'Brandt');
             INSERT INTO mentions VALUES (2, 1, 1, 2, 11, 15, 'Kask');
             INSERT INTO events VALUES (1, 'meet', '040', 'CONSULT', 1.0, 1, 2, 'occurred',
               '2025-03-03', '2025-03-03', '2025-03-03', '2025-03-03', 'Monday', 'explicit',
               'meet|1|2|2025-03-03|occurred');
             INSERT INTO events VALUES (2, 'meet', '040', 'CONSULT', 1.0, 1, 2, 'occurred',
               '2025-03-03/2025-03-09', '2025-03-03', '2025-03-09', '2025-W10', NULL, 'publication',
               'meet|1|2|2025-03-03/2025-03-09|occurred');
             INSERT INTO event_mentions VALUES (1, 1, 1, 1, 7, 10, 'met');
             INSERT INTO event_mentions VALUES (2, 2, 1, 2, 32, 35, 'met');",
        )
        .unwrap();
    }

    #[test]
    fn version_1_database_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.db");
        v1_database(&path);
        let mut store = Store::open(&path).unwrap();
        assert_eq!(store.user_version().unwrap(), SCHEMA_VERSION);
        let uses: i64 = store
            .conn
            .query_row("SELECT COUNT(*) FROM alias_uses", [], |r| r.get(0))
            .unwrap();
        assert_eq!(uses, 2);
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        // The day and the week that contains it are one meeting now, dated by the day.
        let rows = store.events(&EventFilter::default()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].mentions, 2);
        assert_eq!(rows[0].sources, 1);
        assert_eq!(rows[0].date.as_deref(), Some("2025-03-03"));
        // The old article can be removed cleanly.
        let r = store.remove_article("old-1").unwrap();
        assert_eq!(r.aliases_deleted, 2);
        assert_eq!(
            counts(&store).iter().map(|(_, n)| *n).sum::<i64>(),
            0,
            "{:?}",
            counts(&store)
        );
    }

    /// One article per report of a Brandt–Kask event: (type, status, date interval).
    fn report(
        n: usize,
        etype: &str,
        status: Status,
        date: Option<(&str, &str)>,
    ) -> ArticleExtraction {
        let mut d = super::fixtures::Doc::new(
            &format!("r{n}"),
            None,
            "2025-03-10",
            &["Alva Brandt and Oren Kask met."],
        );
        let b = d.actor(
            "person:alva_brandt",
            "Alva Brandt",
            crate::model::ActorType::Person,
            None,
            &[],
            &["Alva Brandt"],
        );
        let k = d.actor(
            "person:oren_kask",
            "Oren Kask",
            crate::model::ActorType::Person,
            None,
            &[],
            &["Oren Kask"],
        );
        d.mention(b, 0, "Alva Brandt");
        d.mention(k, 0, "Oren Kask");
        let date = date.map(|(s, e)| {
            let value = if s == e {
                s.to_string()
            } else {
                format!("{s}/{e}")
            };
            super::fixtures::date(&value, s, e, None, crate::model::DateSource::Explicit)
        });
        // Reports alternate the order of the two participants.
        let (src, tgt) = if n.is_multiple_of(2) { (b, k) } else { (k, b) };
        d.event(etype, "040", src, Some(tgt), status, date, 0, "met");
        d.ex
    }

    #[test]
    fn reports_join_by_class_participants_and_overlapping_dates() {
        use crate::model::Status::*;
        let day = |d| Some((d, d));
        let store = all(&[
            report(0, "meet", Planned, Some(("2025-03-03", "2025-03-09"))),
            report(1, "meet", Occurred, day("2025-03-05")),
            report(2, "meet", Uncertain, day("2025-03-05")),
            // Another day of the same week: the event is now dated 5 March, so no overlap.
            report(3, "meet", Occurred, day("2025-03-07")),
            // Negated reports stay apart from positive ones.
            report(4, "meet", Negated, day("2025-03-05")),
            report(5, "meet", Negated, Some(("2025-03-01", "2025-03-31"))),
            // Another type is another event.
            report(6, "talk", Occurred, day("2025-03-05")),
            // Undated reports join undated ones only.
            report(7, "meet", Occurred, None),
            report(8, "meet", Planned, None),
        ]);
        let rows = store.events(&EventFilter::default()).unwrap();
        let got: Vec<(&str, &str, Option<&str>, usize)> = rows
            .iter()
            .map(|r| {
                (
                    r.etype.as_str(),
                    r.status.as_str(),
                    r.date.as_deref(),
                    r.sources,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("meet", "occurred", Some("2025-03-05"), 3),
                ("meet", "negated", Some("2025-03-05"), 2),
                ("talk", "occurred", Some("2025-03-05"), 1),
                ("meet", "occurred", Some("2025-03-07"), 1),
                ("meet", "occurred", None, 2),
            ]
        );
        // Symmetric: one event whatever the order the reports named the two in (the counts
        // above), which keeps the direction of its first report (report 0 names Brandt first,
        // report 3 Kask, report 6 Brandt).
        let sources: Vec<&str> = rows.iter().map(|r| r.source.name.as_str()).collect();
        assert_eq!(
            sources,
            [
                "Alva Brandt",
                "Alva Brandt",
                "Alva Brandt",
                "Oren Kask",
                "Oren Kask"
            ]
        );
    }

    #[test]
    fn helpers() {
        assert!(is_line_reference("data/feed.jsonl#L12"));
        assert!(is_line_reference("feed.jsonl#3"));
        assert!(!is_line_reference("reuters-2025-001"));
        assert!(!is_line_reference("page#Lintro"));
        assert_eq!(normalize_name(" Keir\u{2019}s  Office "), "keir's office");
        assert_eq!(date_bound("2024-02", true).unwrap(), "2024-02-29");
        assert_eq!(date_bound("2025", false).unwrap(), "2025-01-01");
        assert_eq!(date_bound("2025-02-27", true).unwrap(), "2025-02-27");
        assert!(date_bound("27/02/2025", false).is_err());
        let e = date_bound("2025-02-30", false).unwrap_err().to_string();
        assert!(e.contains("\"2025-02-30\" is not a calendar day"), "{e}");
        let e = date_bound("2025-2-3", false).unwrap_err().to_string();
        assert!(e.contains("is not YYYY, YYYY-MM or YYYY-MM-DD"), "{e}");
        assert_eq!(date_bound("2024-02-29", false).unwrap(), "2024-02-29");
        assert_eq!(event_key("meet", 1, Some(2), "occurred"), "meet|1|2|pos");
        assert_eq!(event_key("visit", 3, None, "negated"), "visit|3|-|neg");
        assert_eq!(span_days("2025-03-03", "2025-03-09"), 6);
    }
}
