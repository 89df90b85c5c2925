//! Event coding on dependency trees.
//!
//! Input: the [`Document`], one [`Tree`] per sentence (syntax stage) and the article's
//! [`ActorTable`]. Output: [`CodedEvent`]s, like the pattern coder's.
//!
//! Knowledge lives in `data/`:
//! - `verbs.tsv`: event predicates as lemmas with conditions on their dependents, and where
//!   the target is (object, or a dependent introduced by a preposition);
//! - `governors.tsv`: predicates that set the status of an event below them ("failed to
//!   persuade" → negated, "agreed to meet" → planned, "urged X to meet" → not coded).
//!
//! Rules (UD v2 relations):
//! - **source** of a verb = its `nsubj`; a relative pronoun stands for the noun its clause
//!   modifies; a verb without a subject takes it from the verb it is coordinated with
//!   (`conj`), controlled by (`xcomp`: the object of "persuade/urge X to …", else the
//!   subject) or attached to (`advcl`: "…, calling him a creature of history"). In passives
//!   the source is the `by` agent and the object slot is the passive subject.
//! - **source** of a nominal predicate = its possessor ("Trump's attack"), a modifier naming
//!   an actor ("Russian strikes"), else the subject of the verb governing it ("held talks").
//! - **coordination** expands sources and targets ("Starmer and Macron met Zelenskyy" is two
//!   meetings); a symmetric event with 2–3 sources and no target is coded pairwise.
//! - **status**: `not`/`never`/`no` → negated; `will`/`shall`, "is to" → planned; modal
//!   `may`/`might`/`could`/`would` → uncertain (`would` under a reporting verb → planned);
//!   `if`/`unless`/`whether` → hypothetical (not coded); then each governing predicate on the
//!   way up through `xcomp`/`ccomp` (and from a nominal to the verb whose object it is) adds
//!   its status from `governors.tsv`. The strongest wins: hypothetical > negated >
//!   uncertain > planned > occurred.

use super::{
    CodedEvent, CueStatus, TargetKind, cue_status, is_symmetric, pair_events, parse_needs,
    parse_target_kind,
};
use crate::actors::{ActorTable, Mention, MentionKind};
use crate::error::{DataError, tsv_rows};
use crate::model::{ActorType, Status};
use crate::syntax::Tree;
use crate::text::Document;
use std::collections::HashMap;

/// Verbal or nominal predicate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PredPos {
    /// A verb (UPOS `VERB`).
    Verb,
    /// A noun (UPOS `NOUN`).
    Noun,
    /// A predicative adjective (UPOS `ADJ` with a copula, or the complement of a verb):
    /// "was pleased with", "is critical of". Source = its subject, as for a verb.
    Adj,
}

/// A condition on a trigger's dependents (`frame` column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cond {
    /// A dependent reached by this path of relations, with one of these lemmas (any lemma
    /// when empty).
    Has(Vec<String>, Vec<String>),
    /// No dependent reached by this path of relations (with one of these lemmas, when not
    /// empty: `!obj=innocence`).
    Lacks(Vec<String>, Vec<String>),
    /// A dependent introduced by this preposition or marker.
    Prep(String),
    /// No dependent introduced by this preposition or marker (`!@on`).
    LacksPrep(String),
}

/// One step of a target path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The object (the subject in passives).
    Obj,
    /// The indirect object.
    Iobj,
    /// A dependent relation by name (`nmod`), for paths through a noun.
    Rel(String),
    /// A dependent introduced by this preposition.
    Prep(String),
}

/// Where a target is (one `|`-separated item of the `target` column).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TargetSpec {
    /// A path of steps from the trigger; `reverse` (`rev:`): the dependent found is the
    /// source and the subject the target.
    Path {
        /// Steps from the trigger.
        path: Vec<Step>,
        /// `rev:` was given.
        reverse: bool,
    },
    /// `home`: the source's own country, where the article names it (a protest without a
    /// stated target is directed at the protesters' state, as CAMEO codes domestic protest
    /// against the government).
    Home,
    /// `mutual`: with no target found, coordinated sources act on each other ("India and
    /// Pakistan clashed"), for types that otherwise keep them apart (fight).
    Mutual,
}

/// One line of `verbs.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Predicate {
    /// Event type.
    pub etype: String,
    /// CAMEO 1.1b3 code.
    pub cameo: String,
    /// Verbal or nominal.
    pub pos: PredPos,
    /// Conditions on dependents.
    pub frame: Vec<Cond>,
    /// Target specs, tried in order.
    pub targets: Vec<TargetSpec>,
    /// Only code with a target.
    pub needs_target: bool,
    /// Code without a target and keep it so (`needs` = `bare`): the event stands alone.
    pub bare: bool,
    /// Code only with a target found in the target slot (`needs` = `named`): coordinated
    /// subjects are not each other's partners ("X and Y said before the press
    /// conference" is no meeting between them).
    pub named: bool,
    /// Target restriction.
    pub target_kind: TargetKind,
    /// 1-based line in `verbs.tsv`.
    pub line: usize,
}

/// The tree coder's knowledge: predicates by lemma and governing lemmas.
#[derive(Debug, Clone, Default)]
pub struct TreeCoder {
    preds: Vec<Predicate>,
    by_lemma: HashMap<String, Vec<usize>>,
    governors: HashMap<String, Vec<Governor>>,
    /// (emits, inner code prefix or `*`, code), from `intent_codes.tsv`.
    intent_codes: Vec<(Emits, String, String)>,
    /// Support verbs (lemmas), from `support_verbs.tsv`.
    support: std::collections::HashSet<String>,
    /// Verbs whose clause on a meeting noun names its participants, from
    /// `support_verbs.tsv` (role `clause`).
    clause_verbs: std::collections::HashSet<String>,
    /// Verbs whose object is the audience, not the content ("told a news conference"),
    /// from `support_verbs.tsv` (role `addressee`).
    addressee_verbs: std::collections::HashSet<String>,
    /// People nouns whose `of` complement is someone else ("supporters of X"), from
    /// `person_nouns.tsv` (class `relational`).
    relational_nouns: std::collections::HashSet<String>,
    /// People nouns whose `from` complement is what they act for ("activists from X"),
    /// from `person_nouns.tsv` (class `affiliation`).
    affiliation_nouns: std::collections::HashSet<String>,
}

/// The event a governing predicate is itself (`emits` column of `governors.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emits {
    /// Express intent (CAMEO 03).
    Intend,
    /// Reject (CAMEO 12).
    Reject,
    /// Threaten (CAMEO 13).
    Threaten,
}

impl Emits {
    fn etype(self) -> &'static str {
        match self {
            Emits::Intend => "intend",
            Emits::Reject => "reject",
            Emits::Threaten => "threaten",
        }
    }
}

/// One line of `governors.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Governor {
    particle: Option<String>,
    /// `lemma:noun`: governs only as a noun ("claims that it had shelled", not "claimed
    /// responsibility for the attack").
    noun_only: bool,
    status: CueStatus,
    emits: Option<Emits>,
}

/// The `a|b|c` lemma list of a frame condition; an empty list or an empty alternative is an
/// error (`obj=`, `obj=a||b`).
fn lemma_list(l: &str, item: &str) -> Result<Vec<String>, String> {
    let v: Vec<String> = l.split('|').map(str::to_string).collect();
    if v.iter().any(|x| x.is_empty()) {
        return Err(format!("empty lemma in frame `{item}`"));
    }
    Ok(v)
}

fn parse_frame(s: &str) -> Result<Vec<Cond>, String> {
    if s == "-" {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for item in s.split(';').map(str::trim).filter(|x| !x.is_empty()) {
        if let Some(p) = item.strip_prefix('@') {
            out.push(Cond::Prep(p.to_string()));
        } else if let Some(p) = item.strip_prefix("!@") {
            out.push(Cond::LacksPrep(p.to_string()));
        } else if let Some(r) = item.strip_prefix('!') {
            let (path, lemmas) = match r.split_once('=') {
                Some((p, l)) => (p, lemma_list(l, item)?),
                None => (r, Vec::new()),
            };
            out.push(Cond::Lacks(
                path.split('>').map(str::to_string).collect(),
                lemmas,
            ));
        } else {
            let (path, lemmas) = match item.split_once('=') {
                Some((p, l)) => (p, lemma_list(l, item)?),
                None => (item, Vec::new()),
            };
            let path: Vec<String> = path.split('>').map(str::to_string).collect();
            if path.iter().any(|p| p.is_empty()) {
                return Err(format!("empty relation in frame `{item}`"));
            }
            out.push(Cond::Has(path, lemmas));
        }
    }
    Ok(out)
}

fn parse_targets(s: &str) -> Result<Vec<TargetSpec>, String> {
    if s == "-" {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for spec in s.split('|') {
        match spec {
            "home" => {
                out.push(TargetSpec::Home);
                continue;
            }
            "mutual" => {
                out.push(TargetSpec::Mutual);
                continue;
            }
            _ => {}
        }
        let (reverse, rest) = match spec.strip_prefix("rev:") {
            Some(r) => (true, r),
            None => (false, spec),
        };
        let mut path = Vec::new();
        for st in rest.split('>') {
            path.push(match st {
                "" => return Err(format!("empty step in target `{spec}`")),
                "obj" => Step::Obj,
                "iobj" => Step::Iobj,
                "nmod" | "obl" | "amod" | "compound" | "xcomp" | "ccomp" | "advcl" | "acl"
                | "nsubj" => Step::Rel(st.to_string()),
                "poss" => Step::Rel("nmod:poss".to_string()),
                p if PREPOSITIONS.contains(&p) => Step::Prep(p.to_string()),
                o => {
                    return Err(format!(
                        "bad target step `{o}`: a relation (obj, iobj, nmod, obl, amod, \
                         compound, xcomp, ccomp, advcl, acl, nsubj, poss), a preposition (to, \
                         with, against, …) or, alone, `home` or `mutual`"
                    ));
                }
            });
        }
        out.push(TargetSpec::Path { path, reverse });
    }
    Ok(out)
}

impl TreeCoder {
    /// Parses `verbs.tsv`, `governors.tsv`, `intent_codes.tsv`, `support_verbs.tsv` and
    /// `person_nouns.tsv` (each `(file name, contents)`); `known_code` says whether a CAMEO
    /// code exists in the code table.
    ///
    /// Errors: the first bad line as `file:line: message` (for `support_verbs.tsv` and
    /// `person_nouns.tsv`: a lemma that is not one lower-case word, or an unknown role or
    /// class).
    pub fn parse(
        verbs: (&str, &str),
        governors: (&str, &str),
        intents: (&str, &str),
        support_verbs: (&str, &str),
        person_nouns: (&str, &str),
        known_code: &dyn Fn(&str) -> bool,
    ) -> Result<TreeCoder, DataError> {
        let mut preds = Vec::new();
        let mut by_lemma: HashMap<String, Vec<usize>> = HashMap::new();
        for (ln, f) in tsv_rows(
            verbs.1,
            verbs.0,
            &[
                "type",
                "cameo",
                "pos",
                "lemma",
                "frame",
                "target",
                "needs",
                "target_kind",
            ],
        )? {
            let err = |m: String| DataError::new(verbs.0, ln, m);
            if !known_code(f[1]) {
                return Err(err(format!(
                    "unknown CAMEO code `{}` (not in cameo.tsv)",
                    f[1]
                )));
            }
            super::check_type(f[0], f[1]).map_err(err)?;
            let pos = match f[2] {
                "verb" => PredPos::Verb,
                "noun" => PredPos::Noun,
                "adj" => PredPos::Adj,
                o => {
                    return Err(err(format!(
                        "pos must be `verb`, `noun` or `adj`, found `{o}`"
                    )));
                }
            };
            if f[3].is_empty()
                || f[3]
                    .split('|')
                    .any(|l| l.is_empty() || l != l.to_lowercase())
            {
                return Err(err(format!(
                    "lemmas must be lower-case and `|`-separated, found `{}`",
                    f[3]
                )));
            }
            let frame = parse_frame(f[4]).map_err(err)?;
            let targets = parse_targets(f[5]).map_err(err)?;
            // `bare`: coded without a target, and kept so by the pipeline.
            let bare = f[6] == "bare";
            // `named`: a target from the slot only, never a co-subject.
            let named = f[6] == "named";
            let needs_target = if bare {
                false
            } else if named {
                true
            } else {
                parse_needs(f[6])
                    .map_err(|e| err(format!("{e} (or `bare` or `named` in verbs.tsv)")))?
            };
            let target_kind = parse_target_kind(f[7]).map_err(err)?;
            if needs_target && targets.is_empty() {
                return Err(err("needs `target` but no target is given".to_string()));
            }
            let idx = preds.len();
            preds.push(Predicate {
                etype: f[0].to_string(),
                cameo: f[1].to_string(),
                pos,
                frame,
                targets,
                needs_target,
                bare,
                named,
                target_kind,
                line: ln,
            });
            for l in f[3].split('|') {
                by_lemma.entry(l.to_string()).or_default().push(idx);
            }
        }
        let parse_emits = |v: &str| match v {
            "intend" => Ok(Some(Emits::Intend)),
            "reject" => Ok(Some(Emits::Reject)),
            "threaten" => Ok(Some(Emits::Threaten)),
            "-" => Ok(None),
            o => Err(format!(
                "emits must be intend, reject, threaten or `-`, found `{o}`"
            )),
        };
        let mut gov: HashMap<String, Vec<Governor>> = HashMap::new();
        for (ln, f) in tsv_rows(governors.1, governors.0, &["lemma", "status", "emits"])? {
            let emits = parse_emits(f[2]).map_err(|m| DataError::new(governors.0, ln, m))?;
            let status = match f[1] {
                "planned" => CueStatus::Planned,
                "uncertain" => CueStatus::Uncertain,
                "negated" => CueStatus::Negated,
                "hypothetical" => CueStatus::Hypothetical,
                o => {
                    return Err(DataError::new(
                        governors.0,
                        ln,
                        format!("unknown status `{o}` (planned, uncertain, negated, hypothetical)"),
                    ));
                }
            };
            let mut words = f[0].split_whitespace();
            let Some(lemma) = words.next() else {
                return Err(DataError::new(governors.0, ln, "empty lemma"));
            };
            let particle = words.next().map(str::to_string);
            let (lemma, noun_only) = match lemma.strip_suffix(":noun") {
                Some(l) => (l, true),
                None => (lemma, false),
            };
            let lines = gov.entry(lemma.to_lowercase()).or_default();
            // Two lines for one governor would leave which one applies to file order.
            if lines
                .iter()
                .any(|g| g.particle == particle && g.noun_only == noun_only)
            {
                return Err(DataError::new(
                    governors.0,
                    ln,
                    format!("`{}` is listed twice", f[0]),
                ));
            }
            lines.push(Governor {
                particle,
                noun_only,
                status,
                emits,
            });
        }
        let mut intent_codes = Vec::new();
        for (ln, f) in tsv_rows(intents.1, intents.0, &["emits", "inner", "code"])? {
            let err = |m: String| DataError::new(intents.0, ln, m);
            let Some(e) = parse_emits(f[0]).map_err(err)? else {
                return Err(err("emits must not be `-` here".to_string()));
            };
            if f[2] == "threaten" && e != Emits::Intend {
                return Err(err(
                    "`threaten` (a commitment to a hostile act is a threat) is for `intend` lines only"
                        .to_string(),
                ));
            }
            if f[2] != "-" && f[2] != "threaten" && !known_code(f[2]) {
                return Err(err(format!(
                    "unknown CAMEO code `{}` (or `-` for none, `threaten` on an `intend` line)",
                    f[2]
                )));
            }
            intent_codes.push((e, f[1].to_string(), f[2].to_string()));
        }
        for e in [Emits::Intend, Emits::Reject, Emits::Threaten] {
            if !intent_codes.iter().any(|(x, p, _)| *x == e && p == "*") {
                return Err(DataError::new(
                    intents.0,
                    0,
                    format!("no `*` line for `{}`", e.etype()),
                ));
            }
        }
        let [support, clause_verbs, addressee_verbs] = lemma_classes(
            support_verbs,
            "role",
            "a support verb",
            ["object", "clause", "addressee"],
        )?;
        let [relational_nouns, affiliation_nouns] = lemma_classes(
            person_nouns,
            "class",
            "a person noun",
            ["relational", "affiliation"],
        )?;
        Ok(TreeCoder {
            preds,
            by_lemma,
            governors: gov,
            intent_codes,
            support,
            clause_verbs,
            addressee_verbs,
            relational_nouns,
            affiliation_nouns,
        })
    }
}

/// Reads a two-column `(file name, contents)` table of lemmas and their class (columns
/// `lemma` and `column`), e.g. `support_verbs.tsv` (`role`: object, clause, addressee) or
/// `person_nouns.tsv` (`class`: relational, affiliation): one set of lemmas per name in
/// `classes`, in that order. `what` names a lemma in messages ("a support verb").
///
/// Errors: the first line whose lemma is not one lower-case word (letters and hyphens) or
/// whose class is not one of `classes`, as `file:line: message`.
fn lemma_classes<const N: usize>(
    file: (&str, &str),
    column: &str,
    what: &str,
    classes: [&str; N],
) -> Result<[std::collections::HashSet<String>; N], DataError> {
    let mut sets: [std::collections::HashSet<String>; N] =
        std::array::from_fn(|_| Default::default());
    for (ln, f) in tsv_rows(file.1, file.0, &["lemma", column])? {
        let w = f[0];
        if w.is_empty() || !w.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            return Err(DataError::new(
                file.0,
                ln,
                format!("{what} is one lower-case lemma, found `{w}`"),
            ));
        }
        let Some(k) = classes.iter().position(|c| *c == f[1]) else {
            let names: Vec<String> = classes.iter().map(|c| format!("`{c}`")).collect();
            return Err(DataError::new(
                file.0,
                ln,
                format!("{column} must be {}, found `{}`", names.join(" or "), f[1]),
            ));
        };
        sets[k].insert(w.to_string());
    }
    Ok(sets)
}

/// Lemmas of negation dependents.
/// ("almost reached an agreement": it was not reached.)
const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "almost", "nearly"];

/// English prepositions (and `_`-joined multi-word ones) and the conditional markers `if`
/// and `unless` ("threatened to strike unless X complied") a target step may name; anything
/// else in a target path is a typo ("hme", "obk") and refused at load.
const PREPOSITIONS: &[&str] = &[
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "alongside",
    "amid",
    "among",
    "around",
    "as",
    "at",
    "before",
    "behind",
    "below",
    "beside",
    "besides",
    "between",
    "beyond",
    "by",
    "despite",
    "during",
    "except",
    "for",
    "from",
    "if",
    "in",
    "inside",
    "into",
    "near",
    "of",
    "off",
    "on",
    "onto",
    "out",
    "outside",
    "over",
    "past",
    "since",
    "through",
    "throughout",
    "to",
    "toward",
    "towards",
    "under",
    "unless",
    "until",
    "upon",
    "via",
    "with",
    "within",
    "without",
    "because_of",
    "on_behalf_of",
    "out_of",
];

/// The sentence context shared by the rules.
struct Ctx<'a> {
    coder: &'a TreeCoder,
    t: &'a Tree,
    ments: Vec<&'a Mention>,
    /// Country names modifying a thing ("Israeli proposals"): never a source, but the
    /// target of what is done to that thing (see [`Ctx::target_actors`]).
    mods: Vec<&'a Mention>,
    actors: &'a ActorTable,
}

impl Ctx<'_> {
    /// Mentions overlapping word `i`.
    fn mentions_at(&self, i: usize, allow_place: bool) -> Vec<&Mention> {
        let w = &self.t.nodes[i];
        self.ments
            .iter()
            .filter(|m| m.start < w.end && w.start < m.end)
            .filter(|m| allow_place || m.kind != MentionKind::Place)
            .copied()
            .collect()
    }

    /// The conjuncts of word `i` when a coordinating word joins them ("Hungarian and
    /// Romanian", "Britain, France or Germany"); conjuncts with none are often an
    /// apposition the parser coordinated ("the emir of Qatar, Tamim bin Hamad").
    fn coordinated(&self, i: usize) -> Vec<usize> {
        let conj: Vec<usize> = self.t.kids_rel(i, "conj").collect();
        if conj
            .iter()
            .any(|&c| self.t.kids_rel(c, "cc").next().is_some())
        {
            conj
        } else {
            Vec::new()
        }
    }

    /// The actors a noun phrase headed by word `i` names: a mention on the head word, else
    /// on a modifier (compound, flat, name, adjective, possessor, apposition, `of`-nominal)
    /// within two steps; conjuncts add theirs ("Starmer and Macron").
    fn actors_of(&self, i: usize, allow_place: bool) -> Vec<usize> {
        let mut out = Vec::new();
        self.collect(i, allow_place, &mut out, 0);
        out.dedup();
        out
    }

    fn collect(&self, i: usize, allow_place: bool, out: &mut Vec<usize>, depth: usize) {
        if depth > 6 {
            return;
        }
        let i = self.antecedent(i);
        let subject = self.t.base_rel(i) == "nsubj";
        let mut found = self.head_actors(i, allow_place);
        // "supporters of Ben Bella" are not Ben Bella.
        let relational = self
            .coder
            .relational_nouns
            .contains(&self.t.nodes[i].lemma.to_lowercase());
        if !found.is_empty() {
            // The mention took only the last of coordinated modifiers: "Hungarian and
            // Romanian officials" is one mention "Romanian officials" plus "Hungarian".
            for k in self.t.children(i).to_vec() {
                if !matches!(self.t.base_rel(k), "amod" | "compound") {
                    continue;
                }
                let conj = self.coordinated(k);
                if conj.is_empty() {
                    continue;
                }
                let mut a = Vec::new();
                for x in std::iter::once(k)
                    .chain(conj)
                    .flat_map(|c| self.head_actors(c, allow_place))
                    .chain(found.iter().copied())
                {
                    if !a.contains(&x) {
                        a.push(x);
                    }
                }
                found = a;
            }
        }
        if found.is_empty() {
            // Breadth-first over modifiers, two levels.
            let mut frontier = vec![i];
            'outer: for _ in 0..2 {
                let mut next = Vec::new();
                for &n in &frontier {
                    // Appositions and name parts before possessors: "Annan's representative,
                    // Gustave Feissel" is Feissel.
                    let mut kids: Vec<usize> = self.t.children(n).to_vec();
                    kids.sort_by_key(|&k| match self.t.base_rel(k) {
                        "appos" | "flat" | "compound" => 0,
                        "amod" => 1,
                        _ => 2,
                    });
                    for k in kids {
                        // A possessor stands for an object ("protest Assad's failure" is
                        // against Assad) but not for a subject: in "said Han's departure
                        // should not matter" nobody makes a demand of Han.
                        let possessor = self.t.rel_is(k, "nmod:poss")
                            || self
                                .t
                                .case_of(k)
                                .is_some_and(|c| matches!(c.as_str(), "'s" | "’s"));
                        let affiliation = n == i
                            && self
                                .coder
                                .affiliation_nouns
                                .contains(&self.t.nodes[i].lemma.to_lowercase())
                            && self.t.case_of(k).as_deref() == Some("from");
                        let ok = matches!(
                            self.t.base_rel(k),
                            "compound" | "flat" | "amod" | "appos" | "nmod" | "det"
                        ) && !(self.t.base_rel(k) == "nmod"
                            && !affiliation
                            && self
                                .t
                                .case_of(k)
                                .is_some_and(|c| !matches!(c.as_str(), "of" | "'s" | "’s")))
                            && !(possessor && subject)
                            && !(relational && n == i && self.t.base_rel(k) == "nmod");
                        if ok {
                            let mut a = self.head_actors(k, allow_place);
                            if !a.is_empty() {
                                // Coordinated modifiers name one actor each: "Hungarian
                                // and Romanian officials", "the leaders of France and
                                // Germany".
                                for c in self.coordinated(k) {
                                    for x in self.head_actors(c, allow_place) {
                                        if !a.contains(&x) {
                                            a.push(x);
                                        }
                                    }
                                }
                                found = a;
                                break 'outer;
                            }
                            next.push(k);
                        }
                    }
                }
                frontier = next;
            }
        }
        for a in found {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        // Conjuncts, also those the parser hung on the last part of a name ("Nelson Mandela
        // and his Gabonese counterpart", with the conjunct under "Mandela").
        let flats: Vec<usize> = self.t.kids_rel(i, "flat").collect();
        for k in std::iter::once(i)
            .chain(flats)
            .flat_map(|h| self.t.kids_rel(h, "conj").collect::<Vec<_>>())
            .collect::<Vec<_>>()
        {
            self.collect(k, allow_place, out, depth + 1);
        }
    }

    /// The actors a target phrase headed by word `i` names ([`Ctx::actors_of`]), else the
    /// country modifying it: rejecting "proposed Israeli changes" is rejecting Israel (CAMEO
    /// codes the target by the thing's owner). With `agent` = `Some(trigger)`, the `by`
    /// agent of a noun there comes first ("protested the occupation of Laos by Vietnamese
    /// troops" is against Vietnam), and the agent of a participle on it comes last, after
    /// the noun's own modifiers ("was pleased at the efforts made by the UN", "rejected the
    /// budget presented by the British presidency"; but "Israeli settlements on land claimed
    /// by Palestinians" stay Israel's); the trigger's own participle is not one ("citizens
    /// imprisoned by Iran"). Not for a destination, a place struck or a partner (`agent` =
    /// `None`: "flew into the city by helicopter", "shelled the town held by rebels").
    /// Where a place may be the target (`allow_place`) and the phrase names none, the
    /// first place down its "of"/"in"/"near"/"outside" modifiers ("the town of Cizre in
    /// southeastern Turkey" → Turkey), unless a country or body is named before the head:
    /// "the U.S. embassy in Baghdad" is the United States (a `compound` naming an actor
    /// counts like a country adjective).
    fn target_actors(&self, i: usize, allow_place: bool, agent: Option<usize>) -> Vec<usize> {
        let t = self.t;
        let head = self.antecedent(i);
        let noun = agent.is_some() && t.nodes[head].upos == "NOUN";
        if noun {
            let agents: Vec<usize> = t
                .kids_rel(head, "nmod")
                .filter(|&k| t.case_of(k).as_deref() == Some("by"))
                .flat_map(|k| self.actors_of(k, false))
                .collect();
            if !agents.is_empty() {
                return agents;
            }
        }
        let found = self.actors_of(i, allow_place);
        if !found.is_empty() {
            return found;
        }
        let mut out = Vec::new();
        // A place phrase is searched only below a head no country modifies ("the U.S.
        // embassy in Baghdad" is the United States').
        let mut modified = false;
        let mut by_compound: Vec<usize> = Vec::new();
        // Whose the thing struck or visited is ("attacked its consulate in Damascus" is an
        // attack on Iran, "arrived in Finland's capital"), or a state named before it
        // ("the U.S. embassy"): the possessor (a pronoun resolved; only where a place may
        // be the target: "said Han's departure should not …" demands nothing of Han) or
        // compound comes before any place the thing is in.
        let possessors = t.kids_rel(head, "nmod:poss").filter(|_| allow_place);
        for k in possessors.chain(t.kids_rel(head, "compound")) {
            let w = &t.nodes[k];
            let named = self
                .mods
                .iter()
                .filter(|m| m.start < w.end && w.start < m.end)
                .flat_map(|m| m.actors.iter().copied())
                .collect::<Vec<_>>();
            for a in named.into_iter().chain(self.actors_of(k, false)) {
                modified = true;
                if !by_compound.contains(&a) {
                    by_compound.push(a);
                }
            }
        }
        for k in t.kids_rel(head, "amod") {
            let w = &t.nodes[k];
            for m in self
                .mods
                .iter()
                .filter(|m| m.start < w.end && w.start < m.end)
            {
                for &a in &m.actors {
                    if !out.contains(&a) {
                        out.push(a);
                    }
                }
            }
            // A state body named by the modifiers ("against Israeli military policies",
            // where "Israeli military" is the army's name).
            for a in self.actors_of(k, false) {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
        }
        // A state or body named before the thing ("attacked the U.S. embassy").
        if out.is_empty() {
            out = by_compound;
        }
        if out.is_empty() && noun {
            out = t
                .kids_rel(head, "acl")
                .filter(|&v| t.nodes[v].xpos == "VBN" && Some(v) != agent)
                .flat_map(|v| t.kids_rel(v, "obl:agent").collect::<Vec<_>>())
                .flat_map(|k| self.actors_of(k, false))
                .collect();
        }
        // A scene named through a place phrase ("a curfew in the town of Cizre in
        // southeastern Turkey", "shelled positions near the city of Rafah"): the nearest
        // place down the chain of "of"/"in"/"near" modifiers, at most three steps.
        let mut level = vec![head];
        for _ in 0..3 {
            if !out.is_empty() || !allow_place || modified {
                break;
            }
            level = level
                .iter()
                .flat_map(|&h| t.kids_rel(h, "nmod").collect::<Vec<_>>())
                .filter(|&k| {
                    t.case_of(k)
                        .is_some_and(|c| matches!(c.as_str(), "of" | "in" | "near" | "outside"))
                })
                .collect();
            for &k in &level {
                for a in self.actors_of(k, true) {
                    if !out.contains(&a) {
                        out.push(a);
                    }
                }
            }
        }
        out
    }

    /// The countries (ISO 3166-1 alpha-3) of those `sources` that act for their state or
    /// as themselves: people and state organs (CAMEO sectors MIL, GOV, COP, LEG, JUD,
    /// SPY), for [`Ctx::is_home_state`].
    fn acting_homes(&self, sources: &[usize]) -> Vec<&str> {
        let acts = &self.actors.actors;
        sources
            .iter()
            .filter_map(|&a| {
                let r = &acts[a];
                let organ = r.kind == ActorType::Person
                    || r.cameo.as_deref().is_some_and(|c| {
                        ["MIL", "GOV", "COP", "LEG", "JUD", "SPY"]
                            .iter()
                            .any(|s| c.ends_with(s))
                    });
                organ.then_some(r.country.as_deref()).flatten()
            })
            .collect()
    }

    /// Whether actor `a` is the country actor of one of `homes` ([`Ctx::acting_homes`]):
    /// a state organ or person does not act on its own state ("China's People's Liberation
    /// Army invaded Tibet", Tibet being a place in China; "Trump vowed to move the US
    /// embassy").
    fn is_home_state(&self, a: usize, homes: &[&str]) -> bool {
        let r = &self.actors.actors[a];
        r.kind == ActorType::Country && homes.contains(&r.country.as_deref().unwrap_or("-"))
    }

    /// The country actors of the sources' own countries (not the sources themselves), for
    /// the `home` target.
    /// Only when all sources are of one country ("Polish and Laotian students" have no
    /// common home).
    fn home_countries(&self, sources: &[usize]) -> Vec<usize> {
        let acts = &self.actors.actors;
        let Some(c) = sources.first().and_then(|&s| acts[s].country.as_deref()) else {
            return Vec::new();
        };
        if sources
            .iter()
            .any(|&s| acts[s].country.as_deref() != Some(c))
        {
            return Vec::new();
        }
        acts.iter()
            .position(|a| a.kind == ActorType::Country && a.country.as_deref() == Some(c))
            .filter(|h| !sources.contains(h))
            .into_iter()
            .collect()
    }

    fn head_actors(&self, i: usize, allow_place: bool) -> Vec<usize> {
        let mut v = Vec::new();
        for m in self.mentions_at(i, allow_place) {
            for &a in &m.actors {
                if !v.contains(&a) {
                    v.push(a);
                }
            }
        }
        v
    }

    /// A relative pronoun stands for the noun its clause modifies ("Chang, who greeted …").
    fn antecedent(&self, i: usize) -> usize {
        let t = self.t;
        if matches!(t.nodes[i].lemma.as_str(), "who" | "whom" | "which" | "that")
            && let Some(v) = t.head(i)
            && t.nodes[v].deprel == "acl:relcl"
            && let Some(n) = t.head(v)
        {
            return n;
        }
        i
    }

    /// The subject word of verb `v` (see the module rules), and whether `v` is passive.
    fn subject(&self, v: usize) -> Option<usize> {
        let t = self.t;
        let mut cur = v;
        for _ in 0..8 {
            if let Some(s) = t.kids_rel(cur, "nsubj").next() {
                return Some(self.antecedent(s));
            }
            let h = t.head(cur)?;
            match t.nodes[cur].deprel.as_str() {
                "conj" => cur = h,
                "xcomp" => {
                    // Object control only for the governing verbs of governors.tsv ("urged
                    // Iran to halt", "persuaded X to meet"); else the subject controls (and
                    // a misparse such as "met X … and met Y" does not make X the subject).
                    if self.coder.governor_lines(t, h).is_some()
                        && let Some(o) = t.kids_rel(h, "obj").next()
                    {
                        return Some(o);
                    }
                    cur = h;
                }
                // "criticised X for meeting Y", "accused X of attacking Y": a "for" or
                // "of" clause is not the subject's act but its object's (the one blamed,
                // accused or thanked), if it has one.
                "advcl"
                    if matches!(t.case_of(cur).as_deref(), Some("for" | "of"))
                        || t.kids_rel(cur, "mark")
                            .any(|m| matches!(t.nodes[m].lemma.as_str(), "for" | "of")) =>
                {
                    return (t.nodes[cur].xpos == "VBG")
                        .then(|| t.kids_rel(h, "obj").next())
                        .flatten();
                }
                // "allowing terrorists to go into Iraq", parsed as an adverbial to-clause: the
                // object of a governing verb (governors.tsv) does it, as in an `xcomp`.
                "advcl" if self.coder.object_controller(t, cur).is_some() => {
                    return self.coder.object_controller(t, cur);
                }
                "advcl" => cur = h,
                // "a resolution calling for …": only an actor noun is the subject.
                "acl" => return (!self.head_actors(h, false).is_empty()).then_some(h),
                _ => return None,
            }
        }
        None
    }

    fn is_passive(&self, v: usize) -> bool {
        let t = self.t;
        t.kids_rel(v, "aux:pass").next().is_some()
            || t.kids_rel(v, "nsubj:pass").next().is_some()
            || (t.nodes[v].deprel == "conj"
                && t.head(v).is_some_and(|h| {
                    t.kids_rel(h, "aux:pass").next().is_some()
                        && t.kids_rel(v, "nsubj").next().is_none()
                }))
    }

    /// The `by` agent of a passive verb.
    fn agent(&self, v: usize) -> Option<usize> {
        let t = self.t;
        let by = |k: usize| t.case_of(k).as_deref() == Some("by");
        t.kids_rel(v, "obl:agent").next().or_else(|| {
            t.children(v)
                .iter()
                .copied()
                .find(|&k| t.base_rel(k) == "obl" && by(k))
                // A "by" phrase misattached to a place: "greeted at the airport by Chang".
                .or_else(|| {
                    t.kids_rel(v, "obl")
                        .flat_map(|o| t.kids_rel(o, "nmod").collect::<Vec<_>>())
                        .find(|&k| by(k))
                })
        })
    }

    /// Source word of a nominal predicate.
    fn noun_source(&self, n: usize) -> Option<usize> {
        let t = self.t;
        // "the first visit to Vietnam by Abe".
        if let Some(k) = t
            .kids_rel(n, "nmod")
            .find(|&k| t.case_of(k).as_deref() == Some("by"))
        {
            return Some(k);
        }
        for rel in ["nmod:poss"] {
            for k in t.kids_rel(n, rel) {
                if !self.head_actors(k, false).is_empty() {
                    return Some(k);
                }
            }
        }
        let h = t.head(n)?;
        match t.base_rel(n) {
            // An indirect object is an audience: who "told a joint news conference" took
            // part in it.
            "obj" | "iobj" | "obl" | "nmod" | "nsubj" if t.nodes[h].upos == "VERB" => {
                if t.base_rel(n) == "nsubj" {
                    return None;
                }
                // A verb of judging takes the nominal as its topic: who "condemned the
                // attack" or "welcomed the talks" did not attack or talk. (Support verbs —
                // "held talks" — and governors — "called off the talks" — pass the source.)
                let reacting = self
                    .coder
                    .by_lemma
                    .get(&t.nodes[h].lemma)
                    .is_some_and(|ps| {
                        ps.iter().any(|&pi| {
                            let p = &self.coder.preds[pi];
                            // A line that needs a particular object ("launched an
                            // investigation") makes its verb no verb of judging.
                            p.pos == PredPos::Verb
                                && matches!(
                                    p.etype.as_str(),
                                    "criticize" | "praise" | "reject" | "investigate" | "protest"
                                )
                                && !p.frame.iter().any(|c| {
                                    matches!(c, Cond::Has(path, lemmas)
                                        if !lemmas.is_empty() && path.len() == 1 && path[0] == "obj")
                                })
                        })
                    })
                    && self.coder.governor_lines(t, h).is_none();
                if reacting {
                    return None;
                }
                if self.is_passive(h) {
                    self.agent(h)
                } else {
                    self.subject(h)
                }
            }
            "conj" => self.noun_source(h),
            _ => None,
        }
    }

    /// Words reached from `from` by one step.
    fn step(&self, from: usize, st: &Step, passive: bool) -> Vec<usize> {
        let t = self.t;
        match st {
            Step::Obj if passive => t
                .kids_rel(from, "nsubj:pass")
                .next()
                .map(|s| self.antecedent(s))
                .or_else(|| self.subject(from))
                .into_iter()
                .collect(),
            Step::Obj => t.kids_rel(from, "obj").collect(),
            Step::Iobj => t.kids_rel(from, "iobj").collect(),
            Step::Rel(r) => t.kids_rel(from, r).collect(),
            Step::Prep(p) => {
                let with_prep = |n: usize| -> Vec<usize> {
                    t.children(n)
                        .iter()
                        .copied()
                        .filter(|&k| {
                            matches!(t.base_rel(k), "obl" | "nmod" | "advmod" | "advcl" | "xcomp")
                                && t.case_of(k).as_deref() == Some(p.as_str())
                        })
                        .collect()
                };
                let found = with_prep(from);
                if !found.is_empty() {
                    return found;
                }
                // The participants of a meeting noun hung on the clause that describes it:
                // "peace talks that ended Tuesday between X and Y", "talks held in Doha with
                // the Taliban".
                if t.nodes[from].upos == "NOUN" && matches!(p.as_str(), "between" | "with") {
                    let found: Vec<usize> = t
                        .children(from)
                        .iter()
                        .copied()
                        .filter(|&k| {
                            k > from
                                && t.base_rel(k) == "acl"
                                && self.coder.clause_verbs.contains(&t.nodes[k].lemma)
                        })
                        .flat_map(with_prep)
                        .collect();
                    if !found.is_empty() {
                        return found;
                    }
                }
                // A noun's phrase hung on the support verb it is the object of
                // (`support_verbs.tsv`): "gave a warm welcome on Thursday to X". (Not other
                // verbs: "took the threat to the UN", "compared his threats to X".)
                if t.nodes[from].upos == "NOUN"
                    && t.base_rel(from) == "obj"
                    && let Some(h) = t.head(from)
                    && t.nodes[h].upos == "VERB"
                    && self.coder.support.contains(&t.nodes[h].lemma)
                {
                    return self.step(h, st, false);
                }
                if t.nodes[from].upos != "VERB" {
                    return found;
                }
                // The commonest attachment errors: a verb's prepositional phrase hung on its
                // object ("extradite the suspects to Spain", "send troops to Mali"), on the
                // object's last conjunct ("withdraw inspectors and aid workers from Iraq")
                // or on its time ("demonstrated on Tuesday in Serbia").
                let found: Vec<usize> = t
                    .kids_rel(from, "obj")
                    .flat_map(|o| std::iter::once(o).chain(t.kids_rel(o, "conj")))
                    .flat_map(with_prep)
                    .collect();
                if !found.is_empty() {
                    return found;
                }
                t.kids_rel(from, "obl")
                    .filter(|&k| {
                        crate::syntax::TIME_NOUNS
                            .contains(&t.nodes[k].lemma.to_lowercase().as_str())
                    })
                    .flat_map(with_prep)
                    .collect()
            }
        }
    }

    fn path_end(&self, from: usize, path: &[Step], passive: bool) -> Vec<usize> {
        let mut cur = vec![from];
        for (i, st) in path.iter().enumerate() {
            let mut next = Vec::new();
            for &c in &cur {
                next.extend(self.step(c, st, passive && i == 0));
            }
            cur = next;
        }
        cur
    }

    fn frame_ok(&self, i: usize, frame: &[Cond]) -> bool {
        let t = self.t;
        // In a passive the object is the passive subject: "military aid was halted".
        let passive = t.nodes[i].upos == "VERB" && self.is_passive(i);
        frame.iter().all(|c| match c {
            Cond::Has(path, lemmas) => {
                let mut cur = vec![i];
                for (n, r) in path.iter().enumerate() {
                    let r = if passive && n == 0 && r == "obj" {
                        "nsubj:pass"
                    } else {
                        r.as_str()
                    };
                    cur = cur.iter().flat_map(|&c| t.kids_rel(c, r)).collect();
                }
                cur.iter()
                    .any(|&k| lemmas.is_empty() || lemmas.contains(&t.nodes[k].lemma))
            }
            Cond::Lacks(path, lemmas) => {
                let mut cur = vec![i];
                for r in path {
                    cur = cur.iter().flat_map(|&c| t.kids_rel(c, r)).collect();
                }
                !cur.iter()
                    .any(|&k| lemmas.is_empty() || lemmas.contains(&t.nodes[k].lemma))
            }
            Cond::Prep(p) => t
                .children(i)
                .iter()
                .any(|&k| t.case_of(k).as_deref() == Some(p.as_str())),
            Cond::LacksPrep(p) => !t
                .children(i)
                .iter()
                .any(|&k| t.case_of(k).as_deref() == Some(p.as_str())),
        })
    }
}

/// Whether clause `c` is an open question ("has not decided whether to supply weapons"):
/// nothing is committed to, promised or refused.
fn open_question(t: &Tree, c: usize) -> bool {
    marked_by(t, c, &["whether", "if"])
}

/// Whether clause `c` has a `mark` dependent with one of `lemmas` ("to" for an infinitive).
fn marked_by(t: &Tree, c: usize, lemmas: &[&str]) -> bool {
    t.children(c)
        .iter()
        .any(|&m| t.base_rel(m) == "mark" && lemmas.contains(&t.nodes[m].lemma.as_str()))
}

impl TreeCoder {
    /// The one-word lemmas of verbal predicates and of governing verbs (`verbs.tsv`,
    /// `governors.tsv`), for recognising their inflected forms.
    pub fn verb_lemmas(&self) -> impl Iterator<Item = &str> {
        let preds = self
            .by_lemma
            .iter()
            .filter(|(_, ps)| ps.iter().any(|&i| self.preds[i].pos == PredPos::Verb))
            .map(|(l, _)| l.as_str());
        preds
            .chain(self.governors.keys().map(String::as_str))
            .filter(|l| !l.contains(' '))
    }

    /// The body byte span `[start, end)` of the subject of verb `w` in `t` when it is a
    /// common noun phrase — the verb's own `nsubj`, or that of the first conjunct for a
    /// conjunct without one ("the diplomat will hold talks … and meet …") — else `None`
    /// (no verb, passive, no such subject, or a name, pronoun or number the parser may
    /// have misplaced). Used to check the word-window coder's source against the tree.
    pub fn subject_span(&self, t: &Tree, w: usize) -> Option<(usize, usize)> {
        if t.nodes.get(w)?.upos != "VERB" {
            return None;
        }
        let mut cur = w;
        let subj = loop {
            if t.kids_rel(cur, "nsubj:pass").next().is_some()
                || t.kids_rel(cur, "aux:pass").next().is_some()
            {
                return None;
            }
            if let Some(s) = t.kids_rel(cur, "nsubj").next() {
                break s;
            }
            // The object of a governing verb does its infinitive ("allowing terrorists to
            // go into Iraq", "urged Iran to halt").
            let h = t.head(cur)?;
            if let Some(o) = self.object_controller(t, cur) {
                break o;
            }
            if t.nodes[cur].deprel != "conj" {
                return None;
            }
            cur = h;
        };
        if t.nodes[subj].upos != "NOUN" {
            return None;
        }
        let mut lo = t.nodes[subj].start;
        let mut hi = t.nodes[subj].end;
        // "Supporters of Raila Odinga" do not name Odinga as the actor: a relational noun's
        // `nmod` is left out of its span.
        let relational = self.relational_nouns.contains(&t.nodes[subj].lemma);
        let outside: Vec<usize> = if relational {
            t.kids_rel(subj, "nmod").collect()
        } else {
            Vec::new()
        };
        for k in 0..t.len() {
            if t.dominates(subj, k) && !outside.iter().any(|&o| t.dominates(o, k)) {
                lo = lo.min(t.nodes[k].start);
                hi = hi.max(t.nodes[k].end);
            }
        }
        Some((lo, hi))
    }

    /// The verbs of `t` under their own condition, with their objects (word indices): a
    /// verb with an if/unless clause on it or on its object, where the parser often
    /// hangs a short one ("will meet him if necessary", "will attack Syria
    /// unless the fighters withdraw") tells of no event, whichever coder found it. Not a
    /// threat, warning or promise, whose condition is part of what is said ("warned X of
    /// consequences if …"; governors.tsv commissives and `warn`), nor a verb of saying
    /// or asking, where "if" asks whether ("asked if Kim agreed").
    pub fn conditioned_words(&self, t: &Tree) -> Vec<usize> {
        let mut out = Vec::new();
        for v in 0..t.len() {
            if t.nodes[v].upos == "VERB"
                && !self.commissive(t, v)
                && !matches!(
                    t.nodes[v].lemma.as_str(),
                    "warn"
                        | "threaten"
                        | "say"
                        | "tell"
                        | "ask"
                        | "wonder"
                        | "know"
                        | "decide"
                        | "see"
                        | "check"
                )
                && std::iter::once(v)
                    .chain(t.kids_rel(v, "obj"))
                    .flat_map(|h| t.kids_rel(h, "advcl").collect::<Vec<_>>())
                    .any(|k| marked_by(t, k, &["if", "unless"]))
            {
                out.push(v);
                out.extend(t.kids_rel(v, "obj"));
            }
        }
        out
    }

    /// The infinitive complements of governing verbs in `t` ("threatened on Monday to break
    /// relations", "refused to extradite"), and the that-clauses of denials and claims
    /// ("denied that it had attacked"): the complement's verb and its objects (word
    /// indices), with the status the governor gives them: `Some(Planned | Uncertain |
    /// Negated)`, or `None` where it is only hypothetical (threatened, hoped, urged: not an
    /// event). Adjuncts of the complement ("… when the two met") keep their own status.
    /// Source: `governors.tsv`.
    pub fn governed_words(&self, t: &Tree) -> Vec<(usize, Option<Status>)> {
        let mut out = Vec::new();
        for g in 0..t.len() {
            if !matches!(t.nodes[g].upos.as_str(), "VERB" | "ADJ" | "NOUN") {
                continue;
            }
            let Some(cue) = self.governor(t, g) else {
                continue;
            };
            for &c in t.children(g) {
                // A to-infinitive only: "told visiting minister X" is no complement.
                let infinitive = t.nodes[c].upos == "VERB"
                    && marked_by(t, c, &["to"])
                    && matches!(t.base_rel(c), "xcomp" | "advcl");
                // A that-clause of a denial or a claim: "denied that it had attacked X",
                // "rejected claims that it had shelled X".
                let content = t.nodes[c].upos == "VERB"
                    && matches!(t.base_rel(c), "ccomp" | "acl")
                    && matches!(cue, CueStatus::Negated | CueStatus::Uncertain)
                    && !marked_by(t, c, &["to", "if", "whether"]);
                // A nominal event as the object or passive subject of a negating verb:
                // "called off the summit", "the summit was cancelled". Not someone else's
                // act: "rejected Abbas's call for elections" does not undo the call.
                if t.nodes[c].upos == "NOUN"
                    && cue == CueStatus::Negated
                    && (t.rel_is(c, "obj") || t.rel_is(c, "nsubj:pass"))
                    && t.nodes[g].upos == "VERB"
                    && !t
                        .children(c)
                        .iter()
                        .any(|&k| t.rel_is(k, "nmod:poss") || t.case_of(k).as_deref() == Some("by"))
                {
                    // With its compounds: the word-window trigger may start at "peace talks".
                    let st = cue_status(Some(cue));
                    out.push((c, st));
                    out.extend(t.kids_rel(c, "compound").map(|k| (k, st)));
                    continue;
                }
                // A that-clause of a demand or request in the subjunctive ("demanded that
                // Ukraine withdraw its troops", "its demand that Israel should ease …"):
                // the act is wanted, not done.
                let wanted = t.nodes[c].upos == "VERB"
                    && matches!(t.base_rel(c), "ccomp" | "acl")
                    && cue == CueStatus::Hypothetical
                    && !marked_by(t, c, &["to"])
                    && (t.nodes[c].xpos == "VB"
                        || t.kids_rel(c, "aux")
                            .any(|a| matches!(t.nodes[a].lemma.as_str(), "should" | "must")));
                if !infinitive && !content && !wanted {
                    continue;
                }
                let status = cue_status(Some(cue));
                out.push((c, status));
                out.extend(t.kids_rel(c, "obj").map(|o| (o, status)));
            }
        }
        out
    }

    /// The loaded predicates.
    pub fn predicates(&self) -> &[Predicate] {
        &self.preds
    }

    /// Codes the events of one article from its trees (`trees[i]` parses sentence `i`).
    pub fn code(&self, doc: &Document, trees: &[Tree], actors: &ActorTable) -> Vec<CodedEvent> {
        let mut out = Vec::new();
        let mut by_sentence: Vec<Vec<&Mention>> = vec![Vec::new(); doc.sentences.len()];
        let mut mods: Vec<Vec<&Mention>> = vec![Vec::new(); doc.sentences.len()];
        for m in &actors.mentions {
            if m.kind.can_participate() {
                if let Some(v) = by_sentence.get_mut(m.sentence) {
                    v.push(m);
                }
            } else if m.kind == MentionKind::Modifier
                && let Some(v) = mods.get_mut(m.sentence)
            {
                v.push(m);
            }
        }
        for (si, (s, t)) in doc.sentences.iter().zip(trees).enumerate() {
            // A question asserts nothing: "Would Russia consider an attack on Finland?"
            if s.dateline || by_sentence[si].is_empty() || s.text.trim_end().ends_with('?') {
                continue;
            }
            let ctx = Ctx {
                coder: self,
                t,
                ments: std::mem::take(&mut by_sentence[si]),
                mods: std::mem::take(&mut mods[si]),
                actors,
            };
            for i in 0..t.len() {
                let w = &t.nodes[i];
                let pos = match w.upos.as_str() {
                    "VERB" => PredPos::Verb,
                    "NOUN" => PredPos::Noun,
                    // Only a predicate: "he was pleased with", "remained critical of" (not
                    // "a pleased crowd").
                    "ADJ"
                        if t.kids_rel(i, "cop").next().is_some()
                            || matches!(t.base_rel(i), "xcomp" | "ccomp") =>
                    {
                        PredPos::Adj
                    }
                    _ => continue,
                };
                let Some(cands) = self.by_lemma.get(&w.lemma) else {
                    continue;
                };
                // A participle before its noun describes it, reporting no event of the
                // article's time ("Russian-backed separatists", "the jailed activist").
                // So is a participle joined to a word by a hyphen, however it is parsed
                // ("Putin-backed", "Saudi-led").
                let hyphened = i >= 2
                    && t.nodes[i - 1].form == "-"
                    && t.nodes[i - 1].start == t.nodes[i - 2].end
                    && t.nodes[i - 1].end == w.start;
                if pos == PredPos::Verb
                    && (hyphened && w.xpos == "VBN"
                        || t.base_rel(i) == "amod" && t.head(i).is_some_and(|h| h > i))
                {
                    continue;
                }
                // A word inside an actor's name ("Security Council") is not a trigger.
                if ctx
                    .mentions_at(i, true)
                    .iter()
                    .any(|m| m.kind != MentionKind::Pronoun)
                {
                    continue;
                }
                // A participle with a copula is a predicative adjective ("is opposed to",
                // parsed as a verb with `cop`).
                let stative = pos == PredPos::Verb && t.kids_rel(i, "cop").next().is_some();
                for &pi in cands {
                    let p = &self.preds[pi];
                    let pos_ok = p.pos == pos || (stative && p.pos == PredPos::Adj);
                    if !pos_ok || !ctx.frame_ok(i, &p.frame) {
                        continue;
                    }
                    let found = self.code_one(&ctx, s, si, i, p);
                    if found.is_empty() && p.needs_target {
                        continue;
                    }
                    out.extend(found);
                    break;
                }
            }
            let first_new = out
                .iter()
                .position(|e| e.sentence == si)
                .unwrap_or(out.len());
            let standalone = self.standalone_governors(&ctx, s, si, &out[first_new..]);
            out.extend(standalone);
        }
        out
    }

    /// Governing predicates that are events themselves even when what they govern is not
    /// in `verbs.tsv`: "agreed to share information with X" (intend), "refused to extradite
    /// X" (reject), "threatened to cut off X's electricity" (threaten). Source = the
    /// governor's subject; target = the first actor among the complement's object,
    /// indirect object or prepositional dependents. Skipped where `coded` already has an
    /// event triggered by the governor.
    fn standalone_governors(
        &self,
        ctx: &Ctx,
        s: &crate::text::Sentence,
        si: usize,
        coded: &[CodedEvent],
    ) -> Vec<CodedEvent> {
        let t = ctx.t;
        let mut out = Vec::new();
        for g in 0..t.len() {
            let w = &t.nodes[g];
            if !matches!(w.upos.as_str(), "VERB" | "ADJ")
                || coded.iter().any(|e| e.start == w.start)
            {
                continue;
            }
            let Some(lines) = self.governor_lines(t, g) else {
                continue;
            };
            let prt: Option<&str> = t
                .kids_rel(g, "compound:prt")
                .next()
                .map(|k| t.nodes[k].lemma.as_str());
            let Some(emits) = lines
                .iter()
                .filter(|l| l.particle.is_none() || l.particle.as_deref() == prt)
                .find_map(|l| l.emits)
            else {
                continue;
            };
            // Subject control only: "urged X to …" is the urging's event, not X's intent.
            // The complement is an infinitive (`xcomp`, or a to-clause parsed as `advcl`:
            // "threatened on Monday to cut …"), or for commitments a that-clause ("agreed
            // that their border guards should share information").
            let committed = lines
                .iter()
                .any(|l| l.emits == Some(emits) && l.status == CueStatus::Planned);
            // In a that-clause the committed parties must be its subject ("their border
            // guards should …", "they would …"): agreeing that "a nuclear war should never
            // be fought" is an opinion, not a commitment.
            let binds_parties = |c: usize| {
                t.kids_rel(c, "nsubj").any(|n| {
                    matches!(t.nodes[n].lemma.as_str(), "they" | "we" | "both" | "each")
                        || t.kids_rel(n, "nmod:poss").any(|k| {
                            matches!(t.nodes[k].lemma.as_str(), "they" | "their" | "we" | "our")
                        })
                })
            };
            let Some(comp) = t.children(g).iter().copied().find(|&c| {
                t.nodes[c].upos == "VERB"
                    && !open_question(t, c)
                    && match t.base_rel(c) {
                        "xcomp" => true,
                        "advcl" => marked_by(t, c, &["to"]),
                        "ccomp" => committed && emits == Emits::Intend && binds_parties(c),
                        _ => false,
                    }
            }) else {
                continue;
            };
            // Already coded: an event whose trigger is the complement, or for an intent one
            // inside it ("vowed to impose tariffs", the tariffs' event; a hostile act intended
            // is no intent to cooperate, see `intent_codes.tsv`).
            let inside_comp = |start: usize| {
                let Some(mut k) = (0..t.len()).find(|&k| t.nodes[k].start == start) else {
                    return false;
                };
                for _ in 0..t.len() {
                    if k == comp {
                        return true;
                    }
                    match t.head(k) {
                        Some(h) if h != g => k = h,
                        _ => return false,
                    }
                }
                false
            };
            let already = |e: &CodedEvent| {
                e.start == t.nodes[comp].start || (emits == Emits::Intend && inside_comp(e.start))
            };
            if t.kids_rel(g, "obj").next().is_some() || coded.iter().any(already) {
                continue;
            }
            // An intent whose complement is a dictionary act the intent table maps to no
            // intent ("vowed to implement retaliatory tariffs", with no target for the
            // tariffs): no intent to cooperate either.
            let no_intent = |k: usize| {
                self.by_lemma.get(&t.nodes[k].lemma).is_some_and(|cands| {
                    cands.iter().any(|&pi| {
                        let p = &self.preds[pi];
                        ctx.frame_ok(k, &p.frame)
                            && self
                                .intent_code(emits, &p.cameo)
                                .is_none_or(|(e, _)| e != emits)
                    })
                })
            };
            if emits == Emits::Intend && (no_intent(comp) || t.kids_rel(comp, "obj").any(no_intent))
            {
                continue;
            }
            let src = if ctx.is_passive(g) {
                ctx.agent(g)
            } else {
                ctx.subject(g)
            };
            let sources = src.map(|w| ctx.actors_of(w, false)).unwrap_or_default();
            if sources.is_empty() {
                continue;
            }
            let Some(mut status) = cue_status(self.own_status(t, g, false)) else {
                continue;
            };
            let mut emits = emits;
            if status == Status::Negated && emits == Emits::Intend {
                emits = Emits::Reject;
                status = Status::Occurred;
            }
            let Some((_, code)) = self.intent_code(emits, "") else {
                continue;
            };
            // The complement's participants: "agreed to share information with X", also
            // through its object ("cut off water supplies to X", where the parser often
            // hangs the phrase on the object).
            let participant = |k: usize| {
                matches!(t.base_rel(k), "obj" | "iobj")
                    || (matches!(t.base_rel(k), "obl" | "nmod")
                        && matches!(
                            t.case_of(k).as_deref(),
                            Some("with" | "to" | "on" | "against" | "from")
                        ))
            };
            let mut cands: Vec<usize> = t
                .children(comp)
                .iter()
                .copied()
                .filter(|&k| participant(k))
                .collect();
            let objs: Vec<usize> = t.kids_rel(comp, "obj").collect();
            for o in objs {
                cands.extend(
                    t.children(o)
                        .iter()
                        .copied()
                        .filter(|&k| t.base_rel(k) == "nmod" && participant(k)),
                );
            }
            // A conditional threat is aimed at whoever must comply: "threatened to launch an
            // offensive unless Baghdad accepted its conditions" (after the complement's own
            // participants, which come first).
            if emits == Emits::Threaten {
                for c in [comp, g] {
                    for k in t.kids_rel(c, "advcl") {
                        if marked_by(t, k, &["if", "unless"]) {
                            cands.extend(t.kids_rel(k, "nsubj"));
                        }
                    }
                }
            }
            let mut target = cands
                .into_iter()
                .map(|k| ctx.target_actors(k, false, Some(comp)))
                .find(|a| !a.is_empty())
                .unwrap_or_default();
            // Not the sources' own state ("vowed to move the US embassy", said of a US
            // president).
            let homes = ctx.acting_homes(&sources);
            target.retain(|&a| !ctx.is_home_state(a, &homes));
            // Without a participant the intent says too little ("agreed to resign" is kept
            // only when the complement names someone), unless two sides commit together
            // ("Chile and Peru agreed to …": each towards the other).
            let pairs: Vec<(usize, usize)> = if !target.is_empty() {
                sources
                    .iter()
                    .flat_map(|&a| target.iter().map(move |&b| (a, b)))
                    .filter(|(a, b)| a != b)
                    .collect()
            } else if sources.len() == 2 && emits == Emits::Intend && committed {
                vec![(sources[0], sources[1]), (sources[1], sources[0])]
            } else {
                continue;
            };
            let tok = s.tokens.iter().position(|tk| tk.end > w.start).unwrap_or(0);
            for (a, b) in pairs {
                let b = Some(b);
                out.push(CodedEvent {
                    etype: emits.etype().to_string(),
                    cameo: code.to_string(),
                    source: a,
                    target: b,
                    status,
                    sentence: si,
                    trigger_token: tok,
                    start: w.start,
                    end: w.end,
                    trigger: w.form.clone(),
                    verbal: false,
                    bare: false,
                });
            }
        }
        out
    }

    fn code_one(
        &self,
        ctx: &Ctx,
        s: &crate::text::Sentence,
        si: usize,
        i: usize,
        p: &Predicate,
    ) -> Vec<CodedEvent> {
        let t = ctx.t;
        // A nominal predicate counts only as part of a clause — a dependent of a verb ("held
        // talks with", "talks … resumed", "after talks with"): a noun hanging from another
        // noun is too often a parse error or a hope, effort or prospect ("progress in
        // efforts to resume talks between …").
        if p.pos == PredPos::Noun && t.head(i).is_none_or(|h| t.nodes[h].upos != "VERB") {
            return Vec::new();
        }
        let visit = p.etype == "visit";
        let passive = p.pos == PredPos::Verb && ctx.is_passive(i);
        let src_word = match p.pos {
            PredPos::Verb if passive => ctx.agent(i),
            PredPos::Verb | PredPos::Adj => ctx.subject(i),
            PredPos::Noun => ctx.noun_source(i),
        };
        let mut sources: Vec<usize> = src_word
            .map(|w| ctx.actors_of(w, false))
            .unwrap_or_default();
        let mut targets: Vec<usize> = Vec::new();
        // Whether a target slot holds a word that names no actor ("spoke to reporters",
        // "met a miserable fate"): then coordinated subjects are no two sides.
        let mut slot_filled = false;
        for spec in &p.targets {
            let (path, reverse) = match spec {
                TargetSpec::Mutual => continue,
                TargetSpec::Home => {
                    // A noun's protesters are known only when a support verb says who
                    // held it ("students staged demonstrations"); "described the protests
                    // in Iran" names none.
                    if p.pos == PredPos::Noun
                        && !(t.base_rel(i) == "obj"
                            && t.head(i).is_some_and(|h| {
                                t.nodes[h].upos == "VERB"
                                    && self.support.contains(&t.nodes[h].lemma)
                            }))
                    {
                        continue;
                    }
                    targets = ctx.home_countries(&sources);
                    if !targets.is_empty() {
                        break;
                    }
                    continue;
                }
                TargetSpec::Path { path, reverse } => (path, *reverse),
            };
            // A place counts where it is the scene ("demonstrated in Baghdad").
            let scene = matches!(path.as_slice(), [Step::Prep(x)] if x == "in" || x == "at");
            let ends = ctx.path_end(i, path, passive);
            // "talks between X and Y": both are participants; "hosted talks between X and
            // Y" (a longer path): both are targets.
            // A verb keeps its subject as the source ("Egypt mediated between X and Y");
            // only a symmetric one without a named subject takes both sides as participants
            // ("a truce was signed between X and Y").
            // A mediation "between X and Y" keeps its mediator: only a symmetric noun makes
            // the two sides its participants.
            let between = path.len() == 1
                && matches!(&path[0], Step::Prep(x) if x == "between")
                && is_symmetric(&p.etype)
                && (p.pos == PredPos::Noun || sources.is_empty());
            slot_filled |= !between && !ends.is_empty();
            let mut found = Vec::new();
            for e in ends {
                // A city attacked stands for its country ("shelled Juba"); a city visited
                // is the host's.
                let strike = matches!(p.etype.as_str(), "assault" | "fight");
                // Who did a thing stands for it when it is judged or answered, not when it
                // is met or talked about ("discussing how to merge the bill with a bill
                // sponsored by X" is no talk with X).
                let agent = (!(visit || strike || is_symmetric(&p.etype))).then_some(i);
                for a in ctx.target_actors(e, visit || scene || strike, agent) {
                    if !found.contains(&a) {
                        found.push(a);
                    }
                }
            }
            if found.is_empty() || (between && found.len() < 2) {
                continue;
            }
            if reverse {
                targets = std::mem::replace(&mut sources, found);
            } else if between {
                sources = vec![found[0]];
                targets = found[1..].to_vec();
            } else {
                targets = found;
            }
            break;
        }
        if sources.is_empty() {
            return Vec::new();
        }
        // Going home is no visit ("before flying back to Washington").
        if visit {
            let home: Vec<Option<&str>> = sources
                .iter()
                .map(|&a| ctx.actors.actors[a].country.as_deref())
                .collect();
            targets.retain(|&a| {
                let c = ctx.actors.actors[a].country.as_deref();
                c.is_none() || !home.contains(&c)
            });
            if targets.is_empty() {
                return Vec::new();
            }
        }
        // A target that is also the source says nothing ("lifted the emergency in
        // Ethiopia", said of Ethiopia): the event stands without one.
        targets.retain(|a| !sources.contains(a));
        // A state organ acting in its own country does not act on its own state ("China's
        // People's Liberation Army invaded Tibet", Tibet being a place in China), nor does
        // a person ("Trump vowed to move the US embassy" is no intent towards the US).
        let homes = ctx.acting_homes(&sources);
        targets.retain(|&a| !ctx.is_home_state(a, &homes));
        targets.retain(|&a| match p.target_kind {
            TargetKind::Any => true,
            TargetKind::Person => ctx.actors.actors[a].kind == ActorType::Person,
            TargetKind::State => ctx.actors.actors[a].kind != ActorType::Person,
        });
        let mut out = Vec::new();
        if let Some((g, emits, gstatus)) = self.emitting_governor(t, i, p.pos)
            && let Some((emits, code)) = self.intent_code(emits, &p.cameo)
        {
            let gw = &t.nodes[g];
            let gtok = s
                .tokens
                .iter()
                .position(|tk| tk.end > gw.start)
                .unwrap_or(0);
            let pairs: Vec<(usize, Option<usize>)> = if targets.is_empty() {
                if sources.len() >= 2 && is_symmetric(&p.etype) && !slot_filled && !p.named {
                    vec![
                        (sources[0], Some(sources[1])),
                        (sources[1], Some(sources[0])),
                    ]
                } else if is_symmetric(&p.etype) {
                    // An intent to meet nobody named says nothing about whom.
                    Vec::new()
                } else {
                    // A threat is made to someone.
                    if emits == Emits::Threaten {
                        Vec::new()
                    } else {
                        sources.iter().map(|&a| (a, None)).collect()
                    }
                }
            } else {
                sources
                    .iter()
                    .flat_map(|&a| targets.iter().map(move |&b| (a, Some(b))))
                    .filter(|(a, b)| Some(*a) != *b)
                    .collect()
            };
            for (a, b) in pairs {
                out.push(CodedEvent {
                    etype: emits.etype().to_string(),
                    cameo: code.to_string(),
                    source: a,
                    target: b,
                    status: gstatus,
                    sentence: si,
                    trigger_token: gtok,
                    start: gw.start,
                    end: gw.end,
                    trigger: gw.form.clone(),
                    verbal: false,
                    bare: false,
                });
            }
        }
        let Some(status) = self.status(t, i, p.pos) else {
            out.extend(self.ultimatum(ctx, i, &sources, si, s));
            return out;
        };
        let w = &t.nodes[i];
        let trigger_token = s.tokens.iter().position(|tk| tk.end > w.start).unwrap_or(0);
        let mk = |source: usize, target: Option<usize>| CodedEvent {
            etype: p.etype.clone(),
            cameo: p.cameo.clone(),
            source,
            target,
            status,
            sentence: si,
            trigger_token,
            start: w.start,
            end: w.end,
            trigger: w.form.clone(),
            verbal: false,
            bare: p.bare,
        };
        // "X and Y both spoke": each on their own, not to each other.
        let distributive = |w: usize| {
            t.children(w).iter().any(|&k| {
                matches!(t.nodes[k].lemma.as_str(), "both" | "each")
                    && matches!(t.base_rel(k), "det" | "advmod" | "amod" | "appos" | "nsubj")
            })
        };
        let each = distributive(i) || src_word.is_some_and(distributive);
        if targets.is_empty() && is_symmetric(&p.etype) && (sources.len() < 2 || each) {
            // A meeting, talk or agreement needs two sides.
            return out;
        }
        // "X and Y met": each with the other. "X and Y attacked Z" is no fight between X
        // and Y, but "X and Y clashed" (no target) is.
        let mutual = targets.is_empty() && p.targets.contains(&TargetSpec::Mutual);
        let pairwise = (2..=3).contains(&sources.len())
            && is_symmetric(&p.etype)
            && (p.etype != "fight" || mutual)
            && !slot_filled
            && !p.named;
        out.extend(pair_events(
            &sources,
            &targets,
            pairwise,
            p.needs_target,
            mk,
        ));
        out
    }

    /// An ultimatum: a verb event `i` that its `sources` will carry out ("will", "would",
    /// "'ll") unless someone acts — "Nigeria will withdraw its force from Chad unless
    /// President Goukouni arranges a ceasefire" — is not coded (it is conditional), but it
    /// is a threat to whoever must act (CAMEO 130 "threaten, not specified below"), made
    /// now. Only for an unless-clause on the event's own verb, in a main clause or one
    /// reported by a verb of saying; its subject must name an actor.
    fn ultimatum(
        &self,
        ctx: &Ctx,
        i: usize,
        sources: &[usize],
        si: usize,
        s: &crate::text::Sentence,
    ) -> Vec<CodedEvent> {
        let t = ctx.t;
        let w = &t.nodes[i];
        let future = t.kids_rel(i, "aux").any(|a| {
            matches!(t.nodes[a].lemma.as_str(), "will" | "would")
                || t.nodes[a].form.eq_ignore_ascii_case("'ll")
        });
        let main = t.head(i).is_none() || t.base_rel(i) == "ccomp";
        if w.upos != "VERB" || !future || !main {
            return Vec::new();
        }
        let negated = t.children(i).iter().any(|&k| {
            matches!(t.base_rel(k), "advmod") && NEGATIONS.contains(&t.nodes[k].lemma.as_str())
        });
        if negated {
            return Vec::new();
        }
        let Some(clause) = t
            .kids_rel(i, "advcl")
            .find(|&k| marked_by(t, k, &["unless"]))
        else {
            return Vec::new();
        };
        let targets: Vec<usize> = t
            .kids_rel(clause, "nsubj")
            .flat_map(|n| ctx.actors_of(n, false))
            .collect();
        // The threat is told by "unless" (the act itself stays uncoded).
        let Some(m) = t
            .kids_rel(clause, "mark")
            .find(|&m| t.nodes[m].lemma == "unless")
        else {
            return Vec::new();
        };
        let w = &t.nodes[m];
        let trigger_token = s.tokens.iter().position(|tk| tk.end > w.start).unwrap_or(0);
        let mut out = Vec::new();
        for &a in sources {
            for &b in &targets {
                if a == b {
                    continue;
                }
                out.push(CodedEvent {
                    etype: "threaten".to_string(),
                    cameo: "130".to_string(),
                    source: a,
                    target: Some(b),
                    status: Status::Occurred,
                    sentence: si,
                    trigger_token,
                    start: w.start,
                    end: w.end,
                    trigger: w.form.clone(),
                    verbal: false,
                    bare: false,
                });
            }
        }
        out
    }

    /// The governor statuses of word `h` (with its particle, "rule out").
    fn governor(&self, t: &Tree, h: usize) -> Option<CueStatus> {
        let list = self.governor_lines(t, h)?;
        let prt: Option<&str> = t
            .kids_rel(h, "compound:prt")
            .next()
            .map(|k| t.nodes[k].lemma.as_str());
        let noun = t.nodes[h].upos == "NOUN";
        list.iter()
            .filter(|g| g.particle.is_none() || g.particle.as_deref() == prt)
            .filter(|g| noun || !g.noun_only)
            .map(|g| g.status)
            .max()
    }

    /// The nearest governing predicate above word `i` that is an event itself ("agreed to
    /// meet", "refused talks"), with the kind it emits — a negated intent is a rejection —
    /// and its own status. Only subject control counts: "urged X to meet" emits nothing.
    fn emitting_governor(
        &self,
        t: &Tree,
        i: usize,
        pos: PredPos,
    ) -> Option<(usize, Emits, Status)> {
        let mut cur = i;
        for _ in 0..3 {
            let h = t.head(cur)?;
            let to_clause = t
                .children(cur)
                .iter()
                .any(|&m| matches!(t.base_rel(m), "mark" | "case") && t.nodes[m].lemma == "to");
            let through = match t.base_rel(cur) {
                "xcomp" => true,
                // "offered on Saturday to meet", parsed as an adverbial clause.
                "advcl" => to_clause,
                "obj" => pos == PredPos::Noun && cur == i,
                // "agreed to talks", "ready for talks"; not a scene ("before the invasion").
                "obl" => {
                    pos == PredPos::Noun
                        && cur == i
                        && matches!(t.case_of(cur).as_deref(), Some("to" | "for" | "on"))
                }
                _ => false,
            };
            if !through || open_question(t, cur) {
                return None;
            }
            let prt: Option<&str> = t
                .kids_rel(h, "compound:prt")
                .next()
                .map(|k| t.nodes[k].lemma.as_str());
            let g = self.governor_lines(t, h).and_then(|l| {
                l.iter().find(|g| {
                    g.emits.is_some() && (g.particle.is_none() || g.particle.as_deref() == prt)
                })
            });
            // A nominal event is governed through its verb only when that is a support verb
            // ("agreed to hold talks"): "agreed to lift sanctions on X" intends the lifting,
            // "willing to consider sanctions" the considering, not the sanctions.
            if g.is_none()
                && pos == PredPos::Noun
                && cur == i
                && !self.support.contains(&t.nodes[h].lemma)
            {
                return None;
            }
            if let Some(g) = g {
                if t.kids_rel(h, "obj").next().is_some() && t.base_rel(cur) != "obj" {
                    return None;
                }
                let own = self.own_status(t, h, false);
                let mut emits = g.emits?;
                let mut status = cue_status(own)?;
                if status == Status::Negated && emits == Emits::Intend {
                    emits = Emits::Reject;
                    status = Status::Occurred;
                }
                return Some((h, emits, status));
            }
            cur = h;
        }
        None
    }

    /// The object that does the to-infinitive clause `c` (an `xcomp` or `advcl` marked "to")
    /// of a governing verb (a `governors.tsv` lemma) with an object: "allowing terrorists to
    /// go into Iraq" → "terrorists", "urged Iran to halt" → "Iran". `None` for any other
    /// clause (the subject then does it).
    fn object_controller(&self, t: &Tree, c: usize) -> Option<usize> {
        let h = t.head(c)?;
        (matches!(t.base_rel(c), "xcomp" | "advcl")
            && t.kids_rel(c, "mark").any(|m| t.nodes[m].lemma == "to")
            && self.governor_lines(t, h).is_some())
        .then(|| t.kids_rel(h, "obj").next())
        .flatten()
    }

    /// The event kind and CAMEO code an emitted event gets for a governed event with code
    /// `inner` (longest matching prefix of `intent_codes.tsv`); `None` where the table says
    /// `-` (no event: "vowed to criticise X"). Where an `intend` line says `threaten`, a
    /// commitment to that hostile act is a threat, coded by the `threaten` lines ("vowed to
    /// attack X", CAMEO 1.1b3 138; "said it would boycott X", 1312).
    fn intent_code(&self, e: Emits, inner: &str) -> Option<(Emits, &str)> {
        let code = self.intent_line(e, inner)?;
        if code == "threaten" {
            return Some((Emits::Threaten, self.intent_line(Emits::Threaten, inner)?));
        }
        Some((e, code))
    }

    /// The `code` column of the longest `intent_codes.tsv` line for `e` matching `inner`
    /// (`None` for `-`).
    fn intent_line(&self, e: Emits, inner: &str) -> Option<&str> {
        self.intent_codes
            .iter()
            .filter(|(x, p, _)| *x == e && (p == "*" || inner.starts_with(p.as_str())))
            .max_by_key(|(_, p, _)| if p == "*" { 0 } else { p.len() })
            .map(|(_, _, c)| c.as_str())
            .filter(|c| *c != "-")
    }

    /// The `governors.tsv` lines for word `h`: by its lemma, else by its lower-case form
    /// ("going" in "is going to meet", not every "go").
    fn governor_lines(&self, t: &Tree, h: usize) -> Option<&Vec<Governor>> {
        self.governors
            .get(&t.nodes[h].lemma)
            .or_else(|| self.governors.get(&t.nodes[h].form.to_lowercase()))
    }

    /// Whether word `v` is a verb of threatening or committing: a line of `governors.tsv`
    /// that emits `threaten`, or `intend` with status `planned` ("threatened", "vowed",
    /// "pledged"; not a wish such as "wanted"). A condition attached to one ("if",
    /// "unless") is part of what was said, not a condition on saying it.
    fn commissive(&self, t: &Tree, v: usize) -> bool {
        self.governor_lines(t, v).is_some_and(|gs| {
            gs.iter().any(|g| match g.emits {
                Some(Emits::Threaten) => true,
                Some(Emits::Intend) => g.status == CueStatus::Planned,
                _ => false,
            })
        })
    }

    /// Markers on word `v` itself: negation, auxiliaries, conditional markers.
    fn own_status(&self, t: &Tree, v: usize, reported: bool) -> Option<CueStatus> {
        let mut best: Option<CueStatus> = None;
        let mut bump = |s: CueStatus| {
            if best.is_none_or(|b| s > b) {
                best = Some(s);
            }
        };
        let mut be_aux = false;
        let mut to_mark = false;
        for &k in t.children(v) {
            let lemma = t.nodes[k].lemma.as_str();
            let form = t.nodes[k].form.to_lowercase();
            match t.base_rel(k) {
                "advmod" | "det" if NEGATIONS.contains(&lemma) || form == "n't" => {
                    bump(CueStatus::Negated)
                }
                "aux" => match (lemma, form.as_str()) {
                    ("will" | "shall", _) | (_, "'ll" | "wo") => bump(CueStatus::Planned),
                    ("would", _) | (_, "'d") => bump(if reported {
                        CueStatus::Planned
                    } else {
                        CueStatus::Uncertain
                    }),
                    ("may" | "might" | "could" | "can", _) => bump(CueStatus::Uncertain),
                    // An obligation is not an act: "must lift sanctions first".
                    ("should" | "must", _) => bump(CueStatus::Hypothetical),
                    ("be", _) => be_aux = true,
                    _ => {}
                },
                "mark" if matches!(lemma, "if" | "unless" | "whether") => {
                    bump(CueStatus::Hypothetical)
                }
                "mark" if lemma == "to" => to_mark = true,
                // "left without meeting X", "instead of meeting X".
                "mark" if matches!(lemma, "without" | "instead_of") => bump(CueStatus::Negated),
                // "will meet him if necessary": a condition on the event. (Not on a threat
                // or promise, whose condition is part of what is said: "threatened to stop
                // the talks if the US goes ahead" is a threat made.)
                "advcl"
                    if !self.commissive(t, v)
                        && t.children(k).iter().any(|&m| {
                            t.base_rel(m) == "mark"
                                && matches!(t.nodes[m].lemma.as_str(), "if" | "unless")
                        }) =>
                {
                    bump(CueStatus::Hypothetical)
                }
                _ => {}
            }
        }
        // "is to meet": a future arrangement.
        if be_aux && to_mark {
            bump(CueStatus::Planned);
        }
        // A mandative subjunctive ("demands that Syria cooperate"): a base form with its
        // own subject after "that" and no auxiliary is what someone wants done, whatever
        // governs it.
        let has = |rel: &str| t.children(v).iter().any(|&k| t.base_rel(k) == rel);
        if t.nodes[v].xpos == "VB"
            && has("nsubj")
            && !has("aux")
            && t.children(v)
                .iter()
                .any(|&k| t.base_rel(k) == "mark" && t.nodes[k].lemma == "that")
        {
            bump(CueStatus::Hypothetical);
        }
        best
    }

    /// Status of the event at word `i`; `None` = hypothetical (do not code).
    fn status(&self, t: &Tree, i: usize, pos: PredPos) -> Option<Status> {
        let mut best: Option<CueStatus> = None;
        let mut bump = |s: Option<CueStatus>| {
            if let Some(s) = s
                && best.is_none_or(|b| s > b)
            {
                best = Some(s);
            }
        };
        let reported = |v: usize| {
            t.nodes[v].deprel == "ccomp" || t.head(v).is_some_and(|h| t.nodes[h].deprel == "ccomp")
        };
        bump(self.own_status(t, i, reported(i)));
        let mut cur = i;
        for _ in 0..8 {
            let Some(h) = t.head(cur) else { break };
            let rel = t.nodes[cur].deprel.as_str();
            let base = t.base_rel(cur);
            // A non-finite conjunct shares the first one's auxiliaries ("will meet X and
            // discuss Y"); a finite one has its own ("did not say …, but went on to praise").
            let bare = |v: usize| {
                t.kids_rel(v, "aux").next().is_none()
                    && t.kids_rel(v, "nsubj").next().is_none()
                    && !matches!(t.nodes[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
            };
            match base {
                // A conjunct without its own auxiliaries and subject shares them.
                "conj" if bare(cur) => {
                    bump(self.own_status(t, h, reported(h)));
                }
                "xcomp" => {
                    bump(self.governor(t, h));
                    let own = self.own_status(t, h, reported(h));
                    // "did not agree to meet", "will try to meet".
                    bump(own);
                }
                "ccomp" => {
                    bump(self.governor(t, h));
                    let _ = rel;
                }
                // Not an adjunct that sets the scene: "during a visit to X, he requested …"
                // and "at their talks, they agreed …" do not make the visit a request or the
                // talks an agreement ("before any summit" stays governed: what comes after an
                // unrealised act has not happened either).
                "obl"
                    if pos == PredPos::Noun
                        && cur == i
                        && t.case_of(cur).is_some_and(|c| {
                            matches!(
                                c.as_str(),
                                "during" | "after" | "since" | "amid" | "following" | "throughout"
                            ) || c == "at"
                                || (cur < h && c == "in")
                        }) =>
                {
                    // It shares only the clause's future: "during his talks with Prodi,
                    // Olmert will underline …" (not its negation or its governor).
                    let own = self.own_status(t, h, reported(h));
                    if own == Some(CueStatus::Planned) {
                        bump(own);
                    }
                }
                "obj" | "nsubj" | "obl" if pos == PredPos::Noun && cur == i => {
                    if !(base == "obj" && self.addressee_verbs.contains(&t.nodes[h].lemma)) {
                        bump(self.governor(t, h));
                    }
                    bump(self.own_status(t, h, reported(h)));
                }
                // "efforts to resume talks", "plans to visit": the noun governs.
                "acl" if t.nodes[cur].deprel == "acl" && t.nodes[h].upos == "NOUN" => {
                    bump(self.governor(t, h));
                    break;
                }
                // "commit to releasing prisoners", "ready for talks": a complement introduced
                // by "to" is governed like an `xcomp`.
                // So is what someone is accused of ("accused Israel of attacking …"), by
                // the accusing verb's line in governors.tsv, and a gerund complement shares
                // its verb's future ("would focus on tightening sanctions").
                "advcl" | "obl"
                    if t.children(cur).iter().any(|&m| {
                        matches!(t.base_rel(m), "mark" | "case")
                            && (t.nodes[m].lemma == "to"
                                || (matches!(
                                    t.nodes[m].lemma.as_str(),
                                    "of" | "on" | "about" | "at"
                                ) && t.nodes[cur].xpos == "VBG"))
                    }) && t.nodes[h].upos != "NOUN" =>
                {
                    bump(self.governor(t, h));
                    bump(self.own_status(t, h, reported(h)));
                }
                // "could open only after Washington establishes ties": a temporal condition
                // of an unrealised main clause has not happened either.
                "advcl" => {
                    if t.is_temporal_clause(cur)
                        && matches!(
                            self.own_status(t, h, false),
                            Some(
                                CueStatus::Planned | CueStatus::Uncertain | CueStatus::Hypothetical
                            )
                        )
                    {
                        bump(Some(CueStatus::Hypothetical));
                    }
                    break;
                }
                // "hopes of talks", "plans for a visit": the governing noun.
                "nmod"
                    if pos == PredPos::Noun
                        && cur == i
                        && t.nodes[h].upos == "NOUN"
                        && matches!(t.case_of(cur).as_deref(), Some("of" | "for")) =>
                {
                    bump(self.governor(t, h));
                    break;
                }
                "amod" if pos == PredPos::Noun && cur == i => {}
                _ => break,
            }
            cur = h;
        }
        // A nominal predicate modified by a governing adjective ("the planned talks", "a
        // possible meeting"): the adjectives are lines of governors.tsv.
        if pos == PredPos::Noun {
            for k in t.kids_rel(i, "amod") {
                bump(self.governor(t, k));
            }
        }
        cue_status(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorRec;
    use crate::text::Sentence;

    fn coder() -> TreeCoder {
        TreeCoder::parse(
            ("verbs.tsv", include_str!("../../data/verbs.tsv")),
            ("governors.tsv", include_str!("../../data/governors.tsv")),
            (
                "intent_codes.tsv",
                include_str!("../../data/intent_codes.tsv"),
            ),
            (
                "support_verbs.tsv",
                include_str!("../../data/support_verbs.tsv"),
            ),
            (
                "person_nouns.tsv",
                include_str!("../../data/person_nouns.tsv"),
            ),
            &|c| c.chars().all(|ch| ch.is_ascii_digit()),
        )
        .expect("data files load")
    }

    fn actor(name: &str, kind: ActorType) -> ActorRec {
        ActorRec {
            key: name.to_lowercase(),
            name: name.to_string(),
            kind,
            country: None,
            cameo: None,
            roles: Vec::new(),
            aliases: Vec::new(),
        }
    }

    /// Codes a hand-made tree. `names` are the words that name actors (persons, except
    /// those listed in `states`).
    fn code(conll: &str, names: &[&str], states: &[&str]) -> Vec<(String, String, String, Status)> {
        let (evs, table) = code_raw(conll, names, states);
        evs.iter()
            .map(|e| {
                (
                    table.actors[e.source].name.clone(),
                    e.etype.clone(),
                    e.target
                        .map(|x| table.actors[x].name.clone())
                        .unwrap_or_default(),
                    e.status,
                )
            })
            .collect()
    }

    fn code_events(conll: &str, names: &[&str]) -> Vec<CodedEvent> {
        code_raw(conll, names, &[]).0
    }

    fn code_raw(conll: &str, names: &[&str], states: &[&str]) -> (Vec<CodedEvent>, ActorTable) {
        let t = Tree::from_conll(conll, 0).expect("tree");
        let text: String = t
            .nodes
            .iter()
            .map(|n| n.form.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let sentence = Sentence {
            start: 0,
            end: text.len(),
            text: text.clone(),
            tokens: crate::text::tokenize(&text, 0),
            paragraph: 0,
            dateline: false,
        };
        let doc = Document {
            text: text.clone(),
            sentences: vec![sentence],
        };
        let mut table = ActorTable::default();
        for n in &t.nodes {
            let is_state = states.contains(&n.form.as_str());
            if names.contains(&n.form.as_str()) || is_state {
                let idx = match table.actors.iter().position(|a| a.name == n.form) {
                    Some(i) => i,
                    None => {
                        let kind = if is_state {
                            ActorType::Country
                        } else {
                            ActorType::Person
                        };
                        table.actors.push(actor(&n.form, kind));
                        table.actors.len() - 1
                    }
                };
                table.mentions.push(Mention {
                    sentence: 0,
                    start: n.start,
                    end: n.end,
                    text: n.form.clone(),
                    actors: vec![idx],
                    kind: MentionKind::Name,
                    in_quote: false,
                });
            }
        }
        let evs = coder().code(&doc, &[t], &table);
        (evs, table)
    }

    fn ev(s: &str, ty: &str, t: &str, st: Status) -> (String, String, String, Status) {
        (s.to_string(), ty.to_string(), t.to_string(), st)
    }

    #[test]
    fn failed_to_meet_is_negated() {
        let got = code(
            "1 Starmer Starmer PROPN 2 nsubj\n2 failed fail VERB 0 root\n3 to to PART 4 mark\n4 meet meet VERB 2 xcomp\n5 Trump Trump PROPN 4 obj",
            &["Starmer", "Trump"],
            &[],
        );
        assert_eq!(got, vec![ev("Starmer", "meet", "Trump", Status::Negated)]);
    }

    #[test]
    fn a_mandative_subjunctive_is_no_event() {
        // "… demands that Syria meet Iraq", with "demands" misparsed so that no governor is
        // found: the base form after "that" is still what someone wants done.
        let conll = "1 resolution resolution NOUN 0 root\n2 demands demand NOUN 1 conj\n3 that that SCONJ 5 mark\n4 Syria Syria PROPN 5 nsubj\n5 meet meet VERB 1 acl:relcl VB\n6 Iraq Iraq PROPN 5 obj";
        assert_eq!(code(conll, &["Syria", "Iraq"], &[]), vec![]);
        // The same clause in the past tense reports a meeting.
        let conll = conll.replace(
            "meet meet VERB 1 acl:relcl VB",
            "met meet VERB 1 acl:relcl VBD",
        );
        assert_eq!(
            code(&conll, &["Syria", "Iraq"], &[]),
            vec![ev("Syria", "meet", "Iraq", Status::Occurred)]
        );
    }

    #[test]
    fn the_agent_of_a_judged_act_is_the_target() {
        // "Abe was pleased at the efforts made by the UN": the UN is praised.
        let got = code(
            "1 Abe Abe PROPN 3 nsubj\n2 was be AUX 3 cop\n3 pleased pleased ADJ 0 root\n4 at at ADP 6 case\n5 the the DET 6 det\n6 efforts effort NOUN 3 obl\n7 made make VERB 6 acl VBN\n8 by by ADP 9 case\n9 UN UN PROPN 7 obl:agent",
            &["Abe"],
            &["UN"],
        );
        assert_eq!(got, vec![ev("Abe", "praise", "UN", Status::Occurred)]);
    }

    #[test]
    fn passive_agent_is_the_source() {
        let got = code(
            "1 Healey Healey PROPN 3 nsubj:pass\n2 was be AUX 3 aux:pass\n3 greeted greet VERB 0 root\n4 by by ADP 5 case\n5 Rubio Rubio PROPN 3 obl:agent",
            &["Healey", "Rubio"],
            &[],
        );
        assert_eq!(got, vec![ev("Rubio", "host", "Healey", Status::Occurred)]);
    }

    #[test]
    fn coordinated_subjects_make_one_event_each() {
        let got = code(
            "1 Starmer Starmer PROPN 4 nsubj\n2 and and CCONJ 3 cc\n3 Macron Macron PROPN 1 conj\n4 met meet VERB 0 root\n5 Zelenskyy Zelenskyy PROPN 4 obj",
            &["Starmer", "Macron", "Zelenskyy"],
            &[],
        );
        assert_eq!(
            got,
            vec![
                ev("Starmer", "meet", "Zelenskyy", Status::Occurred),
                ev("Macron", "meet", "Zelenskyy", Status::Occurred)
            ]
        );
    }

    #[test]
    fn possessor_of_a_nominal_is_the_source() {
        let got = code(
            "1 Trump Trump PROPN 3 nmod:poss\n2 's 's PART 1 case\n3 attack attack NOUN 6 nsubj\n4 on on ADP 5 case\n5 Zelenskyy Zelenskyy PROPN 3 nmod\n6 shocked shock VERB 0 root",
            &["Trump", "Zelenskyy"],
            &[],
        );
        assert_eq!(
            got,
            vec![ev("Trump", "criticize", "Zelenskyy", Status::Occurred)]
        );
    }

    #[test]
    fn will_is_planned_and_requests_are_not_events() {
        let got = code(
            "1 Trump Trump PROPN 3 nsubj\n2 will will AUX 3 aux\n3 meet meet VERB 0 root\n4 Putin Putin PROPN 3 obj",
            &["Trump", "Putin"],
            &[],
        );
        assert_eq!(got, vec![ev("Trump", "meet", "Putin", Status::Planned)]);
        let got = code(
            "1 Macron Macron PROPN 2 nsubj\n2 urged urge VERB 0 root\n3 Trump Trump PROPN 2 obj\n4 to to PART 5 mark\n5 meet meet VERB 2 xcomp\n6 Zelenskyy Zelenskyy PROPN 5 obj",
            &["Macron", "Trump", "Zelenskyy"],
            &[],
        );
        assert_eq!(got, vec![ev("Macron", "appeal", "Trump", Status::Occurred)]);
    }

    #[test]
    fn talks_between_two_actors_and_light_verbs() {
        let got = code(
            "1 talks talk NOUN 6 nsubj\n2 between between ADP 3 case\n3 Israel Israel PROPN 1 nmod\n4 and and CCONJ 5 cc\n5 Syria Syria PROPN 3 conj\n6 resumed resume VERB 0 root",
            &[],
            &["Israel", "Syria"],
        );
        assert_eq!(got, vec![ev("Israel", "meet", "Syria", Status::Occurred)]);
        // A nominal hanging from a noun is no event: "hopes of talks between …".
        let got = code(
            "1 hopes hope NOUN 0 root\n2 of of ADP 3 case\n3 talks talk NOUN 1 nmod\n4 between between ADP 5 case\n5 Israel Israel PROPN 3 nmod\n6 and and CCONJ 7 cc\n7 Syria Syria PROPN 5 conj",
            &[],
            &["Israel", "Syria"],
        );
        assert_eq!(got, vec![]);
        let got = code(
            "1 Blair Blair PROPN 2 nsubj\n2 held hold VERB 0 root\n3 talks talk NOUN 2 obj\n4 with with ADP 5 case\n5 Olmert Olmert PROPN 3 nmod",
            &["Blair", "Olmert"],
            &[],
        );
        assert_eq!(got, vec![ev("Blair", "meet", "Olmert", Status::Occurred)]);
    }

    #[test]
    fn relative_pronoun_and_object_path() {
        // "Germany, which halted military aid to Ukraine"
        let got = code(
            "1 Germany Germany PROPN 0 root\n2 , , PUNCT 4 punct\n3 which which PRON 4 nsubj\n4 halted halt VERB 1 acl:relcl\n5 military military ADJ 6 amod\n6 aid aid NOUN 4 obj\n7 to to ADP 8 case\n8 Ukraine Ukraine PROPN 6 nmod",
            &[],
            &["Germany", "Ukraine"],
        );
        assert_eq!(
            got,
            vec![ev("Germany", "reduce_aid", "Ukraine", Status::Occurred)]
        );
        // "Zelensky, whom Putin threatened": the object pronoun stands for the name.
        let got = code(
            "1 Zelensky Zelensky PROPN 0 root\n2 , , PUNCT 5 punct\n3 whom whom PRON 5 obj\n4 Putin Putin PROPN 5 nsubj\n5 threatened threaten VERB 1 acl:relcl VBD",
            &["Zelensky", "Putin"],
            &[],
        );
        assert_eq!(
            got,
            vec![ev("Putin", "threaten", "Zelensky", Status::Occurred)]
        );
    }

    #[test]
    fn agreed_to_meet_is_an_intent_and_a_planned_meeting() {
        let got = code(
            "1 Mobutu Mobutu PROPN 2 nsubj\n2 agreed agree VERB 0 root\n3 to to PART 4 mark\n4 meet meet VERB 2 xcomp\n5 Kabila Kabila PROPN 4 obj",
            &["Mobutu", "Kabila"],
            &[],
        );
        assert_eq!(
            got,
            vec![
                ev("Mobutu", "intend", "Kabila", Status::Occurred),
                ev("Mobutu", "meet", "Kabila", Status::Planned)
            ]
        );
    }

    #[test]
    fn governors_emit_intent_and_rejection() {
        let got = code(
            "1 Mobutu Mobutu PROPN 2 nsubj\n2 offered offer VERB 0 root\n3 to to PART 4 mark\n4 meet meet VERB 2 xcomp\n5 Kabila Kabila PROPN 4 obj",
            &["Mobutu", "Kabila"],
            &[],
        );
        // The offer is the event; the meeting is neither held nor set.
        assert_eq!(
            got,
            vec![ev("Mobutu", "intend", "Kabila", Status::Occurred)]
        );
        let got = code(
            "1 Mobutu Mobutu PROPN 4 nsubj\n2 did do AUX 4 aux\n3 not not PART 4 advmod\n4 want want VERB 0 root\n5 to to PART 6 mark\n6 meet meet VERB 4 xcomp\n7 Kabila Kabila PROPN 6 obj",
            &["Mobutu", "Kabila"],
            &[],
        );
        assert_eq!(
            got,
            vec![ev("Mobutu", "reject", "Kabila", Status::Occurred)]
        );
        // An offer to mediate is CAMEO 039 (intent to mediate), not 036 (intent to meet).
        let evs = code_events(
            "1 Qatar Qatar PROPN 2 nsubj\n2 offered offer VERB 0 root\n3 to to PART 4 mark\n4 mediate mediate VERB 2 xcomp\n5 between between ADP 6 case\n6 Israel Israel PROPN 4 obl\n7 and and CCONJ 8 cc\n8 Hamas Hamas PROPN 6 conj",
            &["Qatar", "Israel", "Hamas"],
        );
        let intents: Vec<&str> = evs
            .iter()
            .filter(|e| e.etype == "intend")
            .map(|e| e.cameo.as_str())
            .collect();
        assert_eq!(intents, ["039", "039"]);
    }

    #[test]
    fn passive_object_conditions_and_must_demands() {
        // "Military aid was halted by Germany": the frame's object is the passive subject.
        let got = code(
            "1 Military military ADJ 2 amod\n2 aid aid NOUN 4 nsubj:pass\n3 was be AUX 4 aux:pass\n4 halted halt VERB 0 root\n5 by by ADP 6 case\n6 Germany Germany PROPN 4 obl:agent\n7 to to ADP 8 case\n8 Ukraine Ukraine PROPN 4 obl",
            &[],
            &["Germany", "Ukraine"],
        );
        assert_eq!(
            got,
            vec![ev("Germany", "reduce_aid", "Ukraine", Status::Occurred)]
        );
        // "Macron said Russia must leave": a demand on Russia (CAMEO codes "must" as 100)…
        let got = code(
            "1 Macron Macron PROPN 2 nsubj\n2 said say VERB 0 root\n3 Russia Russia PROPN 5 nsubj\n4 must must AUX 5 aux\n5 leave leave VERB 2 ccomp",
            &["Macron"],
            &["Russia"],
        );
        assert_eq!(
            got,
            vec![ev("Macron", "demand", "Russia", Status::Occurred)]
        );
        // … but "Abbas should be supported" is no demand on Abbas.
        let got = code(
            "1 Macron Macron PROPN 2 nsubj\n2 said say VERB 0 root\n3 Abbas Abbas PROPN 6 nsubj:pass\n4 should should AUX 6 aux\n5 be be AUX 6 aux:pass\n6 supported support VERB 2 ccomp",
            &["Macron", "Abbas"],
            &[],
        );
        assert_eq!(got, vec![]);
    }

    #[test]
    fn temporal_clause_of_a_future_clause_is_not_coded() {
        // "Talks could open only after Washington establishes ties with Pyongyang."
        let got = code(
            "1 Talks talk NOUN 3 nsubj\n2 could could AUX 3 aux\n3 open open VERB 0 root\n4 only only ADV 6 advmod\n5 after after SCONJ 7 mark\n6 Washington Washington PROPN 7 nsubj\n7 establishes establish VERB 3 advcl\n8 ties tie NOUN 7 obj\n9 with with ADP 10 case\n10 Pyongyang Pyongyang PROPN 8 nmod",
            &[],
            &["Washington", "Pyongyang"],
        );
        assert_eq!(got, vec![]);
    }

    #[test]
    fn a_person_noun_has_a_known_class() {
        let verbs = "type\tcameo\tpos\tlemma\tframe\ttarget\tneeds\ttarget_kind\n";
        let intents = "emits\tinner\tcode\nintend\t*\t030\nreject\t*\t120\nthreaten\t*\t130\n";
        let e = TreeCoder::parse(
            ("verbs.tsv", verbs),
            ("g.tsv", "lemma\tstatus\temits\n"),
            ("i.tsv", intents),
            ("s.tsv", "lemma\trole\n"),
            (
                "person_nouns.tsv",
                "lemma\tclass\nally\trelational\nenvoy\taffilation\n",
            ),
            &|_| true,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("person_nouns.tsv:3") && e.contains("`affilation`"),
            "{e}"
        );
    }

    #[test]
    fn a_support_verb_is_one_lower_case_lemma() {
        let verbs = "type\tcameo\tpos\tlemma\tframe\ttarget\tneeds\ttarget_kind\n";
        let intents = "emits\tinner\tcode\nintend\t*\t030\nreject\t*\t120\nthreaten\t*\t130\n";
        let parse = |support: &str| {
            TreeCoder::parse(
                ("verbs.tsv", verbs),
                ("g.tsv", "lemma\tstatus\temits\n"),
                ("i.tsv", intents),
                ("support_verbs.tsv", support),
                ("person_nouns.tsv", "lemma\tclass\n"),
                &|_| true,
            )
        };
        let e = parse("lemma\trole\ngive\tobject\nHold talks\tobject\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("support_verbs.tsv:3"), "{e}");
        let e = parse("lemma\trole\ngive\tobjet\n").unwrap_err().to_string();
        assert!(
            e.contains("support_verbs.tsv:2") && e.contains("`objet`"),
            "{e}"
        );
        let coder = parse("lemma\trole\ngive\tobject\nhold\tobject\nreach\tclause\n")
            .expect("valid support verbs");
        assert!(coder.support.contains("hold") && !coder.support.contains("take"));
        assert!(coder.clause_verbs.contains("reach") && !coder.support.contains("reach"));
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        // The error for a `verbs.tsv` of one header and one line `row` (other files empty).
        let error = |row: &str, known: &dyn Fn(&str) -> bool| {
            let verbs =
                format!("type\tcameo\tpos\tlemma\tframe\ttarget\tneeds\ttarget_kind\n{row}\n");
            TreeCoder::parse(
                ("verbs.tsv", &verbs),
                ("g.tsv", "lemma\tstatus\temits\n"),
                ("i.tsv", "emits\tinner\tcode\n"),
                ("s.tsv", "lemma\trole\n"),
                ("p.tsv", "lemma\tclass\n"),
                known,
            )
            .unwrap_err()
            .to_string()
        };
        assert_eq!(
            parse_frame("!@on;@for").unwrap(),
            vec![Cond::LacksPrep("on".into()), Cond::Prep("for".into())]
        );
        let e = error("meet\t040\tadv\tmeet\t-\tobj\ttarget\tany", &|_| true);
        assert!(e.contains("verbs.tsv:2"), "{e}");
        let e = error("meet\t999\tverb\tmeet\t-\tobj\ttarget\tany", &|c| {
            c == "040"
        });
        assert!(e.contains("unknown CAMEO code `999`"), "{e}");
        // Typos in a target path and empty lemma lists are refused, with file and line.
        for (frame, target, want) in [
            ("-", "against|hme", "bad target step `hme`"),
            ("-", "advcl>obk", "bad target step `obk`"),
            ("!obj=", "obj", "empty lemma in frame `!obj=`"),
            (
                "obj=aid||loan",
                "obj",
                "empty lemma in frame `obj=aid||loan`",
            ),
        ] {
            let e = error(
                &format!("meet\t040\tverb\tmeet\t{frame}\t{target}\ttarget\tany"),
                &|_| true,
            );
            assert!(e.contains("verbs.tsv:2") && e.contains(want), "{e}");
        }
        // `needs`: target, `-` or bare; anything else is named.
        let e = error("appeal\t020\tverb\tcall\t-\tfor\tbear\tany", &|_| true);
        assert!(e.contains("verbs.tsv:2") && e.contains("`bear`"), "{e}");
        // A governor listed twice is refused at its second line; a particle or `:noun`
        // makes another governor.
        let governors = |rows: &str| {
            TreeCoder::parse(
                (
                    "verbs.tsv",
                    "type\tcameo\tpos\tlemma\tframe\ttarget\tneeds\ttarget_kind\n",
                ),
                ("governors.tsv", &format!("lemma\tstatus\temits\n{rows}")),
                (
                    "i.tsv",
                    "emits\tinner\tcode\nintend\t*\t030\nreject\t*\t120\nthreaten\t*\t130\n",
                ),
                ("s.tsv", "lemma\trole\n"),
                ("p.tsv", "lemma\tclass\n"),
                &|_| true,
            )
        };
        let e = governors(
            "like\thypothetical\t-\nwant\thypothetical\tintend\nlike\thypothetical\tintend\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("governors.tsv:4") && e.contains("`like` is listed twice"),
            "{e}"
        );
        let ok = governors(
            "rule\tplanned\t-\nrule out\tnegated\t-\nclaim:noun\tuncertain\t-\nclaim\tplanned\t-\n",
        );
        assert!(ok.is_ok(), "{:?}", ok.err());
        // `threaten` in intent_codes.tsv redirects an intent only; on a reject line it is
        // refused with file and line.
        let intents = |rows: &str| {
            TreeCoder::parse(
                (
                    "verbs.tsv",
                    "type\tcameo\tpos\tlemma\tframe\ttarget\tneeds\ttarget_kind\n",
                ),
                ("g.tsv", "lemma\tstatus\temits\n"),
                ("intent_codes.tsv", &format!("emits\tinner\tcode\n{rows}")),
                ("s.tsv", "lemma\trole\n"),
                ("p.tsv", "lemma\tclass\n"),
                &|_| true,
            )
        };
        let base = "intend\t*\t030\nreject\t*\t120\nthreaten\t*\t130\nthreaten\t18\t138\n";
        let c = intents(&format!("{base}intend\t1\tthreaten\nintend\t10\t-\n")).unwrap();
        assert_eq!(
            c.intent_code(Emits::Intend, "180"),
            Some((Emits::Threaten, "138"))
        );
        assert_eq!(
            c.intent_code(Emits::Intend, "141"),
            Some((Emits::Threaten, "130"))
        );
        assert_eq!(c.intent_code(Emits::Intend, "100"), None);
        assert_eq!(
            c.intent_code(Emits::Intend, "040"),
            Some((Emits::Intend, "030"))
        );
        let e = intents(&format!("{base}reject\t1\tthreaten\n"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("intent_codes.tsv:6") && e.contains("for `intend` lines only"),
            "{e}"
        );
    }

    #[test]
    fn bare_lines_mark_their_events() {
        let c = coder();
        let bare: Vec<&str> = c
            .predicates()
            .iter()
            .filter(|p| p.bare)
            .map(|p| p.etype.as_str())
            .collect();
        assert!(
            !bare.is_empty() && bare.iter().all(|t| *t == "appeal"),
            "{bare:?}"
        );
        // "called for calm": coded without a target, marked bare.
        let got = code_events(
            "1 Macron Macron PROPN 2 nsubj\n2 called call VERB 0 root\n3 for for ADP 4 case\n4 calm calm NOUN 2 obl",
            &["Macron"],
        );
        assert_eq!(got.len(), 1);
        assert!(got[0].bare && got[0].target.is_none() && got[0].etype == "appeal");
    }
}
