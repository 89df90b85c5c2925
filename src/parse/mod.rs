//! English part-of-speech tagging, lemmatisation and labelled dependency parsing, in pure
//! Rust, trained on Universal Dependencies English EWT (CC BY-SA 4.0).
//!
//! One [`Model`] holds three parts, each an averaged perceptron (Collins 2002):
//!
//! - a greedy left-to-right **tagger** predicting UPOS and the Penn Treebank XPOS jointly
//!   (one class per `UPOS|XPOS` pair seen in training), with a tag dictionary for frequent
//!   unambiguous words;
//! - a **lemmatiser**: an exception dictionary for `(form, UPOS)` pairs seen in training plus
//!   suffix-rewrite rules learned per UPOS and capitalisation class for unseen words;
//! - a greedy transition-based **dependency parser** (arc-hybrid system, Kuhlmann, Gómez-
//!   Rodríguez & Satta 2011, with a single-root constraint), trained with the dynamic oracle
//!   and error exploration of Goldberg & Nivre (2012, 2013) on jackknifed predicted tags, with
//!   rich non-local features in the style of Zhang & Nivre (2011); arc labels come from a
//!   second perceptron consulted whenever an arc is made;
//! - optionally a **punctuation re-attachment** ranker: once a sentence is parsed, each
//!   punctuation leaf is moved to the best of its projective candidate heads (`punct.rs`);
//!   training keeps it only if it improves dev UAS (the built-in model has none).
//!
//! The built-in model ([`Model::builtin`]) is `data/parser/en_ewt.model`, compiled into the
//! binary; `data/parser/README.md` gives its scores and the command that retrains it
//! (`examples/train_parser.rs`). Input is a sentence already split into words; [`tokenize`]
//! splits raw text the way EWT does.
//!
//! ```no_run
//! use polgraph::parse::{Model, tokenize};
//! let text = "Starmer failed to persuade Trump.";
//! let words: Vec<&str> = tokenize(text).into_iter().map(|(s, e)| &text[s..e]).collect();
//! let model = Model::builtin().expect("built-in parser model");
//! for w in model.parse(&words) {
//!     println!("{} {} {} {:?} {}", w.form, w.lemma, w.upos.as_str(), w.head, w.deprel);
//! }
//! ```

pub mod conllu;
pub mod eval;
mod hash;
mod lemma;
pub(crate) mod model;
mod parser;
mod perceptron;
mod punct;
mod tagger;
pub mod tokenize;
pub mod train;

pub use tokenize::tokenize;

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

/// The 17 Universal Dependencies part-of-speech tags (UPOS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Upos {
    /// Adjective.
    Adj,
    /// Adposition (preposition, postposition).
    Adp,
    /// Adverb.
    Adv,
    /// Auxiliary verb.
    Aux,
    /// Coordinating conjunction.
    Cconj,
    /// Determiner.
    Det,
    /// Interjection.
    Intj,
    /// Common noun.
    Noun,
    /// Numeral.
    Num,
    /// Particle (`'s`, `not`, infinitival `to`).
    Part,
    /// Pronoun.
    Pron,
    /// Proper noun.
    Propn,
    /// Punctuation.
    Punct,
    /// Subordinating conjunction.
    Sconj,
    /// Symbol.
    Sym,
    /// Verb.
    Verb,
    /// Other.
    X,
}

impl Upos {
    /// All tags, in the order of their discriminants.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The tag as written in CoNLL-U, e.g. `"PROPN"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Index in [`Upos::ALL`].
    pub(crate) fn index(self) -> u8 {
        self as u8
    }

    pub(crate) fn from_index(i: u8) -> Option<Upos> {
        Upos::ALL.get(usize::from(i)).copied()
    }
}

impl fmt::Display for Upos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Upos {
    type Err = ParseError;
    /// Parses a CoNLL-U UPOS tag (`"NOUN"`); anything else is an error.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Upos::ALL
            .iter()
            .copied()
            .find(|u| u.as_str() == s)
            .ok_or_else(|| ParseError::Corrupt(format!("unknown UPOS tag {s:?}")))
    }
}

/// One analysed word of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The word as given to [`Model::parse`].
    pub form: String,
    /// Its lemma (dictionary form), e.g. `"meet"` for `"met"`, `"be"` for `"was"`.
    pub lemma: String,
    /// Universal part-of-speech tag.
    pub upos: Upos,
    /// Penn Treebank tag as used in EWT's XPOS column, e.g. `"VBD"`, `"NNP"`.
    pub xpos: String,
    /// 0-based index of the head word in the sentence; `None` for the root.
    pub head: Option<usize>,
    /// Full UD relation to the head, with subtype: `"nsubj"`, `"nmod:poss"`, `"obl"`,
    /// `"nsubj:pass"`, `"root"`.
    pub deprel: String,
}

impl Word {
    /// The word as one CoNLL-U line without the newline: 10 tab-separated columns (ID FORM
    /// LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC; FEATS, DEPS and MISC are `_`). `index` is
    /// the word's 0-based position; ID and HEAD are written 1-based, HEAD 0 for the root.
    pub fn conllu_line(&self, index: usize) -> String {
        format!(
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_",
            index + 1,
            self.form,
            self.lemma,
            self.upos.as_str(),
            self.xpos,
            self.head.map_or(0, |h| h + 1),
            self.deprel
        )
    }
}

/// Errors loading a model or reading training data.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// The model or data file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
    /// The bytes do not start with the model magic number: not a parser model.
    #[error("not a polgraph parser model (wrong magic bytes)")]
    BadMagic,
    /// The model was written by another version of the format.
    #[error(
        "parser model format version {found} is not supported (this build reads version {expected}); retrain or use a matching build"
    )]
    Version {
        /// Version in the file.
        found: u32,
        /// Version this build reads.
        expected: u32,
    },
    /// The model ends before its data does.
    #[error("parser model is truncated ({0})")]
    Truncated(String),
    /// The payload does not match its checksum.
    #[error("parser model is corrupt (checksum mismatch)")]
    Checksum,
    /// The payload is structurally invalid.
    #[error("parser model is corrupt: {0}")]
    Corrupt(String),
    /// A CoNLL-U file is malformed (`line` is 1-based).
    #[error("{file}:{line}: {message}")]
    Conllu {
        /// File name (or `"<input>"`).
        file: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// A trained tagger, lemmatiser and dependency parser.
#[derive(Debug)]
pub struct Model {
    pub(crate) description: String,
    pub(crate) tagger: tagger::Tagger,
    pub(crate) lemmatizer: lemma::Lemmatizer,
    pub(crate) parser: parser::Parser,
}

static BUILTIN_BYTES: &[u8] = include_bytes!("../../data/parser/en_ewt.model");
static BUILTIN: OnceLock<Result<Model, String>> = OnceLock::new();

impl Model {
    /// The built-in model (`data/parser/en_ewt.model`, trained on UD English EWT), compiled
    /// into the binary with `include_bytes!` and decoded once on first use.
    ///
    /// Errors: the embedded bytes are not a valid model (e.g. a placeholder file in a build
    /// made before training); the error is reported on every call.
    pub fn builtin() -> Result<&'static Model, ParseError> {
        let r = BUILTIN.get_or_init(|| Model::from_bytes(BUILTIN_BYTES).map_err(|e| e.to_string()));
        match r {
            Ok(m) => Ok(m),
            Err(e) => Err(ParseError::Corrupt(format!("built-in model: {e}"))),
        }
    }

    /// Decodes a model from the bytes of a model file (see [`Model::to_bytes`]).
    ///
    /// Errors: [`ParseError::BadMagic`], [`ParseError::Version`], [`ParseError::Truncated`],
    /// [`ParseError::Checksum`] or [`ParseError::Corrupt`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ParseError> {
        let payload = model::unwrap(bytes)?;
        let mut d = model::Dec::new(payload);
        let description = d.str("description")?;
        let tagger = tagger::Tagger::decode(&mut d)?;
        let lemmatizer = lemma::Lemmatizer::decode(&mut d)?;
        let parser = parser::Parser::decode(&mut d)?;
        if d.remaining() != 0 {
            return Err(ParseError::Corrupt(format!(
                "{} unread bytes at the end",
                d.remaining()
            )));
        }
        Ok(Model {
            description,
            tagger,
            lemmatizer,
            parser,
        })
    }

    /// Reads and decodes a model file.
    ///
    /// Errors: [`ParseError::Io`] if the file cannot be read, otherwise as
    /// [`Model::from_bytes`].
    pub fn load(path: &Path) -> Result<Model, ParseError> {
        let bytes = std::fs::read(path).map_err(|source| ParseError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Model::from_bytes(&bytes)
    }

    /// Encodes the model in the binary format read by [`Model::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut e = model::Enc::default();
        e.str(&self.description);
        self.tagger.encode(&mut e);
        self.lemmatizer.encode(&mut e);
        self.parser.encode(&mut e);
        model::wrap(&e.into_bytes())
    }

    /// Free text describing what the model was trained on and how.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Tags, lemmatises and parses one sentence given as words (EWT-style tokens, e.g. from
    /// [`tokenize`]). Returns one [`Word`] per input word, in order, forming a tree with
    /// exactly one root (for a non-empty input). Never panics: any strings are accepted,
    /// an empty slice gives an empty result.
    pub fn parse(&self, words: &[&str]) -> Vec<Word> {
        self.parse_retagged(words, |_, _| Vec::new())
    }

    /// Whether the treebank the tagger was trained on has word `w` (exact form, seen at
    /// least twice) with Penn Treebank tag `xpos` ("VB" for a base-form verb): the tagger's
    /// lexicon, for retagging rules that must know a word can be a verb.
    pub fn seen_as(&self, w: &str, xpos: &str) -> bool {
        self.tagger.seen_as(w, xpos)
    }

    /// Whether the tagger's lexicon has word `w` (exact form seen at least twice in
    /// training); other words are tagged from their shape and context alone.
    pub fn knows(&self, w: &str) -> bool {
        self.tagger.knows(w)
    }

    /// Like [`Model::parse`], but `retag` sees the words and the tagger's (UPOS, XPOS) per
    /// word and returns corrections `(word index, UPOS, XPOS)` applied before parsing (the
    /// parser then builds the tree on the corrected tags). A correction naming a class the
    /// tagger does not have, or an index out of range, is ignored.
    pub fn parse_retagged(
        &self,
        words: &[&str],
        retag: impl Fn(&[&str], &[(Upos, &str)]) -> Vec<(usize, Upos, &'static str)>,
    ) -> Vec<Word> {
        if words.is_empty() {
            return Vec::new();
        }
        let (mut tags, infos) = self.tagger.tag_infos(words);
        let classes: Vec<(Upos, &str)> = tags.iter().map(|&c| self.tagger.class(c)).collect();
        for (i, upos, xpos) in retag(words, &classes) {
            if let (Some(t), Some(c)) = (tags.get_mut(i), self.tagger.class_id(upos, xpos)) {
                *t = c;
            }
        }
        let (heads, labels) = self
            .parser
            .parse(words, &tags, &infos, |c| self.tagger.class(c).0.index());
        words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let (upos, xpos) = self.tagger.class(tags[i]);
                let head = heads.get(i).copied().flatten();
                Word {
                    form: (*w).to_string(),
                    lemma: self.lemmatizer.lemma(w, upos),
                    upos,
                    xpos: xpos.to_string(),
                    head,
                    deprel: labels.get(i).cloned().unwrap_or_else(|| "dep".to_string()),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upos_roundtrip() {
        for u in Upos::ALL {
            assert_eq!(u.as_str().parse::<Upos>().unwrap(), u);
            assert_eq!(Upos::from_index(u.index()), Some(u));
        }
        assert!("noun".parse::<Upos>().is_err());
    }

    #[test]
    fn from_bytes_reports_errors() {
        assert!(matches!(
            Model::from_bytes(&[]),
            Err(ParseError::Truncated(_))
        ));
        assert!(matches!(
            Model::from_bytes(b"garbage!garbage!garbage!garbage!"),
            Err(ParseError::BadMagic)
        ));
        let w = model::wrap(b"\x02hi");
        assert!(Model::from_bytes(&w).is_err());
    }
}
