//! The extraction pipeline: `RawArticle` → text → actors → events → time → [`ArticleExtraction`].
//!
//! [`Knowledge`] holds everything loaded from `data/` (gazetteers, role words, event patterns,
//! status cues, the CAMEO table, time words). It is built once — from the copies compiled into
//! the binary ([`Knowledge::builtin`]) or from a directory a user has edited
//! ([`Knowledge::from_dir`]) — and then [`Knowledge::extract`] runs the stages in order.

use crate::actors::gazetteer::{Gazetteer, Sources};
use crate::actors::{ActorRecognizer, ActorTable};
use crate::dating;
use crate::error::DataError;
use crate::events::EventCoder;
use crate::input::RawArticle;
use crate::model::{ArticleExtraction, Article, EventRec, MentionRec, SentenceRec};
use crate::text::Splitter;
use crate::time::TimeLexicon;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The knowledge files, in load order: (file name, contents compiled into the binary).
pub const DATA_FILES: [(&str, &str); 10] = [
    ("countries.tsv", include_str!("../data/countries.tsv")),
    ("organizations.tsv", include_str!("../data/organizations.tsv")),
    ("people.tsv", include_str!("../data/people.tsv")),
    ("roles.tsv", include_str!("../data/roles.tsv")),
    ("name_words.tsv", include_str!("../data/name_words.tsv")),
    ("events.tsv", include_str!("../data/events.tsv")),
    ("status_cues.tsv", include_str!("../data/status_cues.tsv")),
    ("cameo.tsv", include_str!("../data/cameo.tsv")),
    ("time_words.tsv", include_str!("../data/time_words.tsv")),
    ("places.tsv", include_str!("../data/places.tsv")),
];

/// Errors while loading knowledge.
#[derive(Debug, thiserror::Error)]
pub enum KnowledgeError {
    /// A knowledge file is malformed (file, line, what).
    #[error("{0}")]
    Data(#[from] DataError),
    /// A knowledge file cannot be read.
    #[error("{path}: cannot read: {reason}")]
    Read {
        /// The file.
        path: String,
        /// The OS error.
        reason: String,
    },
    /// An automaton could not be built from the gazetteer.
    #[error("gazetteer too large for the matcher: {0}")]
    Matcher(String),
}

/// Everything loaded from `data/`, ready to extract articles.
pub struct Knowledge {
    splitter: Splitter,
    actors: ActorRecognizer,
    events: EventCoder,
    time: TimeLexicon,
}

impl Knowledge {
    /// Loads the knowledge files compiled into the binary (the repository's `data/`).
    ///
    /// Errors: only if those files are malformed, which the test suite rules out.
    pub fn builtin() -> Result<Knowledge, KnowledgeError> {
        let files: Vec<(String, String)> = DATA_FILES
            .iter()
            .map(|(n, c)| (format!("data/{n}"), (*c).to_string()))
            .collect();
        Self::from_files(&files)
    }

    /// Loads the knowledge files from `dir`; a file missing there falls back to the built-in copy.
    ///
    /// Errors: a file that cannot be read, or the first malformed line (`file:line: message`).
    pub fn from_dir(dir: &Path) -> Result<Knowledge, KnowledgeError> {
        let mut files = Vec::new();
        for (name, builtin) in DATA_FILES {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path).map_err(|e| KnowledgeError::Read {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                })?;
                files.push((path.display().to_string(), text));
            } else {
                files.push((format!("data/{name}"), builtin.to_string()));
            }
        }
        Self::from_files(&files)
    }

    fn from_files(f: &[(String, String)]) -> Result<Knowledge, KnowledgeError> {
        let pair = |i: usize| (f[i].0.as_str(), f[i].1.as_str());
        let gaz = Gazetteer::parse(&Sources {
            countries: pair(0),
            organizations: pair(1),
            people: pair(2),
            roles: pair(3),
            name_words: pair(4),
            places: pair(9),
        })?;
        let actors = ActorRecognizer::new(gaz).map_err(|e| KnowledgeError::Matcher(e.to_string()))?;
        let events = EventCoder::parse(pair(5), pair(6), pair(7))?;
        let time = TimeLexicon::parse(&f[8].1, &f[8].0)?;
        Ok(Knowledge {
            splitter: Splitter::default(),
            actors,
            events,
            time,
        })
    }

    /// The event coder (patterns and CAMEO table).
    pub fn events(&self) -> &EventCoder {
        &self.events
    }

    /// The time lexicon.
    pub fn time(&self) -> &TimeLexicon {
        &self.time
    }

    /// The actor recogniser.
    pub fn actors(&self) -> &ActorRecognizer {
        &self.actors
    }

    /// Runs every stage on one article. Never fails: an article without a date gets a
    /// warning and its relative dates stay unresolved.
    pub fn extract(&self, raw: &RawArticle) -> ArticleExtraction {
        let mut warnings = Vec::new();
        let published = raw.published.clone();
        if published.is_none() {
            warnings.push(format!(
                "{}: no publication date (use --date YYYY-MM-DD); relative dates left unresolved",
                raw.origin
            ));
        }
        let doc = self.splitter.split(&raw.text);
        let table: ActorTable = self.actors.recognize(&doc, published.as_deref());
        let coded = self.events.code(&doc, &table);
        let dct = published.as_deref().and_then(|d| d.parse::<jiff::civil::Date>().ok());
        let dated = dating::anchor(&doc, &coded, dct, &self.time);
        let mut events = Vec::with_capacity(dated.len());
        for (ev, date) in coded.iter().zip(dated) {
            let info = self.events.cameo_info(&ev.cameo);
            events.push(EventRec {
                etype: ev.etype.clone(),
                cameo: ev.cameo.clone(),
                plover: info.and_then(|i| i.plover.clone()),
                goldstein: info.and_then(|i| i.goldstein),
                source: ev.source,
                target: ev.target,
                status: ev.status,
                date,
                sentence: ev.sentence,
                start: ev.start,
                end: ev.end,
                trigger: ev.trigger.clone(),
            });
        }
        dating::fill_within_article(&mut events);
        let sentences = doc
            .sentences
            .iter()
            .map(|s| SentenceRec {
                start: s.start,
                end: s.end,
                text: s.text.clone(),
            })
            .collect();
        let mut mentions = Vec::new();
        for m in &table.mentions {
            for &a in &m.actors {
                mentions.push(MentionRec {
                    actor: a,
                    sentence: m.sentence,
                    start: m.start,
                    end: m.end,
                    text: m.text.clone(),
                });
            }
        }
        let content_hash = format!("{:x}", Sha256::digest(raw.text.as_bytes()));
        ArticleExtraction {
            article: Article {
                source_id: raw.source_id.clone(),
                title: raw.title.clone(),
                published,
                url: raw.url.clone(),
                outlet: raw.outlet.clone(),
                text: raw.text.clone(),
                content_hash,
            },
            sentences,
            actors: table.actors,
            mentions,
            events,
            warnings,
        }
    }
}
