//! Shared data types handed from one pipeline stage to the next.
//!
//! The flow is one-directional:
//! `input::RawArticle` → `text::Document` → `actors::ActorTable` → `events` →
//! `time` (dates) → [`ArticleExtraction`] → `store` → `graph` / `export`.
//!
//! Offsets in this module are **byte offsets into the article text** (`Article::text`),
//! end-exclusive, unless a field says otherwise. Dates are ISO 8601 strings.

use serde::{Deserialize, Serialize};

/// The kind of an actor, as in the gold guidelines: persons, countries (and the governments
/// that stand for them), and organisations (IGOs, parties, armed groups, companies).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorType {
    /// A named human being.
    Person,
    /// A state (and the government institutions used to name it: "the Kremlin").
    Country,
    /// An international or non-state organisation, party, armed group or company.
    Organization,
}

impl ActorType {
    /// The lowercase name used in the database and in JSON (`person`, `country`, `organization`).
    pub fn as_str(self) -> &'static str {
        match self {
            ActorType::Person => "person",
            ActorType::Country => "country",
            ActorType::Organization => "organization",
        }
    }

    /// Parses the lowercase name (also accepts `organisation` and `org`); `None` otherwise.
    pub fn parse(s: &str) -> Option<ActorType> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" => Some(ActorType::Person),
            "country" => Some(ActorType::Country),
            "organization" | "organisation" | "org" => Some(ActorType::Organization),
            _ => None,
        }
    }
}

/// Whether an event is asserted to have happened (see `../shared/gold/GUIDELINES.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The article asserts it happened or is happening.
    Occurred,
    /// Will, is to, is due to, plans to, has been invited to.
    Planned,
    /// Did not, failed to, will not, have not … since.
    Negated,
    /// May, could, if, reportedly considering.
    Uncertain,
}

impl Status {
    /// Lowercase name used in storage and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Planned => "planned",
            Status::Negated => "negated",
            Status::Uncertain => "uncertain",
        }
    }

    /// Parses the lowercase name; `None` for anything else.
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "occurred" => Some(Status::Occurred),
            "planned" => Some(Status::Planned),
            "negated" => Some(Status::Negated),
            "uncertain" => Some(Status::Uncertain),
            _ => None,
        }
    }
}

/// How an event's date was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A time expression in the event's own clause or sentence.
    Explicit,
    /// The reference time carried over from an earlier sentence.
    Inherited,
    /// No expression: the publication date (news of the day).
    Publication,
    /// No date could be given (no expression and no publication date).
    None,
}

impl DateSource {
    /// Lowercase name used in storage and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Explicit => "explicit",
            DateSource::Inherited => "inherited",
            DateSource::Publication => "publication",
            DateSource::None => "none",
        }
    }
}

/// The calendar date an event refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// Export form: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `YYYY-MM-DD/YYYY-MM-DD`.
    pub value: String,
    /// TIMEX3-style value of the governing expression (`2025-03-03TNI`, `2025-W09`), if any.
    pub timex: Option<String>,
    /// The raw expression as written ("Monday night"), if any.
    pub raw: Option<String>,
    /// First day of the interval (ISO 8601).
    pub start: String,
    /// Last day of the interval, inclusive (ISO 8601).
    pub end: String,
    /// How the date was chosen.
    pub how: DateSource,
}

/// One article's metadata and text, as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// The input's id field, else the file path (with `#line` for JSON Lines).
    pub source_id: String,
    /// True when `source_id` is an id given by the input (a JSON `id` field or a header `id:`
    /// line) and so identifies the article; false when it is only the file path or `-`.
    #[serde(default)]
    pub source_id_is_id: bool,
    /// Headline, if known.
    pub title: Option<String>,
    /// Publication date (document creation time), ISO 8601 `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Canonical URL, if known.
    pub url: Option<String>,
    /// Outlet name ("Reuters"), if known.
    pub outlet: Option<String>,
    /// The body text that offsets refer to (UTF-8).
    pub text: String,
    /// Hex SHA-256 of `text`, used to recognise re-ingests.
    pub content_hash: String,
}

/// A sentence of the article; `start`/`end` are byte offsets into `Article::text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRec {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The sentence text (`&article.text[start..end]`).
    pub text: String,
}

/// An actor found in an article, before it is merged with the stored graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRec {
    /// Canonical identity key: gazetteer id (`USA`, `person:keir_starmer`, `org:NATO`) or, for
    /// actors recognised from context, `new:<normalised name>|<country or ->`.
    pub key: String,
    /// Display name ("Keir Starmer", "United States").
    pub name: String,
    /// Person, country or organisation.
    pub kind: ActorType,
    /// ISO 3166-1 alpha-3 country code, if any.
    pub country: Option<String>,
    /// CAMEO actor code (`GBRGOV`, `IGOUNO`), if known.
    pub cameo: Option<String>,
    /// Role descriptions ("prime minister", "defence secretary").
    pub roles: Vec<String>,
    /// Every string the article used for the actor.
    pub aliases: Vec<String>,
}

/// One place where an article names an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRec {
    /// Index into `ArticleExtraction::actors`.
    pub actor: usize,
    /// Index into `ArticleExtraction::sentences`.
    pub sentence: usize,
    /// Byte offset into the article text.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// The text as written.
    pub text: String,
}

/// An event coded from one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRec {
    /// Event type from the gold guidelines (`meet`, `visit`, `reduce_aid`, …); `type` in
    /// JSON, as in the export (`etype`, the older name, is still read).
    #[serde(rename = "type", alias = "etype")]
    pub etype: String,
    /// CAMEO 1.1b3 event code ("040", "1622").
    pub cameo: String,
    /// PLOVER event type of the CAMEO code ("CONSULT"), if the CAMEO table maps it; the
    /// reading with the status (a planned act is AGREE, …) is
    /// [`crate::events::plover_reading`], used by the export.
    pub plover: Option<String>,
    /// Goldstein score of the CAMEO code (−10 … +10).
    pub goldstein: Option<f64>,
    /// Index into `ArticleExtraction::actors` of the source (who does it).
    pub source: usize,
    /// Index of the target (who receives it), if any.
    pub target: Option<usize>,
    /// Occurred / planned / negated / uncertain.
    pub status: Status,
    /// The date the event refers to, if any.
    pub date: Option<EventDate>,
    /// Index into `ArticleExtraction::sentences` (provenance).
    pub sentence: usize,
    /// Byte span of the trigger word(s) in the article text.
    pub start: usize,
    /// End of the trigger span (exclusive).
    pub end: usize,
    /// The trigger as written ("met", "decision to halt").
    pub trigger: String,
}

/// Everything extracted from one article: the unit that `store` writes in one transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleExtraction {
    /// The article itself.
    pub article: Article,
    /// Its sentences, in order.
    pub sentences: Vec<SentenceRec>,
    /// Distinct actors named in it.
    pub actors: Vec<ActorRec>,
    /// Every actor mention.
    pub mentions: Vec<MentionRec>,
    /// Coded events (including negated ones, kept for provenance).
    pub events: Vec<EventRec>,
    /// Warnings raised while processing (e.g. "no publication date").
    pub warnings: Vec<String>,
}
