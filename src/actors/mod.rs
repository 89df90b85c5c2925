//! Actor stage: finds the actors an article names and every mention of them.
//!
//! Input: a [`Document`] (sentences, tokens) and the article's publication date.
//! Output: an [`ActorTable`]: distinct actors ([`ActorRec`]) and mentions ([`Mention`]) with
//! byte offsets into the article body.
//!
//! Recognition, in two passes over the article:
//! 1. **Names.** Gazetteer strings (`data/countries.tsv`, `organizations.tsv`, `people.tsv`)
//!    matched with Aho-Corasick (leftmost-longest, case-insensitive, but short all-caps forms
//!    such as "US" only in that case); persons *not* in the gazetteer recognised from titles
//!    and context: a role word before the name ("defence secretary John Healey", "Chinese
//!    foreign ministry spokesman Shen Guofang"), an appositive ("the US president, Donald
//!    Trump"; "Darryl Johnson, director of …"), an honorific ("Mr. Rahami"), or a verb of
//!    saying after a two-word name ("Aziz Pahad said"). A country or demonym in the title
//!    gives the person's country; the role gives the CAMEO sector.
//! 2. **References**, in text order: surnames and other parts of names introduced in the
//!    article ("Healey"), gazetteer surnames of people in office at the publication date
//!    ("Trump" in 2025), role descriptions ("the prime minister", "Ukraine's president", "the
//!    Ukrainian leader") resolved to the most salient person of that role class and country in
//!    the article, else to the holder of the role on that date in `people.tsv`; groups ("the
//!    two men", "the two") to the last two persons named outside quotations; and `he`/`she` to
//!    the subject of the current or previous sentence.

pub mod gazetteer;

use crate::model::{ActorRec, ActorType};
use crate::text::{Document, TIME_NOUNS, Token, fold};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use gazetteer::{Gazetteer, NameWordKind, SurfaceKind};
use std::collections::HashMap;

/// How a mention names its actor(s).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A full name or gazetteer name ("John Healey", "United States").
    Name,
    /// A part of a name introduced earlier, or a gazetteer surname ("Healey").
    Surname,
    /// A role description ("the prime minister").
    Role,
    /// A group of previously named actors ("the two men").
    Group,
    /// A personal pronoun (`he`, `she`).
    Pronoun,
    /// A demonym used for the country ("Israeli troops").
    Demonym,
    /// A metonym for a government ("the Kremlin", "Washington").
    Government,
    /// A place in a country ("Tel Aviv"): a destination or venue, not an actor.
    Place,
    /// A country name used as a modifier of a thing ("Iranian oil", "Cuban government
    /// demands"): kept for provenance, never a source or target.
    Modifier,
    /// A country or organisation named in a person's title ("US envoy Bill Richardson",
    /// "Arab League chief Amr Moussa"): the person's affiliation, an actor of the article,
    /// never itself a source or target there.
    Affiliation,
}

impl MentionKind {
    /// Whether a mention of this kind can be an event's source or target.
    pub fn can_participate(self) -> bool {
        !matches!(self, MentionKind::Modifier | MentionKind::Affiliation)
    }
}

/// One mention of one or more actors (a group mention has several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the sentence in [`Document::sentences`].
    pub sentence: usize,
    /// Byte offset into the article body.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
    /// Text as written.
    pub text: String,
    /// Indices into [`ActorTable::actors`].
    pub actors: Vec<usize>,
    /// How the actor is named.
    pub kind: MentionKind,
    /// True inside quotation marks (quoted speech).
    pub in_quote: bool,
}

/// The actors of one article and their mentions, in text order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorTable {
    /// Distinct actors.
    pub actors: Vec<ActorRec>,
    /// Mentions sorted by start offset.
    pub mentions: Vec<Mention>,
}

/// Finds actors in documents. Build once from a [`Gazetteer`], reuse for many articles.
pub struct ActorRecognizer {
    gaz: Gazetteer,
    names: AhoCorasick,
    /// Automaton pattern → index into `gaz.surfaces`.
    name_of: Vec<usize>,
    /// Matcher over the short names of countries ([`SurfaceKind::Short`]).
    shorts: AhoCorasick,
    /// Pattern index of `shorts` → surface index.
    short_of: Vec<usize>,
    roles: AhoCorasick,
    /// Automaton pattern → role key.
    role_keys: Vec<String>,
}

/// A pattern and, if it has an apostrophe, its typographic variant (`'` → `’`), so that
/// matching runs on the original text and offsets stay exact.
fn apostrophe_variants(p: &str) -> Vec<String> {
    let mut v = vec![p.to_string()];
    if p.contains('\'') {
        v.push(p.replace('\'', "’"));
    }
    if p.contains('’') {
        v.push(p.replace('’', "'"));
    }
    v
}

/// A span inside a sentence, in sentence-token indices `[from, to)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TokSpan {
    from: usize,
    to: usize,
}

#[derive(Debug, Clone)]
struct GazHit {
    span: TokSpan,
    surface: usize,
}

#[derive(Debug, Clone)]
struct RoleHit {
    span: TokSpan,
    key: String,
}

/// Per-actor facts gathered while reading an article.
#[derive(Debug, Clone, Default)]
struct ActorInfo {
    /// Role classes with the country they were stated for.
    classes: Vec<(String, Option<String>)>,
    /// Lower-case name parts usable as short references.
    parts: Vec<String>,
    /// Lower-case one-word gazetteer aliases ("mobutu" for Mobutu Sese Seko).
    aliases: Vec<String>,
    mentions: usize,
    last_sentence: usize,
}

struct State<'a> {
    rec: &'a ActorRecognizer,
    actors: Vec<ActorRec>,
    info: Vec<ActorInfo>,
    by_key: HashMap<String, usize>,
    mentions: Vec<Mention>,
    published: Option<String>,
    /// Per sentence (by index), the byte offset where its main clause starts: after a
    /// fronted subordinate or participle clause and its comma ("Asked if …, Karaha said"),
    /// else the sentence start. Filled as sentences are read, for pronoun resolution.
    main_clause: HashMap<usize, usize>,
}

/// Words that open a fronted adverbial clause ("When asked …, X said", "If necessary, …").
const SUBORDINATORS: &[&str] = &[
    "after",
    "although",
    "as",
    "because",
    "before",
    "despite",
    "if",
    "once",
    "since",
    "though",
    "unless",
    "until",
    "when",
    "whereas",
    "while",
    "following",
    "unlike",
];

/// The byte offset of the main clause of sentence `s`: after the first comma when the
/// sentence opens with a subordinator or a participle ("Asked", "Speaking"), else its start.
fn main_clause_start(s: &crate::text::Sentence) -> usize {
    let toks = &s.tokens;
    let Some(first) = toks.first() else {
        return s.start;
    };
    let w = first.lower.as_str();
    let fronted = SUBORDINATORS.contains(&w)
        || (w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) && first.is_capitalized());
    if !fronted {
        return s.start;
    }
    toks.iter()
        .take(30)
        .find(|t| t.text == ",")
        .map_or(s.start, |t| t.end)
}

const PRONOUNS: &[&str] = &["he", "she", "it", "him", "they"];

const GROUP_HEADS: &[&str] = &[
    "men",
    "leaders",
    "sides",
    "politicians",
    "ministers",
    "presidents",
    "women",
    "officials",
    "countries",
    "nations",
    "governments",
    "neighbours",
    "neighbors",
    "heads",
];

/// True when a mention's text ends in a plural noun ("Fijian rebels", "the Palestinians",
/// "Ivory Coast rebels"): its last word ends in "s" but not "ss", "us" or "is", and it is
/// not a name that is singular though written with a final "s" ("United States",
/// "Philippines"), which the caller tells apart by the country's own name.
fn is_plural_name(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("").to_lowercase();
    last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
}

/// Pseudo-sector of a bare "the government" / "the regime" in [`SentenceFacts::sectors`],
/// resolved by `ActorTable::government_of_challengers`.
const OWN_GOVERNMENT: &str = "own-government";

/// Group heads that name states: "the two countries" are two country actors.
const COUNTRY_GROUP_HEADS: &[&str] = &[
    "countries",
    "nations",
    "governments",
    "neighbours",
    "neighbors",
];

fn word_boundary_ok(text: &str, s: usize, e: usize) -> bool {
    let before = text[..s].chars().next_back();
    let mut rest = text[e..].chars();
    let after = rest.next();
    // "London-based", "Kremlin-backed": a hyphenated modifier, not a mention.
    let compound = after == Some('-') && rest.next().is_some_and(|c| c.is_lowercase());
    !before.is_some_and(|c| c.is_alphanumeric())
        && !after.is_some_and(|c| c.is_alphanumeric())
        && !compound
}

impl ActorRecognizer {
    /// Builds the matchers from a loaded gazetteer.
    ///
    /// Errors: only if the Aho-Corasick automaton cannot be built (pattern set too large).
    pub fn new(gaz: Gazetteer) -> Result<Self, aho_corasick::BuildError> {
        let mut name_pats = Vec::new();
        let mut name_of = Vec::new();
        let mut short_pats = Vec::new();
        let mut short_of = Vec::new();
        for (i, s) in gaz.surfaces.iter().enumerate() {
            if s.kind == SurfaceKind::Short {
                short_pats.push(s.text.clone());
                short_of.push(i);
                continue;
            }
            for v in apostrophe_variants(&s.text) {
                name_pats.push(v);
                name_of.push(i);
            }
        }
        let names = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&name_pats)?;
        let shorts = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&short_pats)?;
        let mut keys: Vec<String> = gaz.roles.keys().cloned().collect();
        keys.sort();
        let mut role_pats = Vec::new();
        let mut role_keys = Vec::new();
        for k in keys {
            for v in apostrophe_variants(&k) {
                role_pats.push(v);
                role_keys.push(k.clone());
            }
        }
        let roles = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&role_pats)?;
        Ok(ActorRecognizer {
            gaz,
            names,
            name_of,
            shorts,
            short_of,
            roles,
            role_keys,
        })
    }

    /// The gazetteer this recogniser uses.
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gaz
    }

    /// Finds actors and mentions in `doc`. `published` is the article date (`YYYY-MM-DD`),
    /// used to pick office holders ("the prime minister") and to accept bare surnames of
    /// gazetteer people in office. Never fails.
    pub fn recognize(&self, doc: &Document, published: Option<&str>) -> ActorTable {
        let mut st = State {
            rec: self,
            actors: Vec::new(),
            info: Vec::new(),
            by_key: HashMap::new(),
            mentions: Vec::new(),
            published: published.map(str::to_string),
            main_clause: HashMap::new(),
        };
        // Pass 1: names with support (gazetteer full names and titled/appositive persons).
        let per_sentence: Vec<SentenceFacts> = doc
            .sentences
            .iter()
            .map(|s| {
                if s.dateline {
                    SentenceFacts::default()
                } else {
                    st.names_pass(s)
                }
            })
            .collect();
        // Pass 2: references, in order.
        for (si, s) in doc.sentences.iter().enumerate() {
            if s.dateline {
                continue;
            }
            st.references_pass(si, s, &per_sentence[si]);
        }
        st.mentions.sort_by_key(|m| (m.start, m.end));
        st.finish()
    }
}

/// What pass 1 found in one sentence.
#[derive(Debug, Clone, Default)]
struct SentenceFacts {
    /// Fixed mentions: (span, actor, kind).
    fixed: Vec<(TokSpan, usize, MentionKind)>,
    /// Gazetteer hits not consumed by a title (countries, orgs, surnames).
    gaz: Vec<GazHit>,
    roles: Vec<RoleHit>,
    /// Token spans of unresolved capitalised single words / sequences.
    caps: Vec<TokSpan>,
    /// Bare group nouns ("the rebels") with their CAMEO sector.
    sectors: Vec<(TokSpan, String)>,
    quotes: Vec<(usize, usize)>,
    /// Countries and organisations named inside a person's title ("US envoy", "Arab League
    /// chief"): actors of their own, mentioned as modifiers (never a source or target).
    affiliations: Vec<(TokSpan, usize)>,
}

fn quote_spans(text: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(o) = open.take() {
                    out.push((base + o, base + i));
                }
            }
            '"' => match open.take() {
                Some(o) => out.push((base + o, base + i)),
                None => open = Some(i),
            },
            _ => {}
        }
    }
    if let Some(o) = open {
        // Unclosed quote: runs to the end of the sentence (multi-paragraph quotes).
        out.push((base + o, base + text.len()));
    }
    out
}

fn tok_index_at(tokens: &[Token], byte: usize) -> Option<usize> {
    tokens.iter().position(|t| t.start == byte)
}

fn tok_index_ending(tokens: &[Token], byte: usize) -> Option<usize> {
    tokens.iter().position(|t| t.end == byte)
}

fn is_possessive(t: &Token) -> bool {
    t.lower.ends_with("'s") || t.lower == "'s" || t.lower.ends_with('\'')
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s)
}

impl State<'_> {
    fn gaz(&self) -> &Gazetteer {
        &self.rec.gaz
    }

    fn actor_for_entry(&mut self, entry: usize) -> usize {
        let e = &self.rec.gaz.entries[entry];
        if let Some(&i) = self.by_key.get(&e.key) {
            return i;
        }
        let mut roles = Vec::new();
        let mut classes = Vec::new();
        let mut cameo = e.cameo.clone();
        if let Some(d) = &self.published {
            for sp in &e.spells {
                if sp.covers(d, 0) {
                    // The CAMEO sector of the office held on the publication date (Tusk is
                    // POLGOV as prime minister in 2024, not the sector of his earlier EU
                    // office).
                    if roles.is_empty() && e.kind == ActorType::Person {
                        cameo = gazetteer::actor_code(e.country.as_deref(), &sp.sector);
                    }
                    roles.push(sp.role.clone());
                    classes.push((sp.class.clone(), e.country.clone()));
                }
            }
        }
        let parts = if e.kind == ActorType::Person {
            name_parts(&e.name, e.country.as_deref(), &self.rec.gaz)
        } else {
            Vec::new()
        };
        let rec = ActorRec {
            key: e.key.clone(),
            name: e.name.clone(),
            kind: e.kind,
            country: e.country.clone(),
            cameo,
            roles,
            aliases: Vec::new(),
        };
        let surnames = self.rec.gaz.surnames_of(entry).to_vec();
        let a = self.push_actor(rec, classes, parts);
        self.info[a].aliases = surnames;
        a
    }

    fn push_actor(
        &mut self,
        rec: ActorRec,
        classes: Vec<(String, Option<String>)>,
        parts: Vec<String>,
    ) -> usize {
        let i = self.actors.len();
        self.by_key.insert(rec.key.clone(), i);
        self.actors.push(rec);
        self.info.push(ActorInfo {
            classes,
            parts,
            aliases: Vec::new(),
            mentions: 0,
            last_sentence: 0,
        });
        i
    }

    fn new_person(
        &mut self,
        name: &str,
        country: Option<String>,
        role: Option<&gazetteer::Role>,
    ) -> usize {
        let name = strip_possessive(name).to_string();
        // A gazetteer person with this exact name wins; a single word ("President Trump")
        // is a short reference to a person named earlier in the article, else to the
        // gazetteer person of that surname who held the title's office ("former President
        // Clinton" in 2010 is Bill, not the secretary of state then in office), else to the
        // one in office around the publication date.
        let linked = self
            .gaz_person_named(&name)
            .map(|e| self.actor_for_entry(e))
            .or_else(|| {
                if name.split_whitespace().count() != 1 {
                    return None;
                }
                let part = fold(&name);
                self.person_with_part(&part).or_else(|| {
                    role.and_then(|r| self.gaz_surname_with_role(&part, r))
                        .or_else(|| self.gaz_surname_in_office(&part))
                        .map(|e| self.actor_for_entry(e))
                })
            });
        if let Some(a) = linked {
            if let Some(r) = role {
                self.add_role(a, r, country);
            }
            return a;
        }
        let key = format!(
            "new:{}|{}",
            gazetteer::slug(&name),
            country.as_deref().unwrap_or("-")
        );
        // The same name seen earlier in this article without a country is the same person.
        let existing = self.by_key.get(&key).copied().or_else(|| {
            let prefix = format!("new:{}|", gazetteer::slug(&name));
            self.actors.iter().position(|a| a.key.starts_with(&prefix))
        });
        let a = match existing {
            Some(a) => {
                if self.actors[a].country.is_none() && country.is_some() {
                    self.actors[a].country = country.clone();
                }
                a
            }
            None => {
                let parts = name_parts(&name, country.as_deref(), &self.rec.gaz);
                let rec = ActorRec {
                    key,
                    name: name.clone(),
                    kind: ActorType::Person,
                    country: country.clone(),
                    cameo: None,
                    roles: Vec::new(),
                    aliases: Vec::new(),
                };
                self.push_actor(rec, Vec::new(), parts)
            }
        };
        if let Some(r) = role {
            self.add_role(a, r, country);
        }
        a
    }

    fn add_role(&mut self, a: usize, r: &gazetteer::Role, country: Option<String>) {
        if r.class == "honorific" || r.class == "counterpart" {
            return;
        }
        let country = country.or_else(|| self.actors[a].country.clone());
        if !self.actors[a].roles.contains(&r.role) {
            self.actors[a].roles.push(r.role.clone());
        }
        if !self.info[a].classes.iter().any(|(c, _)| c == &r.class) {
            self.info[a]
                .classes
                .push((r.class.clone(), country.clone()));
        }
        if self.actors[a].cameo.is_none() {
            self.actors[a].cameo = gazetteer::actor_code(country.as_deref(), &r.sector);
        }
    }

    /// The single gazetteer person whose one-word alias is `part` (lower case) and who held
    /// an office within a year of the publication date.
    fn gaz_surname_in_office(&self, part: &str) -> Option<usize> {
        let date = self.published.as_deref()?;
        let mut hits: Vec<usize> = self
            .gaz()
            .surfaces_named(part)
            .filter(|s| s.kind == SurfaceKind::Surname)
            .map(|s| s.entry)
            .filter(|&e| {
                self.gaz().entries[e]
                    .spells
                    .iter()
                    .any(|sp| sp.covers(date, 365))
            })
            .collect();
        hits.sort_unstable();
        hits.dedup();
        (hits.len() == 1).then(|| hits[0])
    }

    /// The gazetteer person whose one-word alias is `part` (lower case) and who held the
    /// office `role` names at any time: "President Reagan" in an undated article, "former
    /// Prime Minister Major" ten years on. The title is the evidence the publication date
    /// cannot give. Several such holders link only when they share a country (the Bushes):
    /// the one whose spell lies nearest the publication date, else the first listed.
    fn gaz_surname_with_role(&self, part: &str, role: &gazetteer::Role) -> Option<usize> {
        if role.sector.is_empty() {
            return None;
        }
        let mut hits: Vec<(usize, i64)> = Vec::new();
        for s in self.gaz().surfaces_named(part) {
            if s.kind != SurfaceKind::Surname || hits.iter().any(|h| h.0 == s.entry) {
                continue;
            }
            let e = &self.gaz().entries[s.entry];
            let distance = e
                .spells
                .iter()
                .filter(|sp| sp.role == role.role)
                .map(|sp| match &self.published {
                    Some(d) => sp.days_from(d),
                    None => 0,
                })
                .min();
            if let Some(d) = distance {
                hits.push((s.entry, d));
            }
        }
        let first = hits.first()?;
        let country = &self.gaz().entries[first.0].country;
        if country.is_none()
            || hits
                .iter()
                .any(|h| &self.gaz().entries[h.0].country != country)
        {
            return None;
        }
        hits.iter().min_by_key(|h| h.1).map(|h| h.0)
    }

    /// True when a mention emitted so far contains a name or demonym of gazetteer entry
    /// `entry` as whole words, written as the gazetteer writes it ("North Korean" in "North
    /// Korean leader Kim Jong Un").
    fn named_in_mentions(&self, entry: usize) -> bool {
        let names: Vec<&str> = self
            .gaz()
            .surfaces
            .iter()
            .filter(|s| {
                s.entry == entry && matches!(s.kind, SurfaceKind::Name | SurfaceKind::Demonym)
            })
            .map(|s| s.text.as_str())
            .collect();
        self.mentions.iter().any(|m| {
            names.iter().any(|n| {
                m.text
                    .match_indices(n)
                    .any(|(i, _)| word_boundary_ok(&m.text, i, i + n.len()))
            })
        })
    }

    fn gaz_person_named(&self, name: &str) -> Option<usize> {
        self.gaz()
            .surfaces_named(&fold(name))
            .find(|s| {
                s.kind == SurfaceKind::Name && self.gaz().entries[s.entry].kind == ActorType::Person
            })
            .map(|s| s.entry)
    }

    /// Pass 1 over one sentence.
    fn names_pass(&mut self, s: &crate::text::Sentence) -> SentenceFacts {
        let toks = &s.tokens;
        let mut facts = SentenceFacts {
            quotes: quote_spans(&s.text, s.start),
            ..Default::default()
        };
        // Gazetteer hits.
        let is_title = |w: &str| self.gaz().roles.contains_key(&w.trim().to_lowercase());
        // A name broken over two lines is the name ("Angela\nMerkel"): matched on a copy
        // with line breaks as spaces (same byte length, so offsets hold).
        let flat = s.text.replace('\n', " ");
        for (ms, me, pat) in name_hits(&self.rec.names, &flat, is_title) {
            let surface = self.rec.name_of[pat];
            let surf = &self.gaz().surfaces[surface];
            if !word_boundary_ok(&s.text, ms, me) {
                continue;
            }
            let written = &flat[ms..me];
            if surf.case_sensitive && written.replace('’', "'") != surf.text.replace('’', "'") {
                continue;
            }
            // Names are capitalised, except where the gazetteer writes them in lower case
            // and the text agrees ("al-Qaeda", "al-Shabaab").
            let lower_name = surf.text.starts_with(|c: char| c.is_lowercase())
                && written.replace('’', "'") == surf.text.replace('’', "'");
            if !lower_name
                && !written
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_numeric())
            {
                continue;
            }
            let (Some(from), Some(to)) = (
                tok_index_at(toks, s.start + ms),
                tok_index_ending(toks, s.start + me).or_else(|| {
                    // The match may end inside a possessive token ("Trump's").
                    toks.iter()
                        .position(|t| t.start < s.start + me && t.end > s.start + me)
                }),
            ) else {
                continue;
            };
            facts.gaz.push(GazHit {
                span: TokSpan { from, to: to + 1 },
                surface,
            });
        }
        // Short names of countries ("the North"): the later words as written, and no
        // capitalised word after ("the North Korean", "the North Atlantic").
        for m in self.rec.shorts.find_iter(&s.text) {
            let (ms, me) = (m.start(), m.end());
            let surface = self.rec.short_of[m.pattern().as_usize()];
            let surf = &self.gaz().surfaces[surface];
            let written = &s.text[ms..me];
            let tail = |x: &str| x.split_once(' ').map(|(_, t)| t.to_string());
            if !word_boundary_ok(&s.text, ms, me)
                || tail(written) != tail(&surf.text)
                || s.text[me..]
                    .trim_start()
                    .starts_with(|c: char| c.is_uppercase() || c == '-')
            {
                continue;
            }
            let (Some(from), Some(to)) = (
                tok_index_at(toks, s.start + ms),
                tok_index_ending(toks, s.start + me),
            ) else {
                continue;
            };
            if facts
                .gaz
                .iter()
                .any(|g| g.span.from <= to && from < g.span.to)
            {
                continue;
            }
            facts.gaz.push(GazHit {
                span: TokSpan { from, to: to + 1 },
                surface,
            });
        }
        // Role hits.
        for m in self.rec.roles.find_iter(&s.text) {
            if !word_boundary_ok(&s.text, m.start(), m.end()) {
                continue;
            }
            let (Some(from), Some(to)) = (
                tok_index_at(toks, s.start + m.start()),
                tok_index_ending(toks, s.start + m.end()).or_else(|| {
                    toks.iter()
                        .position(|t| t.start < s.start + m.end() && t.end > s.start + m.end())
                }),
            ) else {
                continue;
            };
            let key = self.rec.role_keys[m.pattern().as_usize()].clone();
            // A role word that is also part of a gazetteer name ("President" in a name) is skipped.
            facts.roles.push(RoleHit {
                span: TokSpan { from, to: to + 1 },
                key,
            });
        }
        // A title whose last word also begins a gazetteer name ("Crown Prince" + "Prince
        // Mohammed bin Salman"): the title keeps its word, the name starts after it.
        for g in &mut facts.gaz {
            if let Some(r) = facts.roles.iter().find(|r| {
                r.span.from < g.span.from && g.span.from < r.span.to && r.span.to < g.span.to
            }) {
                g.span.from = r.span.to;
            }
        }
        // Capitalised sequences not covered by gazetteer names or roles.
        let covered = |i: usize, f: &SentenceFacts| {
            f.gaz.iter().any(|g| {
                g.span.from <= i
                    && i < g.span.to
                    && self.gaz().surfaces[g.surface].kind != SurfaceKind::Surname
            }) || f.roles.iter().any(|r| r.span.from <= i && i < r.span.to)
        };
        let mut i = 0;
        while i < toks.len() {
            if !self.name_token(&toks[i]) || covered(i, &facts) {
                i += 1;
                continue;
            }
            let from = i;
            let mut to = i + 1;
            while to < toks.len() {
                let t = &toks[to];
                if covered(to, &facts) {
                    break;
                }
                if self.name_token(t) && !is_possessive(&toks[to - 1]) {
                    to += 1;
                } else if self.gaz().name_word(&t.lower) == Some(NameWordKind::Particle)
                    && to + 1 < toks.len()
                    && self.name_token(&toks[to + 1])
                {
                    to += 2;
                } else {
                    break;
                }
            }
            facts.caps.push(TokSpan { from, to });
            i = to;
        }
        // Decide which capitalised sequences are persons.
        let caps = std::mem::take(&mut facts.caps);
        let mut rest = Vec::new();
        for span in caps {
            match self.person_evidence(s, &facts, span) {
                Some((role, country, title_from)) => {
                    let name = seq_text(s, span);
                    // An organisation in the title ("Islamic Jihad mediator") is the person's
                    // affiliation: its country, and its CAMEO code as the person's (as
                    // Phoenix codes members of a group).
                    let org = title_from.and_then(|tf| {
                        facts.gaz.iter().find_map(|h| {
                            let surf = &self.gaz().surfaces[h.surface];
                            let e = &self.gaz().entries[surf.entry];
                            (h.span.from >= tf
                                && h.span.to <= span.from
                                && surf.kind == SurfaceKind::Name
                                && e.kind == ActorType::Organization)
                                .then(|| (e.country.clone(), e.cameo.clone()))
                        })
                    });
                    let country = country.or_else(|| org.as_ref().and_then(|o| o.0.clone()));
                    let a = self.new_person(&name, country, role.as_ref());
                    if let Some((_, Some(code))) = org
                        && self.actors[a].key.starts_with("new:")
                    {
                        self.actors[a].cameo = Some(code);
                    }
                    facts.fixed.push((
                        TokSpan {
                            from: span.from,
                            to: span.to,
                        },
                        a,
                        MentionKind::Name,
                    ));
                    if let Some(tf) = title_from {
                        // The title ("Chinese foreign ministry spokesman") names the same person.
                        let to = trim_punct(&s.tokens, tf, span.from);
                        if tf < to {
                            facts
                                .fixed
                                .push((TokSpan { from: tf, to }, a, MentionKind::Role));
                        }
                    }
                }
                None => rest.push(span),
            }
        }
        facts.caps = rest;
        // Gazetteer persons by full name (with a role in front, the role is theirs).
        let gaz_hits = facts.gaz.clone();
        let mut kept = Vec::new();
        for h in gaz_hits {
            let surf = &self.gaz().surfaces[h.surface];
            let entry = &self.gaz().entries[surf.entry];
            if entry.kind == ActorType::Person && surf.kind == SurfaceKind::Name {
                let entry_idx = surf.entry;
                let a = self.actor_for_entry(entry_idx);
                if let Some((role, country, tf)) = self.title_before(s, &facts, h.span.from) {
                    if let Some(r) = role {
                        self.add_role(a, &r, country);
                    }
                    if let Some(tf) = tf {
                        let to = trim_punct(&s.tokens, tf, h.span.from);
                        if tf < to {
                            facts
                                .fixed
                                .push((TokSpan { from: tf, to }, a, MentionKind::Role));
                        }
                    }
                }
                facts.fixed.push((h.span, a, MentionKind::Name));
            } else {
                kept.push(h);
            }
        }
        // Gazetteer hits inside a title span are consumed by it; the countries and
        // organisations among them are the person's affiliation and actors of their own.
        for h in &kept {
            // By name ("US envoy", "Arab League chief"), not by demonym ("German
            // Chancellor"), which only says where the person is from.
            if self.gaz().surfaces[h.surface].kind != SurfaceKind::Name {
                continue;
            }
            let entry = self.gaz().surfaces[h.surface].entry;
            let kind = self.gaz().entries[entry].kind;
            let in_title = facts.fixed.iter().any(|(sp, _, k)| {
                *k == MentionKind::Role && sp.from <= h.span.from && h.span.to <= sp.to
            });
            if in_title && matches!(kind, ActorType::Country | ActorType::Organization) {
                let a = self.actor_for_entry(entry);
                facts.affiliations.push((h.span, a));
            }
        }
        facts.gaz = kept
            .into_iter()
            .filter(|h| {
                !facts
                    .fixed
                    .iter()
                    .any(|(sp, _, _)| sp.from <= h.span.from && h.span.to <= sp.to)
            })
            .collect();
        facts.roles.retain(|r| {
            !facts
                .fixed
                .iter()
                .any(|(sp, _, _)| sp.from <= r.span.from && r.span.to <= sp.to)
        });
        self.sector_mentions(s, &mut facts);
        facts
    }

    /// Country + sector noun ("Israeli troops" → the state; "Zairean rebels" → a group actor
    /// of that country and sector), and bare group nouns ("the rebels") for pass 2.
    fn sector_mentions(&mut self, s: &crate::text::Sentence, facts: &mut SentenceFacts) {
        let toks = &s.tokens;
        let lower: Vec<&str> = toks.iter().map(|t| t.lower.as_str()).collect();
        let mut keep = Vec::new();
        let all = facts.gaz.clone();
        for h in std::mem::take(&mut facts.gaz) {
            let surf = self.gaz().surfaces[h.surface].clone();
            let is_country = self.gaz().entries[surf.entry].kind == ActorType::Country
                && matches!(surf.kind, SurfaceKind::Name | SurfaceKind::Demonym);
            if is_country
                && surf.kind == SurfaceKind::Demonym
                && h.span.from > 0
                && lower[h.span.from - 1] == "ethnic"
            {
                self.ethnic_group(s, &h, surf.entry, &all, facts);
                continue;
            }
            // "Thousands of Algerians", "young Palestinians": a crowd of a country's people
            // is its civilians, not the state ("the Palestinians" alone stays the state).
            if is_country
                && surf.kind == SurfaceKind::Demonym
                && toks[h.span.to - 1].text.ends_with('s')
                && self.gaz().sector_at(&lower, h.span.to).is_none()
                && let Some((sector, n)) = self
                    .gaz()
                    .crowd_before(&lower, h.span.from)
                    .map(|(c, n)| (c.to_string(), n))
            {
                let span = TokSpan {
                    from: h.span.from - n,
                    to: h.span.to,
                };
                let name = seq_text(s, h.span);
                let a = self.group_actor(surf.entry, &sector, Some("people"), &name);
                facts.fixed.push((span, a, MentionKind::Name));
                continue;
            }
            // "Hamas militants", "Taliban fighters": the organisation itself.
            let is_org = self.gaz().entries[surf.entry].kind == ActorType::Organization
                && surf.kind == SurfaceKind::Name;
            if is_org && let Some((_, n)) = self.gaz().sector_at(&lower, h.span.to) {
                let span = TokSpan {
                    from: h.span.from,
                    to: h.span.to + n,
                };
                let a = self.actor_for_entry(surf.entry);
                facts.fixed.push((span, a, MentionKind::Name));
                continue;
            }
            let sector = if is_country {
                // Allow one modifier between an adjective and its noun: "Zairean government
                // troops", "Somali interim government" — never after a name, where the word
                // between is a verb ("Russia withdrew troops", "Israel attacked militants").
                let demonym = surf.kind == SurfaceKind::Demonym;
                self.gaz()
                    .sector_at(&lower, h.span.to)
                    .map(|(w, n)| (w.clone(), n))
                    .or_else(|| {
                        let gap = toks.get(h.span.to)?;
                        (demonym && gap.text.chars().all(|c| c.is_lowercase() || c == '-'))
                            .then(|| {
                                self.gaz()
                                    .sector_at(&lower, h.span.to + 1)
                                    .map(|(w, n)| (w.clone(), n + 1))
                            })
                            .flatten()
                    })
            } else {
                None
            };
            match sector {
                Some((w, n)) => {
                    let span = TokSpan {
                        from: h.span.from,
                        to: h.span.to + n,
                    };
                    if w.group {
                        let text = seq_text(s, span);
                        // People of a country stay apart by what they are ("Palestinian
                        // refugees", "Palestinian students"), under one CAMEO code (PSECVL).
                        let kind = (!w.bare).then(|| w.words.join(" "));
                        let a = self.group_actor(surf.entry, &w.sector, kind.as_deref(), &text);
                        facts.fixed.push((span, a, MentionKind::Name));
                    } else {
                        let a = self.actor_for_entry(surf.entry);
                        facts.fixed.push((span, a, MentionKind::Demonym));
                    }
                }
                None => keep.push(h),
            }
        }
        facts.gaz = keep;
        // People named by a plural demonym and placed in another country ("the Albanians of
        // southern Serbia", "ethnic Turks in Bulgaria") are people of that country, not the
        // state of their name (CAMEO codes minorities by where they live: SRBCVL).
        let mut k = 0;
        while k < facts.gaz.len() {
            let h = facts.gaz[k].clone();
            let surf = self.gaz().surfaces[h.surface].clone();
            let plural = toks[h.span.to - 1].text.ends_with('s');
            let home = self.gaz().entries[surf.entry].country.clone();
            let placed = (surf.kind == SurfaceKind::Demonym && plural)
                .then(|| self.place_after(&lower, facts, h.span.to))
                .flatten()
                .filter(|&e| self.gaz().entries[e].country != home);
            if let Some(entry) = placed {
                let noun = seq_text(s, h.span);
                let name = format!("{noun} in {}", self.gaz().entries[entry].name);
                let kind = noun.to_lowercase();
                let a = self.group_actor(entry, "CVL", Some(&kind), &name);
                facts.gaz.remove(k);
                facts.fixed.push((h.span, a, MentionKind::Name));
                continue;
            }
            k += 1;
        }
        let covered = |i: usize, f: &SentenceFacts| {
            f.fixed.iter().any(|(sp, _, _)| sp.from <= i && i < sp.to)
                || f.gaz.iter().any(|g| g.span.from <= i && i < g.span.to)
        };
        let mut i = 0;
        while i < toks.len() {
            // A group placed by a country or place right after it ("demonstrators in
            // Baghdad", "students throughout Indonesia", "opposition parties in Nepal") is
            // the group of that country, a state body so placed the state. Reporters in a
            // city are only an audience.
            if !covered(i, facts)
                && let Some((w, n)) = self.gaz().sector_at(&lower, i).map(|(w, n)| (w.clone(), n))
                && w.sector != "MED"
                && let Some(entry) = self.place_after(&lower, facts, i + n)
                && !self.coordinated_place_after(&lower, facts, i + n)
            {
                let span = TokSpan { from: i, to: i + n };
                // "the authorities in Tehran", "officials in Washington": the state itself.
                // Not troops: "troops in Iraq" are seldom Iraq's.
                if !w.group {
                    if w.sector != "MIL" {
                        let a = self.actor_for_entry(entry);
                        facts.fixed.push((span, a, MentionKind::Demonym));
                    }
                    i += n;
                    continue;
                }
                let name = format!("{} {}", self.gaz().entries[entry].name, w.words.join(" "));
                let kind = (!w.bare).then(|| w.words.join(" "));
                let a = self.group_actor(entry, &w.sector, kind.as_deref(), &name);
                facts.fixed.push((span, a, MentionKind::Name));
                i += n;
                continue;
            }
            // "between Zairean rebels and the government": resolved in pass 2 against the
            // rebels or opposition named in the same sentence.
            if !covered(i, facts)
                && self
                    .gaz()
                    .sector_at(&lower, i)
                    .is_some_and(|(w, n)| w.challenged && n == 1)
                && i > 0
                && lower[i - 1] == "the"
                && !matches!(lower.get(i + 1).copied(), Some("of" | "in" | "'s" | "’s"))
            {
                facts.sectors.push((
                    TokSpan {
                        from: i - 1,
                        to: i + 1,
                    },
                    OWN_GOVERNMENT.to_string(),
                ));
                i += 1;
                continue;
            }
            if !covered(i, facts)
                && let Some((w, n)) = self.gaz().sector_at(&lower, i)
                && w.bare
                && (w.words.len() > 1
                    || w.words[0] != "opposition"
                    || (i > 0 && lower[i - 1] == "the" && lower.get(i + 1) != Some(&"to")))
            {
                facts
                    .sectors
                    .push((TokSpan { from: i, to: i + n }, w.sector.clone()));
                i += n;
                continue;
            }
            i += 1;
        }
    }

    /// The country entry of a country or place named after `in`, `of`, `from`,
    /// `throughout` or `across` at token `at` (optionally with `the` and a direction:
    /// "in southern Serbia"): the location of a group noun ending at `at`.
    fn place_after(&self, lower: &[&str], facts: &SentenceFacts, at: usize) -> Option<usize> {
        if !matches!(
            lower.get(at).copied(),
            Some("in" | "of" | "from" | "throughout" | "across")
        ) {
            return None;
        }
        // "in the south of", "of southern Serbia": skip an article and a direction.
        let mut start = at + 1;
        if lower.get(start) == Some(&"the") {
            start += 1;
        }
        if lower.get(start).is_some_and(|w| {
            matches!(
                *w,
                "southern"
                    | "northern"
                    | "eastern"
                    | "western"
                    | "central"
                    | "south"
                    | "north"
                    | "east"
                    | "west"
            )
        }) {
            start += 1;
        }
        facts.gaz.iter().find_map(|h| {
            let surf = &self.gaz().surfaces[h.surface];
            (h.span.from == start
                && self.gaz().entries[surf.entry].kind == ActorType::Country
                && matches!(
                    surf.kind,
                    SurfaceKind::Name | SurfaceKind::Place | SurfaceKind::Government
                ))
            .then_some(surf.entry)
        })
    }

    /// Whether the country named after `in`/`of` … at token `at` ([`Self::place_after`]) is
    /// the first of several ("the leaders of France and Japan", "officials of Egypt, Jordan
    /// and Syria"): the noun before then names no one country, and each country stays its
    /// own mention.
    fn coordinated_place_after(&self, lower: &[&str], facts: &SentenceFacts, at: usize) -> bool {
        let country_at = |k: usize| {
            facts.gaz.iter().find(|h| {
                h.span.from == k
                    && self.gaz().entries[self.gaz().surfaces[h.surface].entry].kind
                        == ActorType::Country
            })
        };
        let mut start = at + 1;
        if lower.get(start) == Some(&"the") {
            start += 1;
        }
        let Some(first) = country_at(start) else {
            return false;
        };
        let mut k = first.span.to;
        while matches!(lower.get(k).copied(), Some("," | "and" | "or")) {
            k += 1;
        }
        k > first.span.to && country_at(k).is_some()
    }

    /// The group actor of a country and sector (`grp:ISO3:SECTOR`, for people of a country
    /// `grp:ISO3:SECTOR:noun`), created on first use.
    fn group_actor(
        &mut self,
        country_entry: usize,
        sector: &str,
        kind: Option<&str>,
        text: &str,
    ) -> usize {
        // The group's state is an actor of the article too (kept by `finish`).
        self.actor_for_entry(country_entry);
        let iso = self.gaz().entries[country_entry]
            .country
            .clone()
            .unwrap_or_default();
        let key = match kind {
            Some(k) => format!("grp:{iso}:{sector}:{k}"),
            None => format!("grp:{iso}:{sector}"),
        };
        if let Some(&a) = self.by_key.get(&key) {
            return a;
        }
        let name = text
            .trim_start_matches("the ")
            .trim_start_matches("The ")
            .to_string();
        let rec = ActorRec {
            key,
            name,
            kind: ActorType::Organization,
            country: Some(iso.clone()),
            cameo: Some(format!("{iso}{sector}")),
            roles: Vec::new(),
            aliases: Vec::new(),
        };
        self.push_actor(rec, Vec::new(), Vec::new())
    }

    /// "ethnic Albanians (in Serbia)", "ethnic Albanian rebels": an ethnic group is no
    /// mention of the state its name comes from. It is a group of the country it lives in
    /// (CAMEO codes residents by that country: ethnic Albanians in Serbia are SRBCVL) — the
    /// other country named in the sentence, one after "in" first; without one it names no
    /// actor. The sector is the noun's after the demonym ("rebels" → REB), else civilians.
    fn ethnic_group(
        &mut self,
        s: &crate::text::Sentence,
        h: &GazHit,
        own: usize,
        all: &[GazHit],
        facts: &mut SentenceFacts,
    ) {
        let lower: Vec<&str> = s.tokens.iter().map(|t| t.lower.as_str()).collect();
        let residence = all
            .iter()
            .filter(|o| {
                let surf = &self.gaz().surfaces[o.surface];
                surf.entry != own
                    && self.gaz().entries[surf.entry].kind == ActorType::Country
                    && matches!(surf.kind, SurfaceKind::Name | SurfaceKind::Demonym)
            })
            .min_by_key(|o| {
                let after_in = o.span.from > 0 && lower[o.span.from - 1] == "in";
                (!after_in, o.span.from.abs_diff(h.span.from))
            })
            .map(|o| self.gaz().surfaces[o.surface].entry);
        let Some(home) = residence else {
            return;
        };
        let (sector, n) = match self.gaz().sector_at(&lower, h.span.to) {
            Some((w, n)) if w.group => (w.sector.clone(), n),
            _ => ("CVL".to_string(), 0),
        };
        let span = TokSpan {
            from: h.span.from - 1,
            to: h.span.to + n,
        };
        let text = seq_text(s, span);
        let kind = text.to_lowercase();
        let a = self.group_actor(home, &sector, Some(&kind), &text);
        facts.fixed.push((span, a, MentionKind::Name));
    }

    /// The state whose rebels or opposition a sentence names with their country ("Zairean
    /// rebels", "rebels in Somalia": its fixed mentions, not a bare "the rebels"), if
    /// exactly one country's: the referent of a bare "the government" or "the regime"
    /// there ("talks between Zairean rebels and the government").
    fn government_of_challengers(&mut self, facts: &SentenceFacts) -> Option<usize> {
        let mut isos: Vec<String> = Vec::new();
        for a in facts.fixed.iter().map(|f| f.1) {
            let r = &self.actors[a];
            let mut parts = r.key.split(':');
            if parts.next() == Some("grp")
                && let Some(iso) = parts.next()
                && matches!(parts.next(), Some("REB" | "OPP"))
                && !isos.iter().any(|x| x == iso)
            {
                isos.push(iso.to_string());
            }
        }
        let [iso] = isos.as_slice() else {
            return None;
        };
        let entry = *self.gaz().countries.get(iso)?;
        Some(self.actor_for_entry(entry))
    }

    /// A bare group noun ("the rebels"): the group of that sector named last before it in
    /// the article, else the group of the article's home country.
    fn resolve_sector(&mut self, sector: &str, text: &str) -> Option<usize> {
        let suffix = format!(":{sector}");
        let known = (0..self.actors.len())
            // Only a group already mentioned: one named later in the article is no antecedent.
            .filter(|&i| {
                self.actors[i].key.starts_with("grp:")
                    && self.actors[i].key.ends_with(&suffix)
                    && self.info[i].mentions > 0
            })
            .max_by_key(|&i| self.info[i].last_sentence);
        if known.is_some() {
            return known;
        }
        let home = self.home_country()?;
        let entry = *self.gaz().countries.get(&home)?;
        let name = format!(
            "{} {}",
            self.gaz().entries[entry].name,
            text.trim_start_matches("the ").trim_start_matches("The ")
        );
        Some(self.group_actor(entry, sector, None, &name))
    }

    fn name_token(&self, t: &Token) -> bool {
        if !t.is_capitalized() || t.is_punct() {
            return false;
        }
        let base = strip_possessive(&t.lower);
        if matches!(
            self.gaz().name_word(base),
            Some(NameWordKind::NotName) | Some(NameWordKind::SpeechVerb)
        ) {
            return false;
        }
        // All-caps words of 2+ letters are acronyms, not names (unless mixed with lower case).
        let letters: Vec<char> = t.text.chars().filter(|c| c.is_alphabetic()).collect();
        !(letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()))
    }

    /// Country named by a gazetteer hit (country name, demonym, government), if any.
    fn hit_country(&self, h: &GazHit) -> Option<String> {
        let surf = &self.gaz().surfaces[h.surface];
        let e = &self.gaz().entries[surf.entry];
        match e.kind {
            ActorType::Country => e.country.clone(),
            _ => None,
        }
    }

    /// Looks left of token `at` for a title: role words, optionally preceded by a country,
    /// demonym or possessive ("Japan's Foreign Minister"). Returns the role, the country and
    /// the first token of the title.
    #[allow(clippy::type_complexity)]
    fn title_before(
        &self,
        s: &crate::text::Sentence,
        facts: &SentenceFacts,
        at: usize,
    ) -> Option<(Option<gazetteer::Role>, Option<String>, Option<usize>)> {
        let toks = &s.tokens;
        // Role directly before (optionally with a comma: "the US president, Donald Trump").
        let mut end = at;
        if end > 0 && toks[end - 1].text == "," {
            end -= 1;
        }
        // "his (Italian) counterpart (,) NAME"
        let role = facts
            .roles
            .iter()
            .filter(|r| {
                r.span.to == end || (r.span.to + 1 == end && self.is_title_filler(&toks[end - 1]))
            })
            .max_by_key(|r| r.span.to - r.span.from)?;
        let role_def = self.gaz().role(&role.key).cloned();
        // An honorific ("Mr", "Dr") marks a person but says nothing about role or country.
        if role_def.as_ref().is_some_and(|r| r.class == "honorific") {
            return Some((role_def, None, None));
        }
        // Extend left over the title: demonyms/countries/orgs/possessives/capitalised words.
        let mut from = role.span.from;
        let mut country = None;
        let mut steps = 0;
        while from > 0 && steps < 6 {
            let t = &toks[from - 1];
            if let Some(h) = facts.gaz.iter().find(|h| h.span.to == from) {
                if let Some(c) = self.hit_country(h) {
                    country.get_or_insert(c);
                }
                from = h.span.from;
            } else if let Some(r) = facts.roles.iter().find(|r| r.span.to == from) {
                from = r.span.from;
            } else if (t.is_capitalized()
                && !t.is_punct()
                && self.gaz().name_word(&t.lower).is_none())
                || matches!(t.lower.as_str(), "of" | "'s")
            {
                from -= 1;
            } else {
                break;
            }
            steps += 1;
        }
        // A title never starts with "of".
        while from < role.span.from && matches!(toks[from].lower.as_str(), "of" | "'s") {
            from += 1;
        }
        // Possessive country: "Ukraine's president".
        if country.is_none() {
            for h in &facts.gaz {
                if h.span.from >= from
                    && h.span.to <= role.span.from
                    && let Some(c) = self.hit_country(h)
                {
                    country = Some(c);
                }
            }
        }
        Some((role_def, country, Some(from)))
    }

    fn is_title_filler(&self, t: &Token) -> bool {
        t.is_capitalized() && self.gaz().name_word(&t.lower).is_none()
    }

    /// Evidence that a capitalised sequence is a person: (role, country, first title token).
    #[allow(clippy::type_complexity)]
    fn person_evidence(
        &self,
        s: &crate::text::Sentence,
        facts: &SentenceFacts,
        span: TokSpan,
    ) -> Option<(Option<gazetteer::Role>, Option<String>, Option<usize>)> {
        let toks = &s.tokens;
        let words: Vec<&Token> = toks[span.from..span.to].iter().collect();
        // Organisation and place cues mean not a person.
        if words.iter().any(|t| {
            matches!(
                self.gaz().name_word(strip_possessive(&t.lower)),
                Some(NameWordKind::OrgCue) | Some(NameWordKind::PlaceCue)
            )
        }) {
            return None;
        }
        // A title before the name.
        if let Some((role, country, from)) = self.title_before(s, facts, span.from) {
            // "the summit in Hanoi": a bare role word like "leaders" before a place is not a title.
            return Some((role, country, from));
        }
        // An appositive role after: "NAME, the ROLE" / "NAME, ROLE of".
        if span.to + 1 < toks.len() && toks[span.to].text == "," {
            let window_end = (span.to + 7).min(toks.len());
            if let Some(r) = facts
                .roles
                .iter()
                .find(|r| r.span.from > span.to && r.span.to <= window_end)
            {
                let between_ok = toks[span.to + 1..r.span.from].iter().all(|t| {
                    matches!(
                        t.lower.as_str(),
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "its"
                            | "'s"
                            | "then"
                            | "former"
                            | "deputy"
                            | "acting"
                            | "chief"
                    ) || t.is_capitalized()
                        || is_possessive(t)
                });
                if between_ok {
                    let role = self.gaz().role(&r.key).cloned();
                    let country = facts
                        .gaz
                        .iter()
                        .filter(|h| h.span.from > span.to && h.span.to <= r.span.to + 4)
                        .find_map(|h| self.hit_country(h));
                    if words.len() >= 2 || role.is_some() {
                        return Some((role, country, None));
                    }
                }
            }
        }
        // Two or more name words followed by a verb of saying.
        if words.len() >= 2
            && let Some(next) = toks.get(span.to)
            && self.gaz().name_word(&next.lower) == Some(NameWordKind::SpeechVerb)
        {
            return Some((None, None, None));
        }
        // "said NAME" at the end of a quote: ', said Aziz Pahad.'
        if words.len() >= 2
            && span.from > 0
            && self.gaz().name_word(&toks[span.from - 1].lower) == Some(NameWordKind::SpeechVerb)
        {
            return Some((None, None, None));
        }
        None
    }

    /// Pass 2 over one sentence: emits mentions in order, resolving references.
    fn references_pass(&mut self, si: usize, s: &crate::text::Sentence, facts: &SentenceFacts) {
        let toks = &s.tokens;
        self.main_clause.insert(si, main_clause_start(s));
        let mut items: Vec<(TokSpan, Item)> = Vec::new();
        for (sp, a, k) in &facts.fixed {
            items.push((*sp, Item::Fixed(*a, *k)));
        }
        for h in &facts.gaz {
            items.push((h.span, Item::Gaz(h.surface)));
        }
        for c in &facts.caps {
            items.push((*c, Item::Caps));
        }
        for r in &facts.roles {
            items.push((r.span, Item::Role(r.key.clone())));
        }
        for (sp, sector) in &facts.sectors {
            items.push((*sp, Item::Sector(sector.clone())));
        }
        for (i, t) in toks.iter().enumerate() {
            if PRONOUNS.contains(&t.lower.as_str()) {
                items.push((TokSpan { from: i, to: i + 1 }, Item::Pronoun));
            }
            if let Some(len) = group_at(toks, i) {
                items.push((
                    TokSpan {
                        from: i,
                        to: i + len,
                    },
                    Item::Group,
                ));
            }
        }
        items.sort_by_key(|(sp, _)| (sp.from, std::cmp::Reverse(sp.to)));
        // Drop items overlapping an earlier kept item.
        let mut kept: Vec<(TokSpan, Item)> = Vec::new();
        for (sp, it) in items {
            if kept.iter().any(|(k, _)| sp.from < k.to && k.from < sp.to) {
                continue;
            }
            kept.push((sp, it));
        }
        for (sp, it) in kept {
            let mut start = toks[sp.from].start;
            let end = toks[sp.to - 1].end;
            let in_quote = facts.quotes.iter().any(|(a, b)| *a <= start && end <= *b);
            let (actors, kind) = match it {
                Item::Fixed(a, k) => (vec![a], k),
                Item::Gaz(surface) => {
                    let surf = self.gaz().surfaces[surface].clone();
                    match surf.kind {
                        SurfaceKind::Surname => {
                            match self.resolve_surname(&toks[sp.from].lower, surf.entry) {
                                Some(a) => (vec![a], MentionKind::Surname),
                                None => continue,
                            }
                        }
                        SurfaceKind::Demonym => {
                            // A demonym directly before a role word is part of a role description.
                            (vec![self.actor_for_entry(surf.entry)], MentionKind::Demonym)
                        }
                        SurfaceKind::Government => (
                            vec![self.actor_for_entry(surf.entry)],
                            MentionKind::Government,
                        ),
                        SurfaceKind::Name => {
                            (vec![self.actor_for_entry(surf.entry)], MentionKind::Name)
                        }
                        SurfaceKind::Short => {
                            // Only once the article has named the country: as an actor, or
                            // inside another's mention ("North Korean leader Kim Jong Un").
                            let key = &self.gaz().entries[surf.entry].key;
                            let mentioned =
                                self.by_key.get(key).copied().filter(|&a| {
                                    self.mentions.iter().any(|m| m.actors.contains(&a))
                                });
                            if mentioned.is_some() || self.named_in_mentions(surf.entry) {
                                (vec![self.actor_for_entry(surf.entry)], MentionKind::Name)
                            } else {
                                continue;
                            }
                        }
                        SurfaceKind::Place => {
                            (vec![self.actor_for_entry(surf.entry)], MentionKind::Place)
                        }
                    }
                }
                Item::Caps => {
                    // "Because Netanyahu …": a capitalised sentence-initial word is not part of
                    // the name when the rest is a known name.
                    let sp = if sp.from == 0 && sp.to - sp.from >= 2 {
                        let rest = TokSpan {
                            from: sp.from + 1,
                            to: sp.to,
                        };
                        if self.resolve_part(&seq_text(s, rest)).is_some() {
                            rest
                        } else {
                            sp
                        }
                    } else {
                        sp
                    };
                    start = toks[sp.from].start;
                    let text = seq_text(s, sp);
                    match self.resolve_part(&text) {
                        Some(a) => (vec![a], MentionKind::Surname),
                        None => continue,
                    }
                }
                Item::Role(key) => match self.resolve_role(s, &key, sp, si) {
                    Some((a, from)) => {
                        let start = toks[from].start;
                        // The description absorbs a country or demonym inside it ("the Ukrainian leader").
                        let tail = self
                            .mentions
                            .iter()
                            .rposition(|m| m.sentence != si)
                            .map_or(0, |i| i + 1);
                        let mut k = tail;
                        while k < self.mentions.len() {
                            let m = &self.mentions[k];
                            if m.start >= start && m.end <= end {
                                self.mentions.remove(k);
                            } else {
                                k += 1;
                            }
                        }
                        self.emit(
                            si,
                            start,
                            end,
                            &s.text[start - s.start..end - s.start],
                            vec![a],
                            MentionKind::Role,
                            in_quote,
                        );
                        continue;
                    }
                    None => continue,
                },
                Item::Sector(sector) if sector == OWN_GOVERNMENT => {
                    match self.government_of_challengers(facts) {
                        Some(a) => (vec![a], MentionKind::Government),
                        None => continue,
                    }
                }
                Item::Sector(sector) => {
                    let text = seq_text(s, sp);
                    match self.resolve_sector(&sector, &text) {
                        Some(a) => (vec![a], MentionKind::Name),
                        None => continue,
                    }
                }
                Item::Pronoun => {
                    match self.resolve_pronoun(si, start, &toks[sp.from].lower, toks, sp.from) {
                        Some(a) => (vec![a], MentionKind::Pronoun),
                        None => continue,
                    }
                }
                Item::Group => match self.resolve_group(start, si, &toks[sp.to - 1].lower, toks) {
                    Some(g) => (g, MentionKind::Group),
                    None => continue,
                },
            };
            let text = s.text[start - s.start..end - s.start].to_string();
            // "Iranian oil", "Cuban government demands": the country only modifies a thing.
            let modifier = matches!(
                kind,
                MentionKind::Demonym | MentionKind::Name | MentionKind::Government
            ) && actors.len() == 1
                && self.actors[actors[0]].kind == ActorType::Country
                && toks.get(sp.to).is_some_and(|t| {
                    self.gaz().name_word(&t.lower) == Some(NameWordKind::ThingNoun)
                });
            let kind = if modifier {
                MentionKind::Modifier
            } else {
                kind
            };
            self.emit(si, start, end, &text, actors, kind, in_quote);
        }
        for &(sp, a) in &facts.affiliations {
            let (start, end) = (toks[sp.from].start, toks[sp.to - 1].end);
            let text = strip_possessive(&s.text[start - s.start..end - s.start]).to_string();
            let in_quote = facts.quotes.iter().any(|(x, y)| *x <= start && end <= *y);
            self.emit(
                si,
                start,
                end,
                &text,
                vec![a],
                MentionKind::Affiliation,
                in_quote,
            );
        }
        // Keep the sentence's mentions in text order.
        let first = self
            .mentions
            .iter()
            .rposition(|m| m.sentence != si)
            .map_or(0, |i| i + 1);
        self.mentions[first..].sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &mut self,
        si: usize,
        start: usize,
        end: usize,
        text: &str,
        actors: Vec<usize>,
        kind: MentionKind,
        in_quote: bool,
    ) {
        for &a in &actors {
            self.info[a].mentions += 1;
            self.info[a].last_sentence = si;
            if !matches!(
                kind,
                MentionKind::Pronoun | MentionKind::Group | MentionKind::Place
            ) {
                let alias = strip_possessive(text.trim()).to_string();
                if !self.actors[a].aliases.contains(&alias) {
                    self.actors[a].aliases.push(alias);
                }
            }
        }
        self.mentions.push(Mention {
            sentence: si,
            start,
            end,
            text: text.to_string(),
            actors,
            kind,
            in_quote,
        });
    }

    /// A gazetteer surname: an in-article person with that name part wins; else the
    /// gazetteer person if in office at the publication date (±1 year).
    fn resolve_surname(&mut self, lower: &str, entry: usize) -> Option<usize> {
        let part = strip_possessive(lower);
        if let Some(a) = self.person_with_part(part) {
            return Some(a);
        }
        let e = &self.gaz().entries[entry];
        let active = match &self.published {
            Some(d) => e.spells.iter().any(|sp| sp.covers(d, 365)),
            None => false,
        };
        if active {
            Some(self.actor_for_entry(entry))
        } else {
            None
        }
    }

    fn person_with_part(&self, part: &str) -> Option<usize> {
        // A gazetteer alias ("Mobutu" for Mobutu Sese Seko) beats a shared last word
        // ("Nzanga Mobutu"); then the most recently mentioned.
        let plain = gazetteer::strip_diacritics(part);
        let mut best: Option<(usize, (bool, usize))> = None;
        for (i, inf) in self.info.iter().enumerate() {
            if self.actors[i].kind != ActorType::Person {
                continue;
            }
            let alias = inf.aliases.iter().any(|p| *p == part || *p == plain);
            if alias || inf.parts.iter().any(|p| *p == part || *p == plain) {
                let score = (alias, inf.last_sentence);
                if best.is_none_or(|(_, b)| score >= b) {
                    best = Some((i, score));
                }
            }
        }
        best.map(|(i, _)| i)
    }

    fn resolve_part(&mut self, text: &str) -> Option<usize> {
        let words: Vec<String> = text
            .split_whitespace()
            .map(|w| fold(strip_possessive(w)))
            .collect();
        let last = words.last()?;
        if words.len() == 1 {
            return self.person_with_part(last);
        }
        // "Mr Healey" style: honorific + part.
        let last = words.last()?.clone();
        self.person_with_part(&last)
    }

    /// Resolves a role description; returns the actor and the first token of the description.
    fn resolve_role(
        &mut self,
        s: &crate::text::Sentence,
        key: &str,
        sp: TokSpan,
        si: usize,
    ) -> Option<(usize, usize)> {
        let role = self.gaz().role(key)?.clone();
        if role.class == "honorific" {
            return None;
        }
        let toks = &s.tokens;
        // Determiner or country before the role: "the", "his", "Ukraine's", "the US", "the Ukrainian".
        let mut from = sp.from;
        let mut country: Option<String> = None;
        let mut determined = false;
        let mut k = sp.from;
        if k > 0
            && let Some((c, hf)) = self.country_ending_at(s, k)
        {
            country = Some(c);
            determined = is_possessive(&toks[k - 1]);
            from = hf;
            k = hf;
        }
        if k > 0
            && matches!(
                toks[k - 1].lower.as_str(),
                "the" | "his" | "her" | "its" | "their"
            )
        {
            determined = true;
            from = k - 1;
        }
        if !determined {
            return None;
        }
        // A name right after means this is a title, handled in pass 1; "of" after it names
        // whose office it is ("the leader of the Polisario Front"), not an office of the
        // article's country.
        if let Some(t) = toks.get(sp.to)
            && (self.name_token(t) || t.lower == "of")
        {
            return None;
        }
        // Plural roles ("leaders", "ministers") are groups, not a person.
        let last = &toks[sp.to - 1].lower;
        if last.ends_with('s')
            && !last.ends_with("ss")
            && self.gaz().role(last.trim_end_matches('s')).is_some()
        {
            return None;
        }
        if role.class == "counterpart" {
            // "his Russian counterpart": the holder, in that country, of an office of the
            // person the possessive refers to (the first person named in the sentence).
            let country = country?;
            let owner = self
                .mentions
                .iter()
                .filter(|m| {
                    m.sentence == si && m.start < toks[sp.from].start && m.actors.len() == 1
                })
                .find(|m| self.actors[m.actors[0]].kind == ActorType::Person)
                .map(|m| m.actors[0])?;
            let classes: Vec<String> = self.info[owner]
                .classes
                .iter()
                .map(|(c, _)| c.clone())
                .collect();
            for class in classes {
                let r = gazetteer::Role {
                    role: class.clone(),
                    class,
                    sector: String::new(),
                };
                if let Some(a) = self.holder(&r, Some(&country), si)
                    && a != owner
                {
                    return Some((a, from));
                }
            }
            return None;
        }
        if let Some(a) = self.holder(&role, country.as_deref(), si) {
            return Some((a, from));
        }
        // An office of a named state whose holder is unknown ("Taiwan's vice foreign
        // minister"): the description stands for that state, as "Taiwanese officials" does.
        let country = country?;
        if !matches!(role.sector.as_str(), "GOV" | "MIL" | "COP" | "LEG" | "JUD") {
            return None;
        }
        let entry = *self.gaz().countries.get(&country)?;
        Some((self.actor_for_entry(entry), from))
    }

    fn country_ending_at(&self, s: &crate::text::Sentence, k: usize) -> Option<(String, usize)> {
        // Find a gazetteer country/demonym match whose last token is k-1.
        let toks = &s.tokens;
        for m in self.rec.names.find_iter(&s.text) {
            let surf = &self.gaz().surfaces[self.rec.name_of[m.pattern().as_usize()]];
            let e = &self.gaz().entries[surf.entry];
            if e.kind != ActorType::Country {
                continue;
            }
            let end_byte = s.start + m.end();
            let tok_end = toks[k - 1].end;
            let tok_end_stripped = tok_end
                - if toks[k - 1].lower.ends_with("'s") {
                    toks[k - 1].text.len() - strip_possessive(&toks[k - 1].text).len()
                } else {
                    0
                };
            if (end_byte == tok_end || end_byte == tok_end_stripped)
                && word_boundary_ok(&s.text, m.start(), m.end())
                && (!surf.case_sensitive
                    || s.text[m.start()..m.end()].replace('’', "'") == surf.text)
                && let Some(from) = tok_index_at(toks, s.start + m.start())
            {
                return e.country.clone().map(|c| (c, from));
            }
        }
        None
    }

    /// The person in this article (or in office) that a role description refers to.
    fn holder(
        &mut self,
        role: &gazetteer::Role,
        country: Option<&str>,
        si: usize,
    ) -> Option<usize> {
        let compatible = |class: &str| role_compatible(&role.class, class);
        // In-article persons with a compatible role (and country, if stated).
        let mut best: Option<(usize, (usize, usize))> = None;
        for (i, inf) in self.info.iter().enumerate() {
            if self.actors[i].kind != ActorType::Person || inf.mentions == 0 {
                continue;
            }
            let ok = inf.classes.iter().any(|(c, ctry)| {
                compatible(c)
                    && country.is_none_or(|want| {
                        ctry.as_deref().or(self.actors[i].country.as_deref()) == Some(want)
                    })
            });
            if ok {
                let recent = usize::from(si.saturating_sub(inf.last_sentence) <= 1);
                let score = (inf.mentions + 2 * recent, inf.last_sentence);
                if best.is_none_or(|(_, b)| score > b) {
                    best = Some((i, score));
                }
            }
        }
        if let Some((i, _)) = best {
            return Some(i);
        }
        // The office holder on the publication date, in the stated country or the article's
        // home country.
        let date = self.published.clone()?;
        let home = self.home_country();
        let want = country.map(str::to_string).or(home)?;
        let gaz = &self.rec.gaz;
        // Holders of exactly this role first ("president", not "vice president"), then of
        // any role of a compatible class.
        let holders = |exact: bool| -> Vec<usize> {
            gaz.entries
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.kind == ActorType::Person
                        && e.country.as_deref() == Some(want.as_str())
                        && e.spells.iter().any(|sp| {
                            (if exact {
                                sp.role == role.role
                            } else {
                                compatible(&sp.class)
                            }) && sp.covers(&date, 0)
                        })
                })
                .map(|(i, _)| i)
                .collect()
        };
        let exact = holders(true);
        let hits = if exact.is_empty() {
            holders(false)
        } else {
            exact
        };
        if hits.len() == 1 {
            return Some(self.actor_for_entry(hits[0]));
        }
        None
    }

    /// The country mentioned most in the article so far (countries and persons' countries).
    fn home_country(&self) -> Option<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (i, a) in self.actors.iter().enumerate() {
            if let Some(c) = a.country.as_deref() {
                *counts.entry(c).or_default() += self.info[i].mentions.max(1);
            }
        }
        counts
            .into_iter()
            .max_by_key(|(c, n)| (*n, std::cmp::Reverse(c.to_string())))
            .map(|(c, _)| c.to_string())
    }

    fn resolve_pronoun(
        &self,
        si: usize,
        start: usize,
        word: &str,
        toks: &[Token],
        at: usize,
    ) -> Option<usize> {
        // The first person (for he/she) or country/organisation (for it) named outside
        // quotes earlier in this sentence, else in the nearest earlier sentence that names one.
        if word == "they" {
            return self.resolve_they(si, toks, at);
        }
        let want_person = word != "it";
        let persons = |m: &&Mention| {
            !m.in_quote
                && m.actors.len() == 1
                && (self.actors[m.actors[0]].kind == ActorType::Person) == want_person
                && m.kind != MentionKind::Pronoun
                && m.kind.can_participate()
        };
        // The subject of a reported clause is the one who says it, when named right before
        // the verb of saying ("In a letter to the United Nations, Iraq said it would allow
        // …": Iraq, not the first organisation; "Iraq on Monday said it"). Only small words
        // of time may stand between: after an apposition, a pronoun or "and" ("talks with
        // Mubarak and said he") the speaker is not the name before the verb.
        if word != "him"
            && let Some(verb) = self.saying_verb_before(toks, at)
            && let Some(m) = self.speaker_mention(si, verb)
            && persons(&m)
            && toks
                .iter()
                .filter(|t| t.start >= m.end && t.end <= verb.start)
                .all(|t| {
                    matches!(t.lower.as_str(), "on" | "also" | "has" | "had" | "have")
                        || matches!(t.lower.as_str(), "earlier" | "later")
                        || TIME_NOUNS.contains(&t.lower.as_str())
                })
        {
            return Some(m.actors[0]);
        }
        // Mentions are kept in text order: look only at the last three sentences.
        let from = self
            .mentions
            .iter()
            .rposition(|m| m.sentence + 3 <= si)
            .map_or(0, |i| i + 1);
        let recent = &self.mentions[from..];
        // "him" is an object: someone other than the subject of its sentence, the most
        // recently named ("Trump spoke with him", "who invited him").
        if word == "him" {
            let here: Vec<&Mention> = recent
                .iter()
                .filter(|m| m.sentence == si && m.start < start)
                .collect();
            // The subject of the clause that "him" is the object of: walk left over the verb
            // and small words to an actor ("Trump to accuse him"); a relative "who" points to
            // the actor before it; a coordinating "and" to the sentence's first actor.
            let mut subject = None;
            let mut k = at;
            while k > 0 && at - k < 8 {
                let t = &toks[k - 1];
                if let Some(m) = here.iter().find(|m| m.end == t.end) {
                    subject = m.actors.first().copied();
                    break;
                }
                match t.lower.as_str() {
                    "who" | "whom" => {
                        let mut j = k - 1;
                        while j > 0 && toks[j - 1].is_punct() {
                            j -= 1;
                        }
                        subject = here
                            .iter()
                            .find(|m| j > 0 && m.end == toks[j - 1].end)
                            .and_then(|m| m.actors.first().copied());
                        break;
                    }
                    "and" | "but" => {
                        subject = here.iter().copied().find(persons).map(|m| m.actors[0]);
                        break;
                    }
                    _ if t.is_punct() || t.is_capitalized() => break,
                    _ => k -= 1,
                }
            }
            return recent
                .iter()
                .rev()
                .filter(|m| m.start < start)
                .filter(persons)
                .map(|m| m.actors[0])
                .find(|&a| Some(a) != subject);
        }
        if let Some(m) = recent
            .iter()
            .filter(|m| m.sentence == si && m.start < start)
            .find(persons)
        {
            return Some(m.actors[0]);
        }
        // In an earlier sentence, its first person in the main clause (the likeliest
        // subject: "Asked if …, Karaha said: …" makes "He" Karaha), else its first person.
        let mut prev = si;
        while prev > 0 && si - prev < 3 {
            prev -= 1;
            let main = self.main_clause.get(&prev).copied().unwrap_or(0);
            let here = || recent.iter().filter(|m| m.sentence == prev);
            if let Some(m) = here()
                .filter(|m| m.start >= main)
                .find(persons)
                .or_else(|| here().find(persons))
            {
                return Some(m.actors[0]);
            }
        }
        None
    }

    /// The nearest mention in sentence `si` before `verb` that can be its speaker: outside
    /// quotations, not a pronoun, able to take part in events.
    fn speaker_mention(&self, si: usize, verb: &Token) -> Option<&Mention> {
        self.mentions
            .iter()
            .rev()
            .filter(|m| m.sentence == si && m.end <= verb.start)
            .find(|m| !m.in_quote && m.kind != MentionKind::Pronoun && m.kind.can_participate())
    }

    /// The verb of saying that token `at` (a subject pronoun) reports for: right before
    /// it, past "that", a comma and a day ("said on Friday that it"); a `name_words.tsv`
    /// speech verb or "say". `None` when the pronoun follows no such verb.
    fn saying_verb_before<'t>(&self, toks: &'t [Token], at: usize) -> Option<&'t Token> {
        let mut k = at;
        while k > 0 && at - k < 4 {
            let w = toks[k - 1].lower.as_str();
            let skip = matches!(w, "that" | "," | "on" | "also") || TIME_NOUNS.contains(&w);
            if !skip {
                break;
            }
            k -= 1;
        }
        let verb = toks.get(k.checked_sub(1)?)?;
        (verb.lower == "say" || self.gaz().name_word(&verb.lower) == Some(NameWordKind::SpeechVerb))
            .then_some(verb)
    }

    /// "they", token `at` of sentence `si` (`toks`), as the subject of a reported clause:
    /// right after a verb of saying (`name_words.tsv` speech verbs, or "say"), past "that",
    /// a comma and a day ("said on Friday that they"), it is the nearest group named by a
    /// plural before that verb in the same sentence, outside quotations ("The Fijian rebels
    /// said they will release …", "Canadian authorities said Wednesday that they have
    /// arrested …"). A person, a coordination, a singular name or any other "they" (of
    /// unnamed people, "what they see") gives `None`.
    fn resolve_they(&self, si: usize, toks: &[Token], at: usize) -> Option<usize> {
        let verb = self.saying_verb_before(toks, at)?;
        let mut m = self.speaker_mention(si, verb)?;
        // A place after the group is its modifier ("Rebels in Colombia said they …"): the
        // group is the mention before the preposition.
        if !is_plural_name(&m.text)
            && let Some(p) = toks.iter().rposition(|t| t.end <= m.start)
            && matches!(toks[p].lower.as_str(), "in" | "from" | "of")
            && let Some(before) = self.speaker_mention(si, &toks[p])
            && p > 0
            && before.end == toks[p - 1].end
        {
            m = before;
        }
        if !is_plural_name(&m.text) {
            return None;
        }
        let [a] = m.actors.as_slice() else {
            return None;
        };
        let actor = &self.actors[*a];
        let last = m.text.rsplit(' ').next().unwrap_or("").to_lowercase();
        // "the United States", "the Philippines": a country whose own name ends so.
        let singular_name =
            actor.kind == ActorType::Country && actor.name.to_lowercase().ends_with(&last);
        (actor.kind != ActorType::Person && !singular_name).then_some(*a)
    }

    /// The members of a group reference ("the two", "both leaders", "the two countries")
    /// starting at byte `start` of sentence `si`; `head` is its last word, lowercase.
    fn resolve_group(
        &mut self,
        start: usize,
        si: usize,
        head: &str,
        toks: &[Token],
    ) -> Option<Vec<usize>> {
        // Two persons named earlier in this sentence form the group ("Starmer failed to
        // persuade Trump when the two met"); otherwise the most salient pair so far: pairs
        // scored by how often they were named in the same sentence, how often each is named,
        // and whether they appeared together in the last two sentences (for a bare "the two"
        // or "the pair", they must have). "The two countries"
        // are two states, by the same rules.
        let states = COUNTRY_GROUP_HEADS.contains(&head);
        // A person followed by a verb of saying only reports ("Dermer said the two would be
        // allowed to visit").
        let reports = |m: &Mention| {
            toks.iter()
                .find(|t| t.start >= m.end)
                .is_some_and(|t| self.gaz().name_word(&t.lower) == Some(NameWordKind::SpeechVerb))
        };
        let speakers: Vec<usize> = self
            .mentions
            .iter()
            .filter(|m| m.sentence == si && m.start < start && m.actors.len() == 1 && reports(m))
            .map(|m| m.actors[0])
            .collect();
        // Each earlier mention outside quotations names a candidate member: the actor itself,
        // or for states the country of a person or organisation ("Aso" names Japan).
        let cands: Vec<(usize, usize)> = self
            .mentions
            .iter()
            .filter(|m| {
                m.start < start
                    && !m.in_quote
                    && m.kind != MentionKind::Group
                    && m.actors.len() == 1
            })
            .map(|m| (m.actors[0], m.sentence))
            .collect();
        let mut prior: Vec<(usize, usize)> = Vec::new();
        for (a, ms) in cands {
            let member = if states {
                if self.actors[a].kind == ActorType::Country {
                    a
                } else {
                    let Some(entry) = self.actors[a]
                        .country
                        .as_ref()
                        .and_then(|c| self.gaz().countries.get(c).copied())
                    else {
                        continue;
                    };
                    self.actor_for_entry(entry)
                }
            } else if self.actors[a].kind == ActorType::Person {
                a
            } else {
                continue;
            };
            prior.push((member, ms));
        }
        let mut here: Vec<usize> = Vec::new();
        for &(a, _) in prior.iter().filter(|(_, ms)| *ms == si) {
            if !here.contains(&a) {
                here.push(a);
            }
        }
        if here.len() == 2 {
            return Some(here);
        }
        // Each member's sentences (ascending, once each), members in first-mention order:
        // one pass over the mentions, so that long articles stay linear.
        let mut persons: Vec<usize> = Vec::new();
        let mut sents: HashMap<usize, Vec<usize>> = HashMap::new();
        for &(a, ms) in &prior {
            let v = sents.entry(a).or_insert_with(|| {
                persons.push(a);
                Vec::new()
            });
            if v.last() != Some(&ms) {
                v.push(ms);
            }
        }
        let sentences_of = |a: usize| -> &[usize] { sents.get(&a).map_or(&[], |v| v.as_slice()) };
        // One person named earlier in this sentence and a bare "the two" ("Ikeda offered the
        // invitation when the two met"; not "She said the two leaders …", where the person
        // only reports): the other member is the most salient other person so far — named in the
        // same sentences as this one, named often, named recently.
        if let [a] = here[..]
            && head == "two"
            && !speakers.contains(&a)
        {
            let sa = sentences_of(a);
            let partner = persons
                .iter()
                .filter(|&&b| b != a)
                .map(|&b| {
                    let sb = sentences_of(b);
                    let together = sb.iter().filter(|x| sa.binary_search(x).is_ok()).count();
                    let last = sb.last().copied().unwrap_or(0);
                    let recent = si.saturating_sub(last) <= 2;
                    (
                        2 * together + sb.len() + if recent { 2 } else { 0 },
                        last,
                        b,
                    )
                })
                .max();
            if let Some((_, _, b)) = partner {
                return Some(vec![a, b]);
            }
        }
        // Pairs named in the same sentence: (first-mention rank of each) → the sentences
        // they share, built sentence by sentence (no scan over all pairs of members).
        let rank: HashMap<usize, usize> =
            persons.iter().enumerate().map(|(i, &a)| (a, i)).collect();
        let mut together: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        let mut k = 0;
        while k < prior.len() {
            let ms = prior[k].1;
            let mut here: Vec<usize> = Vec::new();
            while k < prior.len() && prior[k].1 == ms {
                if let Some(&r) = rank.get(&prior[k].0)
                    && !here.contains(&r)
                {
                    here.push(r);
                }
                k += 1;
            }
            here.sort_unstable();
            for (i, &ra) in here.iter().enumerate() {
                for &rb in &here[i + 1..] {
                    let v = together.entry((ra, rb)).or_default();
                    if v.last() != Some(&ms) {
                        v.push(ms);
                    }
                }
            }
        }
        // The best score, ties to the latest shared sentence, then to the pair named first.
        let mut pairs: Vec<(&(usize, usize), &Vec<usize>)> = together.iter().collect();
        pairs.sort_unstable_by_key(|(r, _)| **r);
        let mut best: Option<((usize, usize), (usize, usize))> = None;
        for (&(ra, rb), shared) in pairs {
            let (a, b) = (persons[ra], persons[rb]);
            let (sa, sb) = (sentences_of(a), sentences_of(b));
            let recent = shared.iter().any(|&x| si.saturating_sub(x) <= 2);
            // A bare "the two" or "the pair" is a pair named together lately, not one last
            // named together paragraphs ago ("… Coulibaly lived with Boumeddiene, and the
            // two traveled to Malaysia", neither of them an actor); "the two leaders" may
            // be the article's main pair from afar.
            if !recent && matches!(head, "two" | "pair") {
                continue;
            }
            let score = 2 * shared.len() + sa.len().min(sb.len()) + if recent { 2 } else { 0 };
            let last = shared.iter().max().copied().unwrap_or(0);
            if best.is_none_or(|(_, s)| (score, last) > s) {
                best = Some(((a, b), (score, last)));
            }
        }
        best.map(|((a, b), _)| vec![a, b])
    }

    fn finish(self) -> ActorTable {
        // Keep only actors that are mentioned, and the state of every group mentioned
        // ("Kenyan nurses" name Kenya through the demonym: the state a domestic protest is
        // against).
        let mut used = vec![false; self.actors.len()];
        for m in &self.mentions {
            for &a in &m.actors {
                used[a] = true;
            }
        }
        let group_states: Vec<String> = (0..self.actors.len())
            .filter(|&i| used[i] && self.actors[i].key.starts_with("grp:"))
            .filter_map(|i| self.actors[i].country.clone())
            .collect();
        for (i, a) in self.actors.iter().enumerate() {
            if a.kind == ActorType::Country
                && a.country.as_ref().is_some_and(|c| group_states.contains(c))
            {
                used[i] = true;
            }
        }
        let mut remap = vec![usize::MAX; self.actors.len()];
        let mut actors = Vec::new();
        for (i, a) in self.actors.into_iter().enumerate() {
            if used[i] {
                remap[i] = actors.len();
                actors.push(a);
            }
        }
        let mentions = self
            .mentions
            .into_iter()
            .map(|mut m| {
                m.actors = m.actors.iter().map(|&a| remap[a]).collect();
                m
            })
            .collect();
        ActorTable { actors, mentions }
    }
}

#[derive(Debug, Clone)]
enum Item {
    Fixed(usize, MentionKind),
    Gaz(usize),
    Caps,
    Role(String),
    Pronoun,
    Group,
    Sector(String),
}

/// Moves `to` left over punctuation tokens, not below `from`.
fn trim_punct(toks: &[Token], from: usize, mut to: usize) -> usize {
    while to > from && toks[to - 1].is_punct() {
        to -= 1;
    }
    to
}

fn seq_text(s: &crate::text::Sentence, sp: TokSpan) -> String {
    let a = s.tokens[sp.from].start - s.start;
    let b = s.tokens[sp.to - 1].end - s.start;
    strip_possessive(&s.text[a..b]).to_string()
}

/// Length in tokens of a group reference starting at token `i` ("the two men", "both leaders",
/// "the two"), if any.
fn group_at(toks: &[Token], i: usize) -> Option<usize> {
    let w = |k: usize| toks.get(k).map(|t| t.lower.as_str()).unwrap_or("");
    if w(i) == "the" && w(i + 1) == "two" {
        if GROUP_HEADS.contains(&w(i + 2)) {
            return Some(3);
        }
        // Bare "the two" only before a verb or adverb: "when the two met", "the two have".
        let next = w(i + 2);
        if next.ends_with("ed")
            || matches!(
                next,
                "met"
                    | "have"
                    | "had"
                    | "has"
                    | "are"
                    | "were"
                    | "will"
                    | "would"
                    | "did"
                    | "spoke"
                    | "also"
                    | "held"
                    | "later"
                    | "then"
                    | "last"
                    | "sat"
                    | "agreed"
                    | "signed"
                    | "discussed"
                    | ","
                    | "."
                    | "again"
            )
        {
            return Some(2);
        }
        return None;
    }
    if w(i) == "both" && GROUP_HEADS.contains(&w(i + 1)) {
        return Some(2);
    }
    if w(i) == "the" && matches!(w(i + 1), "pair" | "politicians") {
        return Some(2);
    }
    None
}

/// Whether a role description of class `want` ("leader", "minister") can refer to a person
/// holding a role of class `have`.
pub fn role_compatible(want: &str, have: &str) -> bool {
    if want == have {
        return true;
    }
    match want {
        "leader" => matches!(
            have,
            "head_of_state"
                | "head_of_government"
                | "party_leader"
                | "rebel"
                | "opposition"
                | "igo_head"
        ),
        "minister" => have.ends_with("_minister") || have == "minister",
        _ => false,
    }
}

/// Parts of a person's name usable as short references: the last word, and the first word
/// for names from countries listed as `surname_first_country` in `name_words.tsv` or with a
/// hyphenated given name (surname first: "Lee Teng-hui" → "lee").
fn name_parts(name: &str, country: Option<&str>, gaz: &Gazetteer) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let mut out = Vec::new();
    if let Some(l) = words.last() {
        out.push(fold(l));
    }
    let surname_first = country
        .is_some_and(|c| gaz.name_word(&fold(c)) == Some(NameWordKind::SurnameFirstCountry))
        || words.last().is_some_and(|w| {
            w.contains('-') && w.chars().next().is_some_and(char::is_uppercase) && words.len() == 2
        });
    if surname_first && words.len() >= 2 {
        out.push(fold(words[0]));
    }
    out.push(fold(name));
    // The same parts without diacritics ("kovac" for "Kováč").
    let plain: Vec<String> = out
        .iter()
        .map(|p| gazetteer::strip_diacritics(p))
        .filter(|p| !out.contains(p))
        .collect();
    out.extend(plain);
    out
}

/// The gazetteer matches in `text` as (start, end, pattern), byte offsets, leftmost-longest
/// and not overlapping, except that where a match begins with a title (`is_title`, the role
/// phrases of roles.tsv), a name starting after the title and running past the match's end
/// replaces it: "President Jiang Zemin" is "Jiang Zemin" (the alias "President Jiang" would
/// leave "Zemin" over), the title being left to the role pass.
fn name_hits(
    names: &AhoCorasick,
    text: &str,
    is_title: impl Fn(&str) -> bool,
) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    let mut at = 0;
    while let Some(m) = names.find(&text[at..]) {
        let (mut ms, mut me, mut pat) = (at + m.start(), at + m.end(), m.pattern().as_usize());
        // Later word starts inside the match.
        let inner: Vec<usize> = text[ms..me]
            .char_indices()
            .filter(|&(i, c)| i > 0 && c.is_alphabetic() && text[..ms + i].ends_with(' '))
            .map(|(i, _)| ms + i)
            .collect();
        for ws in inner {
            if !is_title(&text[ms..ws]) {
                continue;
            }
            if let Some(m2) = names.find(&text[ws..])
                && m2.start() == 0
                && ws + m2.end() > me
            {
                (ms, me, pat) = (ws, ws + m2.end(), m2.pattern().as_usize());
                break;
            }
        }
        out.push((ms, me, pat));
        at = me.max(at + 1);
        while at < text.len() && !text.is_char_boundary(at) {
            at += 1;
        }
        if at >= text.len() {
            break;
        }
    }
    out
}
