//! Event stage: codes events between actors from word patterns.
//!
//! Input: a [`Document`] and its [`ActorTable`]. Output: [`CodedEvent`]s — type, CAMEO code,
//! source and target actor indices, status and the trigger's byte span (dates are added by
//! the time stage).
//!
//! Knowledge lives in `data/`:
//! - `events.tsv`: patterns over lower-case tokens → event type and CAMEO 1.1b3 code, with
//!   where the target is (object, or after a preposition), e.g. `meet 040 meet|met obj|with`;
//! - `status_cues.tsv`: negation, modality and condition cues → status;
//! - `cameo.tsv`: CAMEO 1.1b3 code table with Goldstein scores and PLOVER types.
//!
//! Source: for verbal triggers the nearest actor mention to the left that is not the object
//! of a preposition (with coordination "X and Y met"), or the agent of a passive ("greeted
//! by X"); for nominal triggers the possessor ("Trump's attack") or the subject of the clause.
//! Target: per the pattern's slot. Groups ("the two met") give one event between members.
//! Status: the strongest cue in the verb group between subject and trigger or in the clause
//! before the trigger: hypothetical (if, unless — not coded) > negated > uncertain > planned.

use crate::actors::{ActorTable, Mention, MentionKind};
use crate::error::{DataError, tsv_rows};
use crate::model::{ActorType, Status};
use crate::text::{Document, Sentence, Token};
use std::collections::HashMap;

pub mod tree;

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Elem {
    /// One token, any of these lower-case forms.
    Words(Vec<String>),
    /// A gap of 0..=n tokens.
    Gap(usize),
}

/// Where a pattern's target is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// The actor right after the pattern.
    Object,
    /// The actor after this preposition.
    Prep(String),
    /// The first actor inside the matched pattern ("told Washington to": pattern `told * to`).
    Inner,
    /// The actor after this preposition is the *source* and the subject the target
    /// ("won support from X": `rev:from`).
    Rev(String),
    /// A place or host country (for `adj` patterns).
    Place,
}

/// Restriction on the target's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// Persons only.
    Person,
    /// Countries and organisations only.
    State,
    /// Any actor.
    Any,
}

/// A verbal or nominal trigger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pos {
    /// Source = subject.
    Verb,
    /// Source = possessor or clause subject.
    Noun,
    /// A participle before its actor ("visiting Prime Minister Tony Blair"): source = the
    /// actor after it; target = a place named in the sentence, else the country of another
    /// actor in the sentence (the host).
    Adj,
}

/// One line of `events.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPattern {
    /// Event type (`meet`, `visit`, …).
    pub etype: String,
    /// CAMEO 1.1b3 code.
    pub cameo: String,
    /// Verbal or nominal.
    pub pos: Pos,
    /// Token elements; the first is the trigger.
    pub elems: Vec<Elem>,
    /// Target slots, tried in order.
    pub slots: Vec<Slot>,
    /// Only code the event when a target is found.
    pub needs_target: bool,
    /// Target restriction.
    pub target_kind: TargetKind,
    /// 1-based line in `events.tsv`, for diagnostics.
    pub line: usize,
}

/// Strength of a status cue; the strongest found wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CueStatus {
    /// will, is to, due to …
    Planned,
    /// may, reportedly …
    Uncertain,
    /// not, failed to …
    Negated,
    /// if, unless … (the event is not coded)
    Hypothetical,
}

/// Where a cue must appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueScope {
    /// Between the subject and the trigger.
    Verb,
    /// From the start of the trigger's clause to the trigger.
    Clause,
    /// Immediately before the trigger.
    Before,
}

/// One status cue from `status_cues.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusCue {
    /// Lower-case words in sequence.
    pub words: Vec<String>,
    /// Status it sets.
    pub status: CueStatus,
    /// Where it must appear.
    pub scope: CueScope,
}

/// A CAMEO event code's facts (from `data/cameo.tsv`).
#[derive(Debug, Clone, PartialEq)]
pub struct CameoInfo {
    /// Code name ("Make a visit").
    pub name: String,
    /// Goldstein score, −10 … +10.
    pub goldstein: Option<f64>,
    /// PLOVER event type, if mapped.
    pub plover: Option<String>,
    /// CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict (validated when `cameo.tsv` loads).
    pub quad_class: Option<u8>,
}

/// The event types polgraph codes and the CAMEO roots (first two digits) each may carry:
/// the type table of the gold guidelines (`../shared/gold/GUIDELINES.md`, CAMEO 1.1b3),
/// plus `apologize` (055). A dictionary line with another type, or a code outside its
/// type's roots, is refused when the files load.
pub const EVENT_TYPES: &[(&str, &[&str])] = &[
    ("statement", &["01"]),
    ("appeal", &["02"]),
    ("intend", &["03"]),
    ("invite", &["03"]),
    ("talk", &["04"]),
    ("meet", &["04"]),
    ("visit", &["04"]),
    ("host", &["04"]),
    ("mediate", &["04"]),
    ("negotiate", &["04"]),
    ("praise", &["05"]),
    ("apologize", &["05"]),
    ("agree", &["05"]),
    ("cooperate", &["05", "06"]),
    ("provide_aid", &["07"]),
    ("yield", &["08"]),
    ("investigate", &["09"]),
    ("demand", &["10"]),
    ("criticize", &["11"]),
    ("reject", &["12"]),
    ("threaten", &["13"]),
    ("protest", &["14"]),
    ("mobilize", &["15"]),
    ("reduce_aid", &["16"]),
    ("sanction", &["16"]),
    ("expel", &["16"]),
    ("arrest", &["17"]),
    ("coerce", &["17"]),
    ("assault", &["18"]),
    ("fight", &["19", "20"]),
];

/// Checks a dictionary line's event type and CAMEO code against [`EVENT_TYPES`]; the error
/// says what is wrong.
pub fn check_type(etype: &str, cameo: &str) -> Result<(), String> {
    let Some((_, roots)) = EVENT_TYPES.iter().find(|(t, _)| *t == etype) else {
        return Err(format!(
            "unknown event type `{etype}` (known: {})",
            EVENT_TYPES
                .iter()
                .map(|(t, _)| *t)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    };
    if !roots.iter().any(|r| cameo.starts_with(r)) {
        return Err(format!(
            "CAMEO code `{cameo}` does not belong to type `{etype}` (roots {})",
            roots.join("/")
        ));
    }
    Ok(())
}

/// The PLOVER event type of an event as reported. PLOVER (manual 0.8) codes what an actor
/// says it *will* do as the saying: a planned act of cooperation ("will visit Albania",
/// "will give Tanzania a grant"), a promised concession too ("will release the hostages",
/// "would allow the inspectors back", CAMEO root 08; CAMEO's own intent to yield, 035, is
/// AGREE in CAMEO2PLOVER), is AGREE ("agree to, offer, promise … to cooperate"); a planned
/// act of material conflict ("will impose sanctions", "will withdraw its peacekeepers",
/// "will impose a curfew") is THREATEN. A negated event has none. Otherwise `base`, the CAMEO table's mapping of `cameo` (`cameo.tsv`, from
/// CAMEO2PLOVER); `None` where CAMEO maps to none (roots 01, 02). The quad class comes from
/// the CAMEO root (CAMEO 1.1b3: 01–05 verbal cooperation, 06–08 material cooperation, 09–13
/// verbal conflict, 14–20 material conflict).
pub fn plover_reading(base: Option<&str>, cameo: &str, status: Status) -> Option<String> {
    let root: Option<u8> = cameo.get(..2).and_then(|r| r.parse().ok());
    match (status, root) {
        // What did not happen is no PLOVER event.
        (Status::Negated, _) => None,
        (Status::Planned, Some(1..=8)) if base.is_some() => Some("AGREE".into()),
        (Status::Planned, Some(14..=20)) => Some("THREATEN".into()),
        _ => base.map(str::to_string),
    }
}

/// An event coded from one sentence, before dating.
#[derive(Debug, Clone, PartialEq)]
pub struct CodedEvent {
    /// Event type.
    pub etype: String,
    /// CAMEO code.
    pub cameo: String,
    /// Source actor (index into the article's actor table).
    pub source: usize,
    /// Target actor, if any.
    pub target: Option<usize>,
    /// Status.
    pub status: Status,
    /// Sentence index.
    pub sentence: usize,
    /// Trigger token index within the sentence.
    pub trigger_token: usize,
    /// Byte span of the matched pattern in the article body.
    pub start: usize,
    /// End of the span (exclusive).
    pub end: usize,
    /// Text of the matched pattern.
    pub trigger: String,
    /// True when a word-window pattern of part of speech `verb` coded it (its trigger is
    /// read as a verb); false for nominal and participle patterns and for the tree coder.
    pub verbal: bool,
    /// True when the tree coder's line says the event stands without a target (`needs` =
    /// `bare` in `verbs.tsv`: "called for calm"); false otherwise.
    pub bare: bool,
}

/// The event coder: patterns, status cues and the CAMEO table.
#[derive(Debug, Clone)]
pub struct EventCoder {
    patterns: Vec<EventPattern>,
    cues: Vec<StatusCue>,
    cameo: HashMap<String, CameoInfo>,
    by_first: HashMap<String, Vec<usize>>,
}

/// Parses a pattern string such as `halt|halted * military aid|assistance`.
///
/// Errors: an empty pattern, a pattern starting with a gap, or a bad gap size.
pub fn parse_pattern(s: &str) -> Result<Vec<Elem>, String> {
    let mut elems = Vec::new();
    for part in s.split_whitespace() {
        if let Some(n) = part.strip_prefix('*') {
            let n = if n.is_empty() {
                3
            } else {
                n.parse::<usize>()
                    .map_err(|_| format!("bad gap `{part}` (use * or *N)"))?
            };
            if elems.is_empty() {
                return Err("a pattern cannot start with a gap".into());
            }
            elems.push(Elem::Gap(n));
        } else {
            let alts: Vec<String> = part
                .split('|')
                .filter(|a| !a.is_empty())
                .map(|a| crate::text::fold(&a.replace('_', " ")))
                .collect();
            if alts.is_empty() {
                return Err(format!("empty element in `{s}`"));
            }
            elems.push(Elem::Words(alts));
        }
    }
    if elems.is_empty() {
        return Err("empty pattern".into());
    }
    if matches!(elems.last(), Some(Elem::Gap(_))) {
        return Err("a pattern cannot end with a gap".into());
    }
    Ok(elems)
}

impl EventCoder {
    /// Parses `events.tsv`, `status_cues.tsv` and `cameo.tsv` (each given as `(file name,
    /// contents)`). Every CAMEO code used by a pattern must exist in the table.
    ///
    /// Errors: the first bad line as `file:line: message`.
    pub fn parse(
        events: (&str, &str),
        cues: (&str, &str),
        cameo: (&str, &str),
    ) -> Result<EventCoder, DataError> {
        let mut table = HashMap::new();
        for (ln, f) in tsv_rows(
            cameo.1,
            cameo.0,
            &["code", "name", "goldstein", "quad_class", "plover"],
        )? {
            if f[0].is_empty() || !f[0].chars().all(|c| c.is_ascii_digit()) {
                return Err(DataError::new(
                    cameo.0,
                    ln,
                    format!("`{}` is not a CAMEO code (digits)", f[0]),
                ));
            }
            let goldstein = if f[2].is_empty() {
                None
            } else {
                Some(f[2].parse::<f64>().map_err(|_| {
                    DataError::new(cameo.0, ln, format!("goldstein `{}` is not a number", f[2]))
                })?)
            };
            let quad_class = match f[3] {
                "" => None,
                q => match q.parse::<u8>() {
                    Ok(n @ 1..=4) => Some(n),
                    _ => {
                        return Err(DataError::new(
                            cameo.0,
                            ln,
                            format!("quad_class `{q}` is not 1, 2, 3 or 4"),
                        ));
                    }
                },
            };
            table.insert(
                f[0].to_string(),
                CameoInfo {
                    name: f[1].to_string(),
                    goldstein,
                    plover: (!f[4].is_empty()).then(|| f[4].to_string()),
                    quad_class,
                },
            );
        }
        let mut patterns = Vec::new();
        for (ln, f) in tsv_rows(
            events.1,
            events.0,
            &[
                "type",
                "cameo",
                "pos",
                "pattern",
                "target",
                "needs",
                "target_kind",
            ],
        )? {
            let err = |m: String| DataError::new(events.0, ln, m);
            if !table.contains_key(f[1]) {
                return Err(err(format!(
                    "unknown CAMEO code `{}` (not in cameo.tsv)",
                    f[1]
                )));
            }
            check_type(f[0], f[1]).map_err(err)?;
            let pos = match f[2] {
                "verb" => Pos::Verb,
                "noun" => Pos::Noun,
                "adj" => Pos::Adj,
                o => {
                    return Err(err(format!(
                        "pos must be `verb`, `noun` or `adj`, found `{o}`"
                    )));
                }
            };
            let elems = parse_pattern(f[3]).map_err(err)?;
            let slots = if f[4] == "-" {
                Vec::new()
            } else {
                f[4].split('|')
                    .map(|s| match s {
                        "obj" => Slot::Object,
                        "inner" => Slot::Inner,
                        "place" => Slot::Place,
                        p if p.starts_with("rev:") => Slot::Rev(p[4..].to_string()),
                        p => Slot::Prep(p.to_string()),
                    })
                    .collect()
            };
            let needs_target = parse_needs(f[5]).map_err(err)?;
            let target_kind = parse_target_kind(f[6]).map_err(err)?;
            patterns.push(EventPattern {
                etype: f[0].to_string(),
                cameo: f[1].to_string(),
                pos,
                elems,
                slots,
                needs_target,
                target_kind,
                line: ln,
            });
        }
        let mut cue_list = Vec::new();
        for (ln, f) in tsv_rows(cues.1, cues.0, &["cue", "status", "scope"])? {
            let status = match f[1] {
                "planned" => CueStatus::Planned,
                "uncertain" => CueStatus::Uncertain,
                "negated" => CueStatus::Negated,
                "hypothetical" => CueStatus::Hypothetical,
                o => return Err(DataError::new(cues.0, ln, format!("unknown status `{o}`"))),
            };
            let scope = match f[2] {
                "verb" => CueScope::Verb,
                "clause" => CueScope::Clause,
                "before" => CueScope::Before,
                o => {
                    return Err(DataError::new(
                        cues.0,
                        ln,
                        format!("unknown scope `{o}` (verb, clause, before)"),
                    ));
                }
            };
            for v in f[0].split('|') {
                let words: Vec<String> = v.split_whitespace().map(crate::text::fold).collect();
                if !words.is_empty() {
                    cue_list.push(StatusCue {
                        words,
                        status,
                        scope,
                    });
                }
            }
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            if let Some(Elem::Words(ws)) = p.elems.first() {
                for w in ws {
                    let first = w.split(' ').next().unwrap_or(w).to_string();
                    let list = by_first.entry(first).or_default();
                    if !list.contains(&i) {
                        list.push(i);
                    }
                }
            }
        }
        Ok(EventCoder {
            patterns,
            cues: cue_list,
            cameo: table,
            by_first,
        })
    }

    /// Facts about a CAMEO code (falls back to the code's first three, then two digits).
    pub fn cameo_info(&self, code: &str) -> Option<&CameoInfo> {
        self.cameo
            .get(code)
            .or_else(|| code.get(..3).and_then(|c| self.cameo.get(c)))
            .or_else(|| code.get(..2).and_then(|c| self.cameo.get(c)))
    }

    /// True when `code` is in the CAMEO table exactly (no fallback to its root).
    pub fn has_code(&self, code: &str) -> bool {
        self.cameo.contains_key(code)
    }

    /// The loaded patterns (for listing and tests).
    pub fn patterns(&self) -> &[EventPattern] {
        &self.patterns
    }

    /// Codes the events of one article. Events inside hypothetical contexts are dropped;
    /// negated ones are kept with status `negated` (they are provenance for analysts).
    pub fn code(&self, doc: &Document, actors: &ActorTable) -> Vec<CodedEvent> {
        let mut out = Vec::new();
        let mut by_sentence: Vec<Vec<&Mention>> = vec![Vec::new(); doc.sentences.len()];
        for m in &actors.mentions {
            if let Some(v) = by_sentence.get_mut(m.sentence) {
                v.push(m);
            }
        }
        for (si, s) in doc.sentences.iter().enumerate() {
            if s.dateline {
                continue;
            }
            let ments = &by_sentence[si];
            if ments.is_empty() {
                continue;
            }
            let toks = &s.tokens;
            let mut consumed_until = 0;
            for ti in 0..toks.len() {
                if ti < consumed_until {
                    continue;
                }
                let Some(cands) = self.by_first.get(trigger_key(&toks[ti])) else {
                    continue;
                };
                for &pi in cands {
                    let p = &self.patterns[pi];
                    let Some(end_tok) = match_at(toks, ti, &p.elems) else {
                        continue;
                    };
                    // A mention covering the trigger (e.g. "Security Council") is not a trigger.
                    if ments.iter().any(|m| {
                        m.start <= toks[ti].start
                            && toks[ti].end <= m.end
                            && m.kind != MentionKind::Pronoun
                    }) {
                        continue;
                    }
                    let found = self.code_one(actors, s, si, ments, p, ti, end_tok);
                    if found.is_empty() && p.needs_target {
                        continue;
                    }
                    out.extend(found);
                    consumed_until = end_tok;
                    break;
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn code_one(
        &self,
        actors: &ActorTable,
        s: &Sentence,
        si: usize,
        ments: &[&Mention],
        p: &EventPattern,
        ti: usize,
        end_tok: usize,
    ) -> Vec<CodedEvent> {
        // Places ("Tel Aviv") are destinations of visits, never actors otherwise.
        let visit = p.etype == "visit";
        let kept: Vec<&Mention> = ments
            .iter()
            .filter(|m| m.kind.can_participate() && (visit || m.kind != MentionKind::Place))
            .copied()
            .collect();
        let ments: &[&Mention] = &kept;
        let toks = &s.tokens;
        let trig_start = toks[ti].start;
        let in_quote = quote_at(s, trig_start);
        // Passive: "was greeted by X".
        let passive = p.pos == Pos::Verb && is_passive(toks, ti);
        let mut sources: Vec<usize>;
        let subject: Option<&Mention>;
        let mut targets: Vec<usize> = Vec::new();
        if passive {
            let by = find_after_prep(toks, ments, end_tok, "by", 8);
            let subj = find_subject(toks, ments, ti, in_quote);
            match (by, subj) {
                (Some(b), Some(sj)) => {
                    sources = coordinated(toks, ments, b, true);
                    targets = sj_actors(toks, ments, sj);
                    subject = Some(sj);
                }
                _ => return Vec::new(),
            }
        } else {
            let src = match p.pos {
                Pos::Noun => find_possessor(toks, ments, ti, false)
                    .or_else(|| {
                        find_after_prep(toks, ments, end_tok, "by", 6).filter(|_| !agent_slot(p))
                    })
                    .or_else(|| {
                        // An unrecognised possessor ("Chernomrydin's visit") blocks the fallback.
                        let unknown_poss = ti > 0
                            && toks[ti - 1].is_capitalized()
                            && toks[ti - 1].lower.ends_with("'s");
                        // The clause subject, without crossing into another clause — except
                        // for meetings, talks and visits, whose participant is the main
                        // subject: "X said after talks with Y".
                        let cross = is_symmetric(&p.etype) || p.etype == "visit";
                        let cs = if cross {
                            0
                        } else {
                            toks[clause_start(toks, ti)].start
                        };
                        let in_clause: Vec<&Mention> =
                            ments.iter().filter(|m| m.start >= cs).copied().collect();
                        (!unknown_poss)
                            .then(|| find_clause_subject(toks, &in_clause, ti, in_quote))
                            .flatten()
                    }),
                Pos::Verb => find_possessor(toks, ments, ti, true)
                    .or_else(|| find_verb_subject(toks, ments, ti, in_quote))
                    .or_else(|| {
                        // An infinitive ("went out of his way to praise X") is controlled by
                        // the subject of the clause.
                        let cs = clause_start(toks, ti);
                        let relative = toks[cs..ti]
                            .iter()
                            .any(|t| matches!(t.lower.as_str(), "who" | "which" | "that"));
                        (ti > 0 && toks[ti - 1].lower == "to" && !relative)
                            .then(|| find_clause_subject(toks, ments, ti, in_quote))
                            .flatten()
                    }),
                Pos::Adj => find_object(toks, ments, end_tok),
            };
            let Some(src) = src else {
                // "talks between X and Y" needs no subject (but a mediation needs a
                // mediator).
                if is_symmetric(&p.etype)
                    && p.slots
                        .iter()
                        .any(|sl| matches!(sl, Slot::Prep(b) if b == "between"))
                    && let Some(t) = find_after_prep(toks, ments, end_tok, "between", 6)
                {
                    let pair = coordinated(toks, ments, t, true);
                    if pair.len() >= 2 {
                        let status = self.status(toks, ti, end_tok, None);
                        let Some(status) = status else {
                            return Vec::new();
                        };
                        let trigger = s.text
                            [toks[ti].start - s.start..toks[end_tok - 1].end - s.start]
                            .to_string();
                        return vec![CodedEvent {
                            etype: p.etype.clone(),
                            cameo: p.cameo.clone(),
                            source: pair[0],
                            target: Some(pair[1]),
                            status,
                            sentence: si,
                            trigger_token: ti,
                            start: toks[ti].start,
                            end: toks[end_tok - 1].end,
                            trigger,
                            verbal: p.pos == Pos::Verb,
                            bare: false,
                        }];
                    }
                }
                return Vec::new();
            };
            subject = Some(src);
            sources = sj_actors(toks, ments, src);
            // Target by slot.
            for slot in &p.slots {
                if let Slot::Rev(prep) = slot {
                    if let Some(t) = find_after_prep(toks, ments, end_tok, prep, 6) {
                        targets =
                            std::mem::replace(&mut sources, coordinated(toks, ments, t, true));
                        break;
                    }
                    continue;
                }
                if let Slot::Place = slot {
                    let src_country: Vec<Option<&str>> = sources
                        .iter()
                        .map(|&a| actors.actors[a].country.as_deref())
                        .collect();
                    // A state named after "in"/"to"/"at", else another actor's country.
                    let place = ments.iter().find(|m| {
                        m.actors.len() == 1
                            && actors.actors[m.actors[0]].kind == ActorType::Country
                            && matches!(word_before(toks, m), Some("in" | "to" | "at"))
                            && !src_country.contains(&actors.actors[m.actors[0]].country.as_deref())
                    });
                    let host = place.map(|m| m.actors[0]).or_else(|| {
                        ments
                            .iter()
                            .filter(|m| m.actors.len() == 1 && !sources.contains(&m.actors[0]))
                            .find_map(|m| {
                                let c = actors.actors[m.actors[0]].country.as_deref()?;
                                if src_country.contains(&Some(c)) {
                                    return None;
                                }
                                actors.actors.iter().position(|a| {
                                    a.kind == ActorType::Country && a.country.as_deref() == Some(c)
                                })
                            })
                    });
                    if let Some(h) = host {
                        targets = vec![h];
                        break;
                    }
                    continue;
                }
                let t = match slot {
                    // A person's thing is not the person: "welcomed Blair's statement"
                    // hosts nobody (the tree coder reads it as praise of Blair).
                    Slot::Object => find_object(toks, ments, end_tok).filter(|m| {
                        p.target_kind != TargetKind::Person || !possessive_after(toks, m)
                    }),
                    Slot::Inner => ments
                        .iter()
                        .find(|m| {
                            m.start > toks[ti].start
                                && m.end <= toks[end_tok - 1].start
                                && !is_determiner_pronoun(m)
                        })
                        .copied(),
                    Slot::Prep(prep) => find_after_prep(toks, ments, end_tok, prep, 6),
                    Slot::Rev(_) | Slot::Place => None,
                };
                if let Some(t) = t {
                    let found = coordinated(toks, ments, t, true);
                    if matches!(slot, Slot::Prep(p) if p == "between") && found.len() < 2 {
                        continue;
                    }
                    targets = found;
                    // "talks between X and Y": the event is between them, whoever reports it
                    // ("Egypt mediated between X and Y" keeps its mediator).
                    if matches!(slot, Slot::Prep(p) if p == "between")
                        && targets.len() >= 2
                        && is_symmetric(&p.etype)
                    {
                        sources = vec![targets[0]];
                        targets = targets[1..].to_vec();
                    }
                    break;
                }
            }
        }
        // Kind restriction on targets.
        targets.retain(|&a| match p.target_kind {
            TargetKind::Any => true,
            TargetKind::Person => actors.actors[a].kind == ActorType::Person,
            TargetKind::State => actors.actors[a].kind != ActorType::Person,
        });
        // Status.
        // An expressed intent ("offered to meet") or an agreement ("agreed to a ceasefire")
        // is itself an act that occurred: the planning words inside its pattern describe
        // what is intended or agreed, not the offer or the agreement.
        let inner_end = if matches!(p.etype.as_str(), "intend" | "agree") {
            ti
        } else {
            end_tok
        };
        let status = match self.status(toks, ti, inner_end, subject.filter(|m| m.end <= trig_start))
        {
            Some(st) => st,
            None => return Vec::new(), // hypothetical
        };
        let trigger_text =
            s.text[toks[ti].start - s.start..toks[end_tok - 1].end - s.start].to_string();
        let mk = |source: usize, target: Option<usize>| CodedEvent {
            etype: p.etype.clone(),
            cameo: p.cameo.clone(),
            source,
            target,
            status,
            sentence: si,
            trigger_token: ti,
            start: toks[ti].start,
            end: toks[end_tok - 1].end,
            trigger: trigger_text.clone(),
            verbal: p.pos == Pos::Verb,
            bare: false,
        };
        sources.dedup();
        // Dyadic events only: a gathering of more than three actors is not coded pairwise.
        let pairwise = (2..=3).contains(&sources.len())
            && is_symmetric(&p.etype)
            && p.etype != "fight"
            && p.pos != Pos::Noun;
        pair_events(&sources, &targets, pairwise, p.needs_target, mk)
    }

    /// Status from cues; `None` means hypothetical (do not code).
    fn status(
        &self,
        toks: &[Token],
        ti: usize,
        end_tok: usize,
        subject: Option<&Mention>,
    ) -> Option<Status> {
        let clause_start = clause_start(toks, ti);
        // Relative clauses inserted before the trigger ("Obama, who has not yet decided
        // whether to …, had spoken") do not set the trigger's status.
        let inserted: Vec<(usize, usize)> = inserted_clauses(toks)
            .into_iter()
            .filter(|&(_, b)| b < ti)
            .collect();
        let verb_start = match subject {
            // The verb group never reaches back past the trigger's clause ("He did not say
            // who they would be, but went out of his way to praise …").
            Some(m) => toks
                .iter()
                .position(|t| t.start >= m.end)
                .unwrap_or(ti)
                .min(ti)
                .max(clause_start),
            None => ti.saturating_sub(4).max(clause_start),
        };
        // A coordinated verb starts its own verb group: "Iran could never have a weapon and
        // called for de-escalation" — "never" does not negate "called for".
        let mut k = ti;
        while k > 0 && VERB_GROUP.contains(&toks[k - 1].lower.as_str()) {
            k -= 1;
        }
        let (verb_start, clause_start) =
            if k > 0 && matches!(toks[k - 1].lower.as_str(), "and" | "but") {
                (verb_start.max(k), clause_start.max(k - 1))
            } else {
                (verb_start, clause_start)
            };
        let mut best: Option<CueStatus> = None;
        let mut consider = |st: CueStatus| {
            if best.is_none_or(|b| st > b) {
                best = Some(st);
            }
        };
        for cue in &self.cues {
            let range = match cue.scope {
                CueScope::Verb => verb_start.max(ti.saturating_sub(12))..ti,
                CueScope::Clause => clause_start.min(verb_start)..ti,
                CueScope::Before => ti.saturating_sub(2)..ti,
            };
            if pieces(range, &inserted).any(|r| contains_seq(toks, r, &cue.words)) {
                consider(cue.status);
            }
            // A planning or negating word inside the pattern's gap ("is due in Tokyo", "has
            // ruled out any talks").
            if matches!(cue.status, CueStatus::Planned | CueStatus::Negated)
                && cue.scope == CueScope::Verb
                && contains_seq(toks, ti..end_tok, &cue.words)
            {
                consider(cue.status);
            }
        }
        cue_status(best)
    }
}

/// The status a strongest cue gives: `None` for hypothetical (the event is not coded),
/// occurred without a cue.
pub fn cue_status(best: Option<CueStatus>) -> Option<Status> {
    match best {
        Some(CueStatus::Hypothetical) => None,
        Some(CueStatus::Negated) => Some(Status::Negated),
        Some(CueStatus::Uncertain) => Some(Status::Uncertain),
        Some(CueStatus::Planned) => Some(Status::Planned),
        None => Some(Status::Occurred),
    }
}

/// The `needs` column of the event files: `target` or `-`.
fn parse_needs(v: &str) -> Result<bool, String> {
    match v {
        "target" => Ok(true),
        "-" => Ok(false),
        o => Err(format!("needs must be `target` or `-`, found `{o}`")),
    }
}

/// The `target_kind` column of the event files.
fn parse_target_kind(v: &str) -> Result<TargetKind, String> {
    match v {
        "person" => Ok(TargetKind::Person),
        "state" => Ok(TargetKind::State),
        "any" => Ok(TargetKind::Any),
        o => Err(format!(
            "target_kind must be person, state or any, found `{o}`"
        )),
    }
}

/// One event per (source, target) pair, never an actor with itself. Without targets: one
/// event per pair of sources when `pairwise` ("the two met"), else — unless a target is
/// needed — one target-less event per source. `mk(source, target)` builds an event.
fn pair_events(
    sources: &[usize],
    targets: &[usize],
    pairwise: bool,
    needs_target: bool,
    mk: impl Fn(usize, Option<usize>) -> CodedEvent,
) -> Vec<CodedEvent> {
    let mut out = Vec::new();
    if targets.is_empty() {
        if pairwise {
            for (i, &a) in sources.iter().enumerate() {
                for &b in &sources[i + 1..] {
                    if a != b {
                        out.push(mk(a, Some(b)));
                    }
                }
            }
        } else if !needs_target {
            out.extend(sources.iter().map(|&a| mk(a, None)));
        }
    } else {
        for &a in sources {
            for &b in targets {
                if a != b {
                    out.push(mk(a, Some(b)));
                }
            }
        }
    }
    out
}

/// True when the pattern itself uses "by" for its target.
fn agent_slot(p: &EventPattern) -> bool {
    p.slots
        .iter()
        .any(|s| matches!(s, Slot::Prep(x) if x == "by"))
}

/// Whether an event type is symmetric (order of actors does not matter): meet, talk,
/// negotiate, cooperate, agree, fight (GUIDELINES.md).
pub fn is_symmetric(etype: &str) -> bool {
    matches!(
        etype,
        "meet" | "talk" | "negotiate" | "cooperate" | "agree" | "fight"
    )
}

fn trigger_key(t: &Token) -> &str {
    t.lower.as_str()
}

fn token_matches(t: &Token, alts: &[String]) -> bool {
    let w = t.lower.as_str();
    alts.iter().any(|a| a == w)
}

/// Matches `elems` at token `i`; returns the token index one past the match.
fn match_at(toks: &[Token], i: usize, elems: &[Elem]) -> Option<usize> {
    fn go(toks: &[Token], i: usize, elems: &[Elem]) -> Option<usize> {
        match elems.split_first() {
            None => Some(i),
            Some((Elem::Words(alts), rest)) => {
                let t = toks.get(i)?;
                if token_matches(t, alts) {
                    go(toks, i + 1, rest)
                } else {
                    // Multi-word alternatives ("dressing down", "phone call").
                    for a in alts.iter().filter(|a| a.contains(' ')) {
                        let parts: Vec<&str> = a.split(' ').collect();
                        if parts
                            .iter()
                            .enumerate()
                            .all(|(k, p)| toks.get(i + k).is_some_and(|t| t.lower == *p))
                        {
                            return go(toks, i + parts.len(), rest);
                        }
                    }
                    None
                }
            }
            Some((Elem::Gap(n), rest)) => {
                for k in 0..=*n {
                    if i + k > toks.len() {
                        break;
                    }
                    // Gaps do not cross clause punctuation.
                    if k > 0
                        && toks.get(i + k - 1).is_some_and(|t| {
                            matches!(t.text.as_str(), "," | ";" | ":" | "." | "(" | ")")
                        })
                    {
                        break;
                    }
                    if let Some(e) = go(toks, i + k, rest) {
                        return Some(e);
                    }
                }
                None
            }
        }
    }
    go(toks, i, elems)
}

fn quote_at(s: &Sentence, byte: usize) -> bool {
    let rel = byte - s.start;
    let before = &s.text[..rel];
    let opens = before.matches('“').count();
    let closes = before.matches('”').count();
    let plain = before.matches('"').count();
    opens > closes || plain % 2 == 1
}

const BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be", "got"];

fn is_passive(toks: &[Token], ti: usize) -> bool {
    let w = &toks[ti].lower;
    let participle = w.ends_with("ed")
        || matches!(
            w.as_str(),
            "met"
                | "held"
                | "sent"
                | "given"
                | "made"
                | "struck"
                | "shot"
                | "taken"
                | "seen"
                | "fought"
                | "won"
        );
    if !participle {
        return false;
    }
    (1..=2).any(|k| ti >= k && BE.contains(&toks[ti - k].lower.as_str()))
}

const PREPS: &[&str] = &[
    "of",
    "in",
    "at",
    "from",
    "to",
    "for",
    "on",
    "with",
    "near",
    "by",
    "about",
    "against",
    "between",
    "into",
    "toward",
    "towards",
    "like",
    "including",
    "among",
    "across",
    "over",
    "under",
    "through",
    "via",
    "than",
    "within",
    "without",
    "since",
    "after",
    "before",
    "during",
];

fn token_index_of(toks: &[Token], byte: usize) -> Option<usize> {
    toks.iter().position(|t| t.start == byte)
}

/// The token before a mention, skipping a determiner.
fn word_before<'t>(toks: &'t [Token], m: &Mention) -> Option<&'t str> {
    let i = token_index_of(toks, m.start)?;
    let mut k = i;
    while k > 0 {
        let w = toks[k - 1].lower.as_str();
        if matches!(
            w,
            "the"
                | "a"
                | "an"
                | "both"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "native"
                | "neighbouring"
                | "neighboring"
                | "fellow"
                | "former"
                | "visiting"
                | "breakaway"
        ) {
            k -= 1;
            continue;
        }
        return Some(w);
    }
    None
}

fn is_determiner_pronoun(m: &Mention) -> bool {
    m.kind == MentionKind::Pronoun
        && matches!(
            crate::text::fold(&m.text).as_str(),
            "his" | "her" | "its" | "their"
        )
}

/// Nearest mention to the left of the trigger that can be a subject.
fn find_subject<'a>(
    toks: &[Token],
    ments: &[&'a Mention],
    ti: usize,
    in_quote: bool,
) -> Option<&'a Mention> {
    let trig = toks[ti].start;
    ments
        .iter()
        .rev()
        .filter(|m| m.end <= trig && m.in_quote == in_quote && !is_determiner_pronoun(m))
        .find(|m| {
            let before = word_before(toks, m).unwrap_or("");
            !PREPS.contains(&before)
        })
        .copied()
}

/// Auxiliaries, negation and adverbs of a verb group ("has not yet", "will also").
const VERB_GROUP: &[&str] = &[
    "has",
    "have",
    "had",
    "having",
    "been",
    "be",
    "being",
    "was",
    "were",
    "is",
    "are",
    "am",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "can",
    "did",
    "does",
    "do",
    "'ll",
    "'d",
    "not",
    "never",
    "also",
    "again",
    "still",
    "already",
    "just",
    "then",
    "finally",
    "reportedly",
    "repeatedly",
    "later",
    "once",
];

/// Other words a subject search walks over between a subject and its verb: time words and
/// verbs governing an infinitive ("agreed to", "on Thursday").
const WALK_SKIP: &[&str] = &[
    "n't",
    "first",
    "earlier",
    "jointly",
    "personally",
    "both",
    "all",
    "to",
    "twice",
    "yet",
    "even",
    "further",
    "due",
    "set",
    "going",
    "expected",
    "scheduled",
    "about",
    "on",
    "last",
    "this",
    "next",
    "week",
    "weekend",
    "late",
    "early",
    "yesterday",
    "today",
    "tonight",
    "overnight",
    "night",
    "morning",
    "afternoon",
    "evening",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "plans",
    "planned",
    "wants",
    "want",
    "wanted",
    "agreed",
    "decided",
    "refused",
    "failed",
    "tried",
    "hopes",
    "hoped",
    "intends",
    "offered",
    "promised",
    "vowed",
    "threatened",
    "sought",
    "seeks",
    "expects",
    "prepared",
    "ready",
    "able",
    "unable",
    "likely",
    "unlikely",
    "sure",
    "certain",
    "willing",
    "poised",
    "pledged",
    "declined",
    "moved",
    "began",
    "begun",
    "started",
    "continued",
    "continues",
    "helped",
    "went",
    "came",
    "got",
    "gone",
    "come",
];

/// The subject of a verbal trigger: walking left over the verb group (auxiliaries, negation,
/// adverbs, time words, "agreed to"), the next word must end an actor mention; a comma
/// (appositive, inserted clause) falls back to the nearest mention; a relative pronoun
/// ("who", "which") takes the mention before it; any other word means the subject is not an
/// actor, and the event is not coded.
fn find_verb_subject<'a>(
    toks: &[Token],
    ments: &[&'a Mention],
    ti: usize,
    in_quote: bool,
) -> Option<&'a Mention> {
    let mut k = ti;
    while k > 0 {
        let t = &toks[k - 1];
        let w = t.lower.as_str();
        let is_mention_end = ments
            .iter()
            .any(|m| m.end == t.end && m.in_quote == in_quote && !is_determiner_pronoun(m));
        // "spoke with Netanyahu to congratulate him": the actor right before an infinitive
        // is the object of the previous verb; the clause subject does the second act.
        if is_mention_end && k + 1 == ti && ti >= 2 && toks[ti - 1].lower == "to" {
            return find_clause_subject(toks, ments, k - 1, in_quote);
        }
        if is_mention_end {
            let m = ments
                .iter()
                .find(|m| m.end == t.end && m.in_quote == in_quote && !is_determiner_pronoun(m))
                .copied()?;
            // The object of a preposition ("take her to Seoul, Beijing and Moscow to
            // discuss") is not a subject; check the head of a coordinated list too.
            let head = list_head(toks, ments, m);
            let before = word_before(toks, head).unwrap_or("");
            // "after", "since", "before" also introduce clauses: "after Richardson met Mobutu".
            // "with the military accusing X": an absolute clause.
            let clause_intro = matches!(
                before,
                "after" | "before" | "since" | "until" | "as" | "than"
            ) || (before == "with" && toks[ti].lower.ends_with("ing"));
            if PREPS.contains(&before) && !clause_intro && !group_of_people_before(toks, head) {
                return None;
            }
            return Some(m);
        }
        // Month names, not "may" (a modal before a verb).
        let month = w != "may" && crate::syntax::MONTH_NAMES.contains(&w);
        if (VERB_GROUP.contains(&w) || WALK_SKIP.contains(&w) || month)
            || w.ends_with("ly")
            || w.ends_with("n't")
            || w.chars().all(|c| c.is_ascii_digit())
        {
            k -= 1;
            continue;
        }
        // Governing verb of an infinitive: "agreed to meet", "is due to have".
        if toks.get(k).is_some_and(|n| n.lower == "to") && !t.is_punct() && !t.is_capitalized() {
            k -= 1;
            continue;
        }
        if w == "," || w == "(" || w == ")" || w == "-" || w == "--" || w == "—" {
            // An inserted clause or appositive: "Abbas, who …, also appealed", "Blair,
            // standing alongside Abbas, called for": the subject is the mention before the
            // opening comma.
            let open = (0..k - 1)
                .rev()
                .find(|&j| matches!(toks[j].text.as_str(), "," | "(" | "-" | "--" | "—"));
            if let Some(j) = open
                && j > 0
                && let Some(m) = ments.iter().find(|m| {
                    m.end == toks[j - 1].end && m.in_quote == in_quote && !is_determiner_pronoun(m)
                })
            {
                return Some(*m);
            }
            return find_clause_subject(toks, ments, k - 1, in_quote);
        }
        // A second verb of the same subject: "Obama had spoken with Putin and urged him".
        if matches!(w, "and" | "but") && k >= 2 && !toks[k - 2].is_punct() {
            // "… declared that Iran could never have … and called for": the second verb
            // belongs to the subject before the complement clause.
            let that = (0..k - 1).rev().find(|&j| toks[j].lower == "that");
            let bound = that.filter(|&j| {
                ments
                    .iter()
                    .any(|m| m.end <= toks[j].start && m.in_quote == in_quote)
            });
            let nearest = find_clause_subject(toks, ments, bound.unwrap_or(k - 1), in_quote)?;
            // A list of verbs ("said …, declared … and called for"): the list's subject.
            let listed = toks
                .iter()
                .any(|t| t.text == "," && t.start >= nearest.end && t.end <= toks[k - 1].start);
            if listed
                && let Some(first) = ments
                    .iter()
                    .filter(|m| {
                        m.end <= nearest.start
                            && m.in_quote == in_quote
                            && !is_determiner_pronoun(m)
                    })
                    .find(|m| !PREPS.contains(&word_before(toks, m).unwrap_or("")))
            {
                return Some(*first);
            }
            return Some(nearest);
        }
        if matches!(w, "who" | "which" | "that") {
            let mut j = k - 1;
            while j > 0 && toks[j - 1].is_punct() {
                j -= 1;
            }
            return ments
                .iter()
                .find(|m| j > 0 && m.end == toks[j - 1].end && m.in_quote == in_quote)
                .copied();
        }
        return None;
    }
    None
}

/// "diplomats from North Korea, …", "officials of the two countries": a group of people
/// named by the countries they come from is an actor subject.
fn group_of_people_before(toks: &[Token], m: &Mention) -> bool {
    let Some(mut i) = token_index_of(toks, m.start) else {
        return false;
    };
    if i > 0 && toks[i - 1].lower == "the" {
        i -= 1;
    }
    i >= 2
        && matches!(toks[i - 1].lower.as_str(), "from" | "of")
        && matches!(
            toks[i - 2].lower.as_str(),
            "diplomats"
                | "officials"
                | "envoys"
                | "delegations"
                | "delegates"
                | "negotiators"
                | "ministers"
                | "leaders"
                | "representatives"
                | "troops"
                | "forces"
                | "soldiers"
                | "members"
                | "heads"
                | "delegation"
        )
}

/// The first mention of a coordinated list ending in `m` ("X, Y and Z" → X).
fn list_head<'a>(toks: &[Token], ments: &[&'a Mention], m: &'a Mention) -> &'a Mention {
    let mut cur = m;
    for _ in 0..6 {
        let Some(mut i) = token_index_of(toks, cur.start) else {
            break;
        };
        if i > 0 && toks[i - 1].lower == "the" {
            i -= 1;
        }
        if i < 2 || !matches!(toks[i - 1].lower.as_str(), "and" | "," | "or") {
            break;
        }
        let sep_start = toks[i - 1].start;
        match ments
            .iter()
            .rev()
            .find(|p| p.end <= sep_start && sep_start - p.end <= 2)
        {
            Some(p) => cur = p,
            None => break,
        }
    }
    cur
}

/// The subject of the clause the trigger is in: the first non-prepositional mention of the
/// sentence's main clause before the trigger.
fn find_clause_subject<'a>(
    toks: &[Token],
    ments: &[&'a Mention],
    ti: usize,
    in_quote: bool,
) -> Option<&'a Mention> {
    let trig = toks[ti].start;
    let candidates: Vec<&Mention> = ments
        .iter()
        .filter(|m| m.end <= trig && m.in_quote == in_quote && !is_determiner_pronoun(m))
        .filter(|m| !PREPS.contains(&word_before(toks, m).unwrap_or("")))
        .copied()
        .collect();
    // The nearest mention that is followed by a verb heads the trigger's clause ("Zelensky
    // met Carney, and Canada announced … sanctions on Russia" → Canada); else the first.
    let followed_by_verb = |m: &Mention| {
        let possessive = m.text.ends_with("'s") || m.text.ends_with("’s");
        !possessive
            && toks
                .iter()
                .position(|t| t.start >= m.end)
                .is_some_and(|mut i| {
                    // "the G7 leaders said", "EU officials agreed": a group noun after the actor.
                    if matches!(
                        toks[i].lower.as_str(),
                        "leaders"
                            | "officials"
                            | "ministers"
                            | "members"
                            | "allies"
                            | "diplomats"
                            | "envoys"
                            | "negotiators"
                    ) && i + 1 < toks.len()
                    {
                        i += 1;
                    }
                    let w = toks[i].lower.as_str();
                    !toks[i].is_punct() && !toks[i].is_capitalized() && looks_like_verb(w)
                })
    };
    candidates
        .iter()
        .rev()
        .find(|m| followed_by_verb(m))
        .or(candidates.first())
        .copied()
}

/// A possessor right before a nominal trigger: "Trump's attack", "his visit", "the
/// administration's decision to halt".
fn find_possessor<'a>(
    toks: &[Token],
    ments: &[&'a Mention],
    ti: usize,
    verbal: bool,
) -> Option<&'a Mention> {
    // Walk left over at most 3 modifier tokens ("decision to", "recent", "two-day"). For a
    // verbal trigger the walk must pass an infinitive "to": "the administration's decision to halt".
    let mut k = ti;
    let mut steps = 0;
    let mut saw_to = false;
    while k > 0 && steps < 4 {
        let t = &toks[k - 1];
        if let Some(m) = ments.iter().find(|m| {
            m.end == t.end || (m.end > t.start && m.end < t.end && t.lower.ends_with("'s"))
        }) {
            let is_poss =
                t.lower.ends_with("'s") || t.lower.ends_with('\'') || is_determiner_pronoun(m);
            // A noun modifier right before a nominal trigger is its agent: "the White House
            // dressing down of …", "a US attack on …".
            // Not a role word used as an adjective: "the rebel demand that …" is no demand
            // of the person last called "the rebel".
            let role_word = m.kind == MentionKind::Role
                && m.text.chars().next().is_some_and(char::is_lowercase);
            let modifier = !verbal && steps == 0 && m.kind != MentionKind::Pronoun && !role_word;
            return ((is_poss || modifier) && (!verbal || saw_to)).then_some(*m);
        }
        if t.is_punct() || PREPS.contains(&t.lower.as_str()) && t.lower != "to" {
            return None;
        }
        saw_to |= t.lower == "to";
        k -= 1;
        steps += 1;
    }
    None
}

/// The actors of a subject mention, with coordination to the left ("X and Y met").
fn sj_actors(toks: &[Token], ments: &[&Mention], m: &Mention) -> Vec<usize> {
    // Coordinated mentions before: "X and Y", "X, Y and the Z", "X, Y, and Z".
    let mut chain = vec![m];
    let mut cur = m;
    let mut saw_and = false;
    while chain.len() <= 5 {
        let Some(mut i) = token_index_of(toks, cur.start) else {
            break;
        };
        // Skip a determiner: "and the United States".
        if i > 0 && matches!(toks[i - 1].lower.as_str(), "the" | "both") {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let mut j = i - 1;
        match toks[j].lower.as_str() {
            "and" => {
                saw_and = true;
                if j > 0 && toks[j - 1].text == "," {
                    j -= 1;
                }
            }
            "," if chain.len() > 1 || saw_and => {}
            _ => break,
        }
        let sep_start = toks[j].start;
        let Some(prev) = ments
            .iter()
            .rev()
            .find(|p| p.end <= sep_start && sep_start - p.end <= 2)
        else {
            break;
        };
        chain.push(prev);
        cur = prev;
    }
    // A comma-only chain is an appositive ("the UK defence secretary, John Healey"), not a list.
    let chain: Vec<&Mention> = if saw_and { chain } else { vec![m] };
    let mut out = Vec::new();
    for c in chain.iter().rev() {
        for &a in &c.actors {
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// The mention right after the pattern (object), allowing a few filler words.
/// Whether mention `m` is a possessor: followed by `'s`/`’s` (as its own token or as the
/// end of its last word) or a bare apostrophe ("the Smiths'").
fn possessive_after(toks: &[Token], m: &Mention) -> bool {
    let Some(last) = toks.iter().position(|t| t.end >= m.end) else {
        return false;
    };
    let own = toks[last].lower.ends_with("'s") || toks[last].lower.ends_with("’s");
    own || toks
        .get(last + 1)
        .is_some_and(|t| matches!(t.lower.as_str(), "'s" | "’s" | "'" | "’"))
}

fn find_object<'a>(toks: &[Token], ments: &[&'a Mention], end_tok: usize) -> Option<&'a Mention> {
    let from = toks.get(end_tok)?.start;
    let m = ments
        .iter()
        .find(|m| m.start >= from && !is_determiner_pronoun(m))?;
    let mi = token_index_of(toks, m.start)?;
    if mi < end_tok {
        return None;
    }
    let mut between = &toks[end_tok..mi];
    // "visited the port of Vlore", "the Iraqi capital of Baghdad": a place noun and "of".
    if between.len() >= 2
        && between[between.len() - 1].lower == "of"
        && matches!(
            between[between.len() - 2].lower.as_str(),
            "port"
                | "city"
                | "town"
                | "capital"
                | "village"
                | "region"
                | "province"
                | "island"
                | "republic"
        )
    {
        between = &between[..between.len() - 2];
    }
    if between.len() > 3 {
        return None;
    }
    let ok = between.iter().all(|t| {
        DETERMINERS.contains(&t.lower.as_str())
            || matches!(
                t.lower.as_str(),
                "visiting" | "fellow" | "with" | "again" | "also" | "new" | "former" | "up"
            )
            || is_compound_modifier(t)
    });
    ok.then_some(*m)
}

/// Common irregular past forms (regular ones end in -ed).
const IRREGULAR_PAST: &[&str] = &[
    "met",
    "left",
    "held",
    "said",
    "told",
    "took",
    "gave",
    "made",
    "went",
    "came",
    "sent",
    "saw",
    "spoke",
    "wrote",
    "began",
    "won",
    "lost",
    "led",
    "fled",
    "kept",
    "brought",
    "thought",
    "sought",
    "fought",
    "struck",
    "stood",
    "rose",
    "fell",
    "broke",
    "chose",
    "drove",
    "flew",
    "paid",
    "put",
    "ran",
    "set",
    "shot",
    "sat",
    "hit",
    "cut",
    "let",
    "quit",
    "got",
    "found",
    "felt",
    "heard",
    "knew",
    "meant",
    "sold",
    "bought",
    "built",
    "became",
    "withdrew",
    "swore",
    "threw",
    "understood",
    "overtook",
    "undertook",
    "rang",
    "sang",
    "drew",
    "grew",
    "blew",
    "slew",
];

/// Whether a lower-case word can be the verb right after a subject: an auxiliary, a past
/// form, or a third-person present form.
fn looks_like_verb(w: &str) -> bool {
    VERB_GROUP.contains(&w)
        || IRREGULAR_PAST.contains(&w)
        || (w.ends_with("ed") && w.len() > 3)
        || (w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s") && w.len() > 3)
        || w.ends_with("n't")
}

/// Determiners that may stand between a verb or preposition and the actor it governs.
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "both"];

/// A hyphenated modifier such as "Brazilian-drafted" or "US-led".
fn is_compound_modifier(t: &Token) -> bool {
    t.text
        .split_once('-')
        .is_some_and(|(a, b)| !a.is_empty() && b.chars().next().is_some_and(char::is_lowercase))
}

/// The mention after preposition `prep`, which must follow within `window` tokens.
fn find_after_prep<'a>(
    toks: &[Token],
    ments: &[&'a Mention],
    end_tok: usize,
    prep: &str,
    window: usize,
) -> Option<&'a Mention> {
    let stop = (end_tok + window).min(toks.len());
    // The pattern may itself end with the preposition ("fly to").
    let start_at = if end_tok > 0 && toks[end_tok - 1].lower == prep {
        end_tok - 1
    } else {
        end_tok
    };
    for k in start_at..stop {
        let w = toks[k].lower.as_str();
        if matches!(
            w,
            "." | ";"
                | "which"
                | "who"
                | "that"
                | "when"
                | "but"
                | "said"
                | "after"
                | "before"
                | "during"
                | "while"
                | "since"
        ) && k > end_tok
            && w != prep
        {
            return None;
        }
        if w == prep {
            let after = toks.get(k + 1)?.start;
            let m = ments
                .iter()
                .find(|m| m.start >= after && !is_determiner_pronoun(m))?;
            let mi = token_index_of(toks, m.start)?;
            // "with the host, X": a short description and a comma before the actor.
            if mi >= k + 3
                && mi <= k + 4
                && toks[mi - 1].text == ","
                && toks[k + 1..mi - 1]
                    .iter()
                    .all(|t| !t.is_punct() && !t.is_capitalized())
            {
                return Some(*m);
            }
            if mi - (k + 1) <= 3
                && !toks[k + 1..mi].iter().any(|t| {
                    t.is_punct()
                        || PREPS.contains(&t.lower.as_str())
                        || matches!(t.lower.as_str(), "but" | "and" | "or" | "that")
                })
                && !(prep == "to"
                    && toks.get(k + 1).is_some_and(|t| {
                        !t.is_capitalized()
                            && !DETERMINERS.contains(&t.lower.as_str())
                            && !matches!(
                                t.lower.as_str(),
                                "war-torn" | "neighbouring" | "neighboring"
                            )
                            && !is_compound_modifier(t)
                    })
                    && mi > k + 1)
            {
                return Some(*m);
            }
            return None;
        }
    }
    None
}

/// The actors of a mention plus mentions coordinated after it ("X and Y", "X, Y and Z").
/// Items joined only by commas count only when the list ends with "and"/"or"; a comma
/// alone is an appositive or a clause break.
fn coordinated(toks: &[Token], ments: &[&Mention], m: &Mention, forward: bool) -> Vec<usize> {
    const MODIFIERS: &[&str] = &[
        "the",
        "a",
        "an",
        "his",
        "her",
        "its",
        "their",
        "both",
        "fellow",
        "former",
        "breakaway",
        "neighbouring",
        "neighboring",
        "visiting",
        "new",
        "then",
        "rebel",
        "opposition",
        "top",
        "senior",
    ];
    let mut out: Vec<usize> = m.actors.clone();
    if !forward {
        return out;
    }
    let mut pending: Vec<&Mention> = Vec::new();
    let mut cur = m;
    for _ in 0..6 {
        let Some(next_i) = toks.iter().position(|t| t.start >= cur.end) else {
            break;
        };
        let sep = toks[next_i].lower.as_str();
        if !matches!(sep, "and" | "or" | ",") {
            break;
        }
        let mut j = next_i + 1;
        let mut joined_by_and = sep != ",";
        if sep == ","
            && toks
                .get(j)
                .is_some_and(|t| matches!(t.lower.as_str(), "and" | "or"))
        {
            j += 1;
            joined_by_and = true;
        }
        // Determiners and a few modifiers before the next mention ("and the breakaway …").
        let mut q = j;
        while q < toks.len() && q < j + 3 && MODIFIERS.contains(&toks[q].lower.as_str()) {
            q += 1;
        }
        let Some(n) = toks
            .get(q)
            .and_then(|t| ments.iter().find(|x| x.start == t.start))
        else {
            break;
        };
        pending.push(n);
        cur = n;
        if joined_by_and {
            for p in pending.drain(..) {
                for &a in &p.actors {
                    if !out.contains(&a) {
                        out.push(a);
                    }
                }
            }
            break;
        }
    }
    out
}

/// Words and marks that start a new clause; shared with the dating stage.
pub const CLAUSE_BOUNDARIES: &[&str] = &[
    ";", ":", "when", "while", "after", "before", "because", "although", "though", "but", "which",
    "who", "whom", "whose", "where", "since", "until", "as", "\"", "“", "”",
];

/// Token index where the trigger's clause starts.
fn clause_start(toks: &[Token], ti: usize) -> usize {
    let inserted: Vec<(usize, usize)> = inserted_clauses(toks)
        .into_iter()
        .filter(|&(_, b)| b < ti)
        .collect();
    let mut k = ti;
    while k > 0 {
        // Skip over an inserted relative clause: it is not where the trigger's clause starts.
        if let Some(&(a, _)) = inserted.iter().find(|&&(a, b)| a < k && k <= b + 1) {
            k = a;
            continue;
        }
        if CLAUSE_BOUNDARIES.contains(&toks[k - 1].lower.as_str()) {
            return k - 1;
        }
        k -= 1;
    }
    0
}

/// Token spans `[comma, closing comma]` of relative clauses set off by commas
/// (", who …,", ", which …,").
fn inserted_clauses(toks: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.text == ","
            && toks
                .get(i + 1)
                .is_some_and(|n| matches!(n.lower.as_str(), "who" | "which" | "whose" | "where"))
            && let Some(j) = toks[i + 2..]
                .iter()
                .position(|t| t.text == ",")
                .map(|j| i + 2 + j)
        {
            out.push((i, j));
        }
    }
    out
}

/// `range` minus the token spans in `skip`, as contiguous pieces.
fn pieces(
    range: std::ops::Range<usize>,
    skip: &[(usize, usize)],
) -> impl Iterator<Item = std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut a = range.start;
    let mut spans: Vec<(usize, usize)> = skip
        .iter()
        .copied()
        .filter(|&(x, y)| y >= range.start && x < range.end)
        .collect();
    spans.sort();
    for (x, y) in spans {
        if x > a {
            out.push(a..x.min(range.end));
        }
        a = a.max(y + 1);
    }
    if a < range.end {
        out.push(a..range.end);
    }
    out.into_iter()
}

fn contains_seq(toks: &[Token], range: std::ops::Range<usize>, words: &[String]) -> bool {
    let (a, b) = (range.start, range.end.min(toks.len()));
    if words.is_empty() || b < a + words.len() {
        // "n't" inside a contraction.
        return words.len() == 1
            && words[0] == "n't"
            && toks[a.min(b)..b].iter().any(|t| t.lower.ends_with("n't"));
    }
    if words.len() == 1 && words[0] == "n't" {
        return toks[a..b].iter().any(|t| t.lower.ends_with("n't"));
    }
    // `*` in a cue stands for up to three other words ("agreed * to": "agreed in principle to").
    fn at(toks: &[Token], i: usize, end: usize, words: &[String]) -> bool {
        match words.split_first() {
            None => true,
            Some((w, rest)) if w == "*" => {
                (0..=3).any(|g| i + g <= end && at(toks, i + g, end, rest))
            }
            Some((w, rest)) => i < end && toks[i].lower == *w && at(toks, i + 1, end, rest),
        }
    }
    (a..b).any(|i| at(toks, i, b, words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_with_gaps() {
        let toks = crate::text::tokenize("the president had agreed in principle to meet", 0);
        let cue: Vec<String> = ["agreed", "*", "to"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert!(contains_seq(&toks, 0..toks.len(), &cue));
        let toks = crate::text::tokenize("he agreed with the plan of the army to meet", 0);
        assert!(!contains_seq(&toks, 0..toks.len(), &cue));
    }

    #[test]
    fn parses_patterns() {
        let e = parse_pattern("halt|halted * military aid").unwrap();
        assert_eq!(e.len(), 4);
        assert_eq!(e[1], Elem::Gap(3));
        assert!(parse_pattern("* x").is_err());
        assert!(parse_pattern("x *").is_err());
        assert!(parse_pattern("x *z y").is_err());
    }

    #[test]
    fn matches_with_gaps() {
        let toks = crate::text::tokenize("to halt all military aid to Ukraine", 0);
        let e = parse_pattern("halt|halted * military aid|assistance").unwrap();
        assert_eq!(match_at(&toks, 1, &e), Some(5));
        let toks = crate::text::tokenize("halt, then military aid", 0);
        assert_eq!(match_at(&toks, 0, &e), None);
    }

    #[test]
    fn bad_data_is_reported_with_line() {
        let cameo = (
            "cameo.tsv",
            "code\tname\tgoldstein\tquad_class\tplover\n040\tConsult\t1.0\t1\tCONSULT\n",
        );
        let cues = (
            "status_cues.tsv",
            "cue\tstatus\tscope\nnot\tnegated\tverb\n",
        );
        let ev = (
            "events.tsv",
            "type\tcameo\tpos\tpattern\ttarget\tneeds\ttarget_kind\nmeet\t999\tverb\tmeet\tobj\t-\tany\n",
        );
        let e = EventCoder::parse(ev, cues, cameo).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("events.tsv", 2));
        let ev = (
            "events.tsv",
            "type\tcameo\tpos\tpattern\ttarget\tneeds\ttarget_kind\nmeet\t040\tadjective\tmeet\tobj\t-\tany\n",
        );
        assert!(
            EventCoder::parse(ev, cues, cameo)
                .unwrap_err()
                .message
                .contains("pos")
        );
    }

    #[test]
    fn event_types_and_their_cameo_roots_are_checked() {
        assert!(check_type("reject", "120").is_ok());
        assert!(check_type("fight", "2042").is_ok());
        let e = check_type("rejekt", "120").unwrap_err();
        assert!(e.contains("unknown event type `rejekt`"), "{e}");
        let e = check_type("meet", "120").unwrap_err();
        assert!(e.contains("does not belong to type `meet`"), "{e}");
    }

    #[test]
    fn a_negated_event_has_no_plover_type_and_a_plan_is_a_commitment() {
        assert_eq!(
            plover_reading(Some("CONCEDE"), "080", Status::Negated),
            None
        );
        assert_eq!(
            plover_reading(Some("CONSULT"), "042", Status::Planned).as_deref(),
            Some("AGREE")
        );
        assert_eq!(
            plover_reading(Some("RETREAT"), "0841", Status::Planned).as_deref(),
            Some("AGREE")
        );
        assert_eq!(
            plover_reading(Some("SANCTION"), "163", Status::Planned).as_deref(),
            Some("THREATEN")
        );
        assert_eq!(
            plover_reading(Some("CONSULT"), "042", Status::Occurred).as_deref(),
            Some("CONSULT")
        );
        assert_eq!(plover_reading(None, "010", Status::Planned), None);
    }
}
