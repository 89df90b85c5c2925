//! Syntax stage: one Universal Dependencies tree per sentence.
//!
//! Input: a [`Document`] from the text stage and the parser model ([`crate::parse::Model`]).
//! Output: one [`Tree`] per sentence (empty for datelines), whose words carry **byte
//! offsets into the article body** (end-exclusive), so the event stage can map words to
//! actor mentions.
//!
//! Relations are UD v2 (as in UD English EWT): `nsubj`, `nsubj:pass`, `obj`, `iobj`, `obl`,
//! `obl:agent`, `nmod`, `nmod:poss`, `xcomp`, `ccomp`, `advcl`, `acl`, `acl:relcl`, `conj`,
//! `case`, `mark`, `aux`, `aux:pass`, `advmod`, `compound:prt` … (universaldependencies.org).

use crate::parse::Model;
use crate::text::Document;

/// One word of a parsed sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Byte offset of the word in the article body.
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The word as written.
    pub form: String,
    /// Lower-case lemma ("met" → "meet").
    pub lemma: String,
    /// Universal part of speech (`VERB`, `NOUN`, `PROPN`, `AUX`, …).
    pub upos: String,
    /// Penn Treebank tag (`VBD`, `VBG`, `NNS`, …), as in UD English EWT.
    pub xpos: String,
    /// Index of the head word in the same tree; `None` for the root.
    pub head: Option<usize>,
    /// Full UD relation to the head (`nsubj`, `obl:agent`, `nmod:poss`, …).
    pub deprel: String,
}

/// Words that introduce a temporal clause ("after the talks ended", "since Turkey
/// invaded"); most also head prepositional phrases, which is how the parser misreads such
/// clauses. Closed-class grammar of English (the subordinating conjunctions of time).
pub const TEMPORAL_SUBORDINATORS: &[&str] = &[
    "after", "before", "since", "until", "till", "once", "when", "while", "as",
];

pub use crate::text::{MONTH_NAMES, TIME_NOUNS};

/// A dependency tree: words in sentence order, with child lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tree {
    /// The words, in order.
    pub nodes: Vec<Node>,
    kids: Vec<Vec<usize>>,
}

impl Tree {
    /// Builds a tree from words whose `head`s index into `nodes`. A head out of range, a
    /// self-loop or a cycle is cut (the word becomes a root), so every walk terminates.
    pub fn new(mut nodes: Vec<Node>) -> Tree {
        let n = nodes.len();
        for (i, w) in nodes.iter_mut().enumerate() {
            if w.head.is_some_and(|h| h >= n || h == i) {
                w.head = None;
            }
        }
        // Cut cycles: walk up from every word; a walk longer than n steps is a cycle.
        for i in 0..n {
            let mut cur = i;
            let mut steps = 0;
            while let Some(h) = nodes[cur].head {
                steps += 1;
                if steps > n {
                    nodes[i].head = None;
                    break;
                }
                cur = h;
            }
        }
        let mut kids = vec![Vec::new(); n];
        for (i, w) in nodes.iter().enumerate() {
            if let Some(h) = w.head {
                kids[h].push(i);
            }
        }
        Tree { nodes, kids }
    }

    /// Recomputes the children lists after a repair changed heads or relations.
    fn rebuild(&mut self) {
        let nodes = std::mem::take(&mut self.nodes);
        *self = Tree::new(nodes);
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// True for a tree without words.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The children of word `i`, in sentence order.
    pub fn children(&self, i: usize) -> &[usize] {
        self.kids.get(i).map_or(&[], |v| v.as_slice())
    }

    /// True when word `i` is a present perfect: a past participle with the auxiliary
    /// "has" or "have" ("has urged", "have agreed"). The present perfect ties an act to
    /// no past time of its own (English does not say "*has met him on Monday").
    pub fn present_perfect(&self, i: usize) -> bool {
        self.nodes.get(i).is_some_and(|w| w.xpos == "VBN")
            && self.children(i).iter().any(|&k| {
                k < i
                    && self.base_rel(k) == "aux"
                    && matches!(self.nodes[k].xpos.as_str(), "VBZ" | "VBP")
                    && self.nodes[k].lemma == "have"
            })
    }

    /// The head of word `i`.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.nodes.get(i).and_then(|w| w.head)
    }

    /// The relation of word `i` without its subtype (`nmod:poss` → `nmod`).
    pub fn base_rel(&self, i: usize) -> &str {
        let r = self.nodes.get(i).map_or("", |w| w.deprel.as_str());
        r.split(':').next().unwrap_or(r)
    }

    /// True when word `i`'s relation is `rel`: exactly, or as the base of a subtyped
    /// relation when `rel` has no subtype (`obl` matches `obl:tmod`).
    pub fn rel_is(&self, i: usize, rel: &str) -> bool {
        let Some(w) = self.nodes.get(i) else {
            return false;
        };
        w.deprel == rel || (!rel.contains(':') && self.base_rel(i) == rel)
    }

    /// The children of `i` whose relation is `rel` (see [`Tree::rel_is`]).
    pub fn kids_rel<'a>(&'a self, i: usize, rel: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.children(i)
            .iter()
            .copied()
            .filter(move |&k| self.rel_is(k, rel))
    }

    /// The lemma of `i`'s `case` or `mark` child ("to Ukraine" → "to"), for multi-word
    /// prepositions the first word joined by `_` ("because of" → "because_of").
    pub fn case_of(&self, i: usize) -> Option<String> {
        let ks: Vec<usize> = self
            .children(i)
            .iter()
            .copied()
            .filter(|&k| matches!(self.base_rel(k), "case" | "mark") && k < i)
            .collect();
        let first = *ks.first()?;
        let mut s = self.nodes[first].lemma.clone();
        for &k in self.children(first) {
            if self.base_rel(k) == "fixed" {
                s.push('_');
                s.push_str(&self.nodes[k].lemma);
            }
        }
        Some(s)
    }

    /// True when word `i` heads an adverbial clause introduced by a temporal subordinator
    /// ("after", "before", "since", "until", "till", "once", "when", "while", "as").
    pub fn is_temporal_clause(&self, i: usize) -> bool {
        self.base_rel(i) == "advcl"
            && self.children(i).iter().any(|&m| {
                self.base_rel(m) == "mark"
                    && TEMPORAL_SUBORDINATORS.contains(&self.nodes[m].lemma.as_str())
            })
    }

    /// True when `a` dominates `b` (or is `b`).
    pub fn dominates(&self, a: usize, b: usize) -> bool {
        let mut cur = Some(b);
        let mut steps = 0;
        while let Some(c) = cur {
            if c == a {
                return true;
            }
            steps += 1;
            if steps > self.nodes.len() {
                return false;
            }
            cur = self.head(c);
        }
        false
    }

    /// The head of the clause word `i` belongs to: the nearest ancestor-or-self that is a
    /// verb, heads a clausal relation (`ccomp`, `xcomp`, `advcl`, `acl`, `acl:relcl`,
    /// `csubj`, `parataxis`, `root`) or has a subject (a nominal or adjectival predicate).
    pub fn clause_of(&self, i: usize) -> usize {
        let mut cur = i;
        for _ in 0..=self.nodes.len() {
            let w = &self.nodes[cur];
            let clausal = matches!(
                self.base_rel(cur),
                "ccomp" | "xcomp" | "advcl" | "acl" | "csubj" | "parataxis" | "root"
            );
            if w.upos == "VERB" || clausal || self.kids_rel(cur, "nsubj").next().is_some() {
                return cur;
            }
            match w.head {
                Some(h) => cur = h,
                None => return cur,
            }
        }
        cur
    }

    /// The syntactic head of the words overlapping body bytes `[start, end)`: the first
    /// such word whose head lies outside the span.
    pub fn span_head(&self, start: usize, end: usize) -> Option<usize> {
        let inside = |i: usize| self.nodes[i].start < end && start < self.nodes[i].end;
        (0..self.nodes.len())
            .filter(|&i| inside(i))
            .find(|&i| self.head(i).is_none_or(|h| !inside(h)))
    }

    /// Repairs a frequent parser error on news: "On Saturday, Mobutu offered …" parsed with
    /// "Mobutu" as a conjunct of "Saturday" and the verb without a subject. A verb without a
    /// subject whose fronted adjunct (`obl`, before it), or a word inside that adjunct, has a
    /// nominal conjunct right after a comma gets that conjunct back as its `nsubj`.
    pub fn repair_fronted_adjunct(&mut self) {
        for v in 0..self.nodes.len() {
            if self.nodes[v].upos != "VERB"
                || self.kids_rel(v, "nsubj").next().is_some()
                || self.kids_rel(v, "expl").next().is_some()
            {
                continue;
            }
            // The adjunct or a word inside it ("After his meeting with Putin, Erdogan flew"
            // with Erdogan a conjunct of Putin).
            let fronted: Vec<usize> = (0..v)
                .filter(|&w| {
                    self.kids_rel(v, "obl")
                        .any(|o| o < v && (o == w || self.dominates(o, w)))
                })
                .collect();
            for o in fronted {
                let conj = self.kids_rel(o, "conj").find(|&c| {
                    c < v
                        && matches!(self.nodes[c].upos.as_str(), "PROPN" | "NOUN" | "PRON")
                        && self.kids_rel(c, "cc").next().is_none()
                        && (o + 1..c).any(|k| self.nodes[k].form == ",")
                });
                if let Some(c) = conj {
                    self.nodes[c].head = Some(v);
                    self.nodes[c].deprel = "nsubj".to_string();
                    self.rebuild();
                    break;
                }
            }
        }
    }

    /// Repairs another frequent error on wire copy: "Pakistan today threatened …" and
    /// "Iran Monday rejected …" parsed with the subject as a `compound` of the time word.
    /// A verb without a subject whose time adjunct before it ([`TIME_NOUNS`]) has a nominal
    /// `compound` before that word gets the compound back as its `nsubj`.
    pub fn repair_subject_before_time(&mut self) {
        for v in 0..self.nodes.len() {
            if self.nodes[v].upos != "VERB"
                || self.kids_rel(v, "nsubj").next().is_some()
                || self.kids_rel(v, "expl").next().is_some()
            {
                continue;
            }
            let times: Vec<usize> = self
                .kids_rel(v, "obl")
                .filter(|&o| {
                    o < v
                        && TIME_NOUNS.contains(&self.nodes[o].lemma.to_lowercase().as_str())
                        && self.case_of(o).is_none()
                })
                .collect();
            for o in times {
                let subj = self
                    .kids_rel(o, "compound")
                    .find(|&c| c < o && matches!(self.nodes[c].upos.as_str(), "PROPN" | "NOUN"));
                if let Some(c) = subj {
                    self.nodes[c].head = Some(v);
                    self.nodes[c].deprel = "nsubj".to_string();
                    self.rebuild();
                    break;
                }
            }
        }
    }

    /// Repairs the mirror image of [`Tree::repair_subject_before_time`] after the verb:
    /// "staged mass demonstrations Saturday" and "met Abe Tuesday" parsed with the object as
    /// a `compound` of the time word. A time word ([`TIME_NOUNS`]) hung on a verb before it
    /// without a preposition, whose nearest `compound` is a noun or name that is no time word
    /// itself ("Monday night" stays), gives that word to the verb as its object (as an
    /// oblique when the verb has an object already); the time word stays an adjunct.
    pub fn repair_object_before_time(&mut self) {
        for d in 1..self.nodes.len() {
            let Some(v) = self.head(d) else { continue };
            if v >= d
                || self.nodes[v].upos != "VERB"
                || self.base_rel(d) != "obl"
                || self.case_of(d).is_some()
                || !TIME_NOUNS.contains(&self.nodes[d].lemma.to_lowercase().as_str())
            {
                continue;
            }
            let Some(n) = self.kids_rel(d, "compound").filter(|&c| c < d).max() else {
                continue;
            };
            if !matches!(self.nodes[n].upos.as_str(), "NOUN" | "PROPN")
                || TIME_NOUNS.contains(&self.nodes[n].lemma.to_lowercase().as_str())
            {
                continue;
            }
            let has_obj = self.kids_rel(v, "obj").next().is_some();
            self.nodes[n].head = Some(v);
            self.nodes[n].deprel = if has_obj { "obl" } else { "obj" }.to_string();
            // Words before the new object that hung on the time word go with the object.
            for k in self.children(d).to_vec() {
                if k < n {
                    self.nodes[k].head = Some(n);
                }
            }
            self.rebuild();
        }
    }

    /// Repairs an object shifted behind an "as" phrase ("denounced as an ugly crime Serbia's
    /// suppression of …", "dismissed as impertinent a rebel ultimatum"). With "as" right
    /// after a verb, the parser takes the "as" phrase for the object and hangs the real one
    /// on it as an `appos`, or takes the real one for an oblique carrying the "as" phrase.
    /// Either way the noun after the "as" phrase becomes the verb's `obj` and the "as"
    /// phrase an `obl` of the verb.
    pub fn repair_shifted_object(&mut self) {
        for v in 0..self.nodes.len().saturating_sub(2) {
            let a = v + 1;
            if self.nodes[v].upos != "VERB" || self.nodes[a].lemma != "as" {
                continue;
            }
            let obj = self
                .kids_rel(v, "obj")
                .chain(self.kids_rel(a, "obj"))
                .find(|&o| o > a);
            let moved = match obj {
                // "denounced as an ugly crime Serbia's suppression": crime = obj, the
                // suppression its apposition.
                Some(o) => {
                    let Some(real) = self.kids_rel(o, "appos").find(|&k| k > o) else {
                        continue;
                    };
                    self.nodes[real].head = Some(v);
                    self.nodes[real].deprel = "obj".to_string();
                    self.nodes[o].head = Some(v);
                    self.nodes[o].deprel = "obl".to_string();
                    self.nodes[a].head = Some(o);
                    self.nodes[a].deprel = "case".to_string();
                    true
                }
                // "dismissed as impertinent a rebel ultimatum": ultimatum = obl, carrying
                // the "as" phrase.
                None => {
                    let Some(u) = self.kids_rel(v, "obl").find(|&u| {
                        u > a
                            && self.case_of(u).is_none()
                            && matches!(self.nodes[u].upos.as_str(), "NOUN" | "PROPN")
                    }) else {
                        continue;
                    };
                    let Some(k) = self
                        .children(u)
                        .iter()
                        .copied()
                        .find(|&k| k < u && self.case_of(k).as_deref() == Some("as"))
                    else {
                        continue;
                    };
                    self.nodes[u].deprel = "obj".to_string();
                    self.nodes[k].head = Some(v);
                    self.nodes[k].deprel = "obl".to_string();
                    true
                }
            };
            if moved {
                self.rebuild();
            }
        }
    }

    /// Repairs a complement clause hung on a bare time word: "said here Wednesday that the
    /// US must be ready", with "ready" a `ccomp` of "Wednesday". A `ccomp` whose head is a
    /// time word ([`TIME_NOUNS`]) attached without a preposition to a verb goes to that verb.
    /// So does a phrase introduced by "against", "with", "toward(s)" or "between" hung on a
    /// time word: it goes to the time word's head.
    pub fn repair_clause_on_time_word(&mut self) {
        let mut changed = false;
        // A participant's phrase hung on a time word ("staged rallies on Monday against
        // their leader"): a day is not against, with or towards anyone.
        for k in 0..self.nodes.len() {
            let Some(d) = self.head(k) else {
                continue;
            };
            let Some(h) = self.head(d) else {
                continue;
            };
            if self.base_rel(k) == "nmod"
                && k > d
                && TIME_NOUNS.contains(&self.nodes[d].lemma.to_lowercase().as_str())
                && self.case_of(k).is_some_and(|c| {
                    matches!(
                        c.as_str(),
                        "against" | "with" | "toward" | "towards" | "between"
                    )
                })
            {
                self.nodes[k].head = Some(h);
                changed = true;
            }
        }
        for c in 0..self.nodes.len() {
            let Some(d) = self.head(c) else {
                continue;
            };
            let Some(v) = self.head(d) else {
                continue;
            };
            if self.base_rel(c) != "ccomp"
                || self.base_rel(d) != "obl"
                || self.case_of(d).is_some()
                || !TIME_NOUNS.contains(&self.nodes[d].lemma.to_lowercase().as_str())
                || self.nodes[v].upos != "VERB"
            {
                continue;
            }
            self.nodes[c].head = Some(v);
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a subject with a participle read as a clause: "The Red Cross operating in
    /// Iraq said …", with "operating" the `nsubj` of "said" and "Cross" its subject. A
    /// participle (`VBG`/`VBN`) that is the subject of a verb, has no auxiliary and has its
    /// own subject before it, gives that subject to the verb and becomes its `acl`.
    pub fn repair_participle_subject(&mut self) {
        let mut changed = false;
        for p in 0..self.nodes.len() {
            let Some(h) = self.head(p) else {
                continue;
            };
            if !self.rel_is(p, "nsubj")
                || self.nodes[p].upos != "VERB"
                || !matches!(self.nodes[p].xpos.as_str(), "VBG" | "VBN")
                || self.nodes[h].upos != "VERB"
                || self
                    .children(p)
                    .iter()
                    .any(|&k| matches!(self.base_rel(k), "aux" | "cop" | "mark"))
            {
                continue;
            }
            let Some(n) = self.children(p).iter().copied().find(|&k| {
                k < p && matches!(self.nodes[k].deprel.as_str(), "nsubj" | "nsubj:pass")
            }) else {
                continue;
            };
            if !matches!(self.nodes[n].upos.as_str(), "NOUN" | "PROPN") {
                continue;
            }
            self.nodes[n].head = Some(h);
            self.nodes[n].deprel = "nsubj".to_string();
            self.nodes[p].head = Some(n);
            self.nodes[p].deprel = "acl".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs an object the parser labelled a bare oblique: a noun, name or pronoun hung
    /// on a verb before it as plain `obl` with no preposition ("Israeli soldiers beat up
    /// Palestinian detainees", where the particle misled the parser) becomes the verb's
    /// `obj` when the verb has none (a time phrase may stand between: "lifted on Friday a
    /// blockade"). A time or measure word ([`TIME_NOUNS`], months,
    /// seasons, "hour", "times", "percent", "home" …) stays an oblique ("met Monday",
    /// "rose five percent", "flew home").
    pub fn repair_caseless_oblique(&mut self) {
        const NOT_OBJECTS: &[&str] = &[
            "hour",
            "minute",
            "decade",
            "century",
            "time",
            "percent",
            "per cent",
            "mile",
            "kilometre",
            "kilometer",
            "way",
            "lot",
            "bit",
            "home",
            "quarter",
            "season",
            "spring",
            "summer",
            "autumn",
            "fall",
            "winter",
            "overnight",
            "dawn",
            "dusk",
            "noon",
            "midnight",
            "fortnight",
        ];
        let mut changed = false;
        for c in 0..self.nodes.len() {
            let Some(v) = self.head(c) else {
                continue;
            };
            let lemma = self.nodes[c].lemma.to_lowercase();
            if self.nodes[c].deprel != "obl"
                || v > c
                || self.nodes[v].upos != "VERB"
                || !matches!(self.nodes[c].upos.as_str(), "NOUN" | "PROPN" | "PRON")
                || TIME_NOUNS.contains(&lemma.as_str())
                || NOT_OBJECTS.contains(&lemma.as_str())
                || MONTH_NAMES.contains(&lemma.as_str())
                || self
                    .children(c)
                    .iter()
                    .any(|&k| matches!(self.base_rel(k), "case" | "mark"))
                || self
                    .children(v)
                    .iter()
                    .any(|&k| matches!(self.base_rel(k), "obj" | "ccomp" | "xcomp"))
                || (v + 1..c).any(|k| {
                    self.head(k) == Some(v)
                        && (self.base_rel(k) == "nsubj"
                            || (self.base_rel(k) == "obl"
                                && !TIME_NOUNS
                                    .contains(&self.nodes[k].lemma.to_lowercase().as_str())))
                })
            {
                continue;
            }
            self.nodes[c].deprel = "obj".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a verb conjunct hung on a distant verb when another verb stands right
    /// before its conjunction with no object of its own: in "the uprising that toppled and
    /// killed Gadhafi" the parser made "killed" a conjunct of the main verb ("seen"),
    /// giving it the main clause's subject. Two verbs of the same form joined by "and"/"or"
    /// with a shared object after them are conjuncts of each other; the later one moves
    /// to the earlier.
    pub fn repair_adjacent_verb_conjunct(&mut self) {
        let mut changed = false;
        for k in 2..self.nodes.len() {
            let Some(h) = self.head(k) else {
                continue;
            };
            let j = k - 2;
            let verb_form = |x: &str| x.get(..2) == Some("VB");
            if self.nodes[k].deprel != "conj"
                || self.nodes[k].upos != "VERB"
                || h >= j
                || self.head(k - 1) != Some(k)
                || self.base_rel(k - 1) != "cc"
                || self.nodes[j].upos != "VERB"
                || !verb_form(&self.nodes[j].xpos)
                || self.nodes[j].xpos != self.nodes[k].xpos
                || self.dominates(k, j)
                || self
                    .children(j)
                    .iter()
                    .any(|&c| matches!(self.base_rel(c), "obj" | "ccomp" | "xcomp" | "obl"))
                || !self
                    .children(k)
                    .iter()
                    .any(|&c| c > k && matches!(self.base_rel(c), "obj" | "obl"))
            {
                continue;
            }
            self.nodes[k].head = Some(j);
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a name split off its subject: "European Community foreign ministers
    /// demanded …" parsed with "Community" a bare oblique of the verb and "ministers" its
    /// subject. A noun or name hung on a verb after it without a preposition (`obl` or
    /// `obl:unmarked`/`npmod`, not a time word), right before the words of the verb's
    /// subject (its modifiers up to the subject itself, all under it), becomes a
    /// `compound` of the subject.
    pub fn repair_split_subject(&mut self) {
        let mut changed = false;
        for c in 0..self.nodes.len() {
            let Some(v) = self.head(c) else {
                continue;
            };
            let lemma = self.nodes[c].lemma.to_lowercase();
            if !matches!(
                self.nodes[c].deprel.as_str(),
                "obl" | "obl:unmarked" | "obl:npmod"
            ) || v < c
                || self.nodes[v].upos != "VERB"
                || !matches!(self.nodes[c].upos.as_str(), "NOUN" | "PROPN")
                || TIME_NOUNS.contains(&lemma.as_str())
                || self
                    .children(c)
                    .iter()
                    .any(|&k| matches!(self.base_rel(k), "case" | "mark" | "nummod" | "det"))
            {
                continue;
            }
            let Some(s) = self.kids_rel(v, "nsubj").find(|&s| s > c && s < v) else {
                continue;
            };
            // Every word between them modifies the subject.
            if !(c + 1..s).all(|k| self.head(k) == Some(s)) {
                continue;
            }
            self.nodes[c].head = Some(s);
            self.nodes[c].deprel = "compound".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a bare day read as a modifier of the object after it: "rejected Thursday a
    /// United Nations appeal", with "Thursday" a `compound` of "appeal" and "appeal" an
    /// `xcomp` (tagged as an adjective). A time word ([`TIME_NOUNS`]) right after a verb
    /// without an object, hung as `compound` on a later word that hangs on the verb without
    /// a preposition, with an article right after the time word, becomes the verb's
    /// `obl:tmod` and that word its `obj` (a noun).
    pub fn repair_time_word_on_object(&mut self) {
        let mut changed = false;
        for d in 1..self.nodes.len() {
            let v = d - 1;
            let Some(h) = self.head(d) else {
                continue;
            };
            if self.nodes[v].upos != "VERB"
                || h <= d
                || self.head(h) != Some(v)
                || self.base_rel(d) != "compound"
                || !TIME_NOUNS.contains(&self.nodes[d].lemma.to_lowercase().as_str())
                || self.kids_rel(v, "obj").next().is_some()
                || !matches!(self.base_rel(h), "xcomp" | "obj" | "dep" | "obl")
                || self.case_of(h).is_some()
                || !matches!(self.nodes[h].upos.as_str(), "NOUN" | "ADJ" | "PROPN")
                || self.nodes.get(d + 1).is_none_or(|w| w.upos != "DET")
            {
                continue;
            }
            self.nodes[d].head = Some(v);
            self.nodes[d].deprel = "obl:tmod".to_string();
            self.nodes[h].deprel = "obj".to_string();
            if self.nodes[h].upos == "ADJ" {
                self.nodes[h].upos = "NOUN".to_string();
                self.nodes[h].xpos = "NN".to_string();
            }
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs "it" read as an extraposition dummy before an adjective that never takes a
    /// clause as its subject ("Syria says it is willing to withdraw", "it was ready to
    /// talk"): an adjective of will or readiness is said of someone, so its `expl` "it" is
    /// its subject (`nsubj`). English grammar: control adjectives (willing, ready,
    /// prepared, determined, eager, keen, reluctant, able, unable, unwilling).
    pub fn repair_expletive_of_control_adjective(&mut self) {
        const CONTROL: &[&str] = &[
            "willing",
            "unwilling",
            "ready",
            "prepared",
            "determined",
            "eager",
            "keen",
            "reluctant",
            "able",
            "unable",
        ];
        let mut changed = false;
        for i in 0..self.nodes.len() {
            if self.base_rel(i) != "expl" || self.nodes[i].lemma != "it" {
                continue;
            }
            let Some(h) = self.nodes[i].head else {
                continue;
            };
            if self.nodes[h].upos == "ADJ" && CONTROL.contains(&self.nodes[h].lemma.as_str()) {
                self.nodes[i].deprel = "nsubj".to_string();
                changed = true;
            }
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a verb of saying read as a participle modifying its own subject ("Rwandan
    /// rebels announced on Tuesday that Kagame must …", with "announced" an `acl` of
    /// "rebels" and "rebels" the subject of "must agree"): a verb of saying without an
    /// auxiliary, hung as `acl` on the noun right before it, where that noun is the subject
    /// of a clause introduced by "that" after the verb, is the finite verb: it takes the
    /// clause's place in the tree, the noun becomes its subject and the clause its `ccomp`.
    pub fn repair_saying_participle(&mut self) {
        const SAYING: &[&str] = &[
            "say",
            "announce",
            "declare",
            "warn",
            "insist",
            "claim",
            "state",
            "report",
            "add",
            "stress",
            "confirm",
            "deny",
            "argue",
            "reiterate",
            "tell",
        ];
        let n = self.nodes.len();
        for i in 1..n {
            let subj = i - 1;
            if !SAYING.contains(&self.nodes[i].lemma.as_str())
                || self.nodes[i].upos != "VERB"
                || self.base_rel(i) != "acl"
                || self.nodes[i].head != Some(subj)
                || self.children(i).iter().any(|&k| self.base_rel(k) == "aux")
            {
                continue;
            }
            let Some(v) = self.nodes[subj].head else {
                continue;
            };
            let that = self.children(v).iter().copied().find(|&k| {
                k > i && k < v && self.base_rel(k) == "mark" && self.nodes[k].lemma == "that"
            });
            if v <= i || self.base_rel(subj) != "nsubj" || that.is_none() {
                continue;
            }
            let (vh, vrel) = (self.nodes[v].head, self.nodes[v].deprel.clone());
            self.nodes[i].head = vh;
            self.nodes[i].deprel = vrel;
            self.nodes[i].xpos = "VBD".to_string();
            self.nodes[v].head = Some(i);
            self.nodes[v].deprel = "ccomp".to_string();
            self.nodes[subj].head = Some(i);
            self.nodes[subj].deprel = "nsubj".to_string();
            // The clause's other dependents before "that" (a time phrase) are the verb's.
            for k in 0..n {
                if k != subj && k < i && self.nodes[k].head == Some(v) && self.base_rel(k) != "mark"
                {
                    self.nodes[k].head = Some(i);
                }
            }
            self.rebuild();
            return;
        }
    }

    /// Repairs a reduced relative read as a complement clause: "told a press conference
    /// here held along with his counterpart …", with "held" (tagged past tense) a `ccomp`
    /// of "told". A `ccomp` verb without a subject or marker, right after (over adverbs) a
    /// noun that hangs on the same verb, is a past participle modifying that noun (`acl`,
    /// `VBN`): a finite clause needs a subject. Its own complement clause goes back to
    /// the verb. When the clause has an object of its own, the noun (an `obj` of the verb)
    /// is instead its subject: "said Moscow still wanted the causes removed".
    pub fn repair_reduced_relative(&mut self) {
        let mut changed = false;
        for c in 1..self.nodes.len() {
            let Some(v) = self.head(c) else {
                continue;
            };
            if self.base_rel(c) != "ccomp"
                || self.nodes[c].upos != "VERB"
                || !matches!(self.nodes[c].xpos.as_str(), "VBD" | "VBN")
                || self.children(c).iter().any(|&k| {
                    matches!(
                        self.base_rel(k),
                        "nsubj" | "csubj" | "expl" | "mark" | "aux"
                    )
                })
            {
                continue;
            }
            let mut n = c - 1;
            while n > 0 && self.nodes[n].upos == "ADV" {
                n -= 1;
            }
            if !matches!(self.nodes[n].upos.as_str(), "NOUN" | "PROPN")
                || self.head(n) != Some(v)
                || !matches!(self.base_rel(n), "obj" | "iobj" | "obl")
            {
                continue;
            }
            // With an object of its own the clause is finite and the noun its subject: "said
            // Moscow still wanted the causes removed".
            if self.kids_rel(c, "obj").next().is_some() {
                if self.rel_is(n, "obj") {
                    self.nodes[n].head = Some(c);
                    self.nodes[n].deprel = "nsubj".to_string();
                    changed = true;
                }
                continue;
            }
            self.nodes[c].head = Some(n);
            self.nodes[c].deprel = "acl".to_string();
            self.nodes[c].xpos = "VBN".to_string();
            // What was said goes back to the verb of saying ("… that the operation would
            // end").
            for k in self.children(c).to_vec() {
                if self.base_rel(k) == "ccomp" {
                    self.nodes[k].head = Some(v);
                }
            }
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a preposition hung on a name's leading modifier: "with his Albanian
    /// counterpart Bashkim Fino", with "with" a `case` of "counterpart", itself a `compound`
    /// of the name. A `case` on a word that is a `compound` (or `nmod:desc`) of a word after
    /// it goes up to the head of that chain, so the phrase is introduced by it.
    pub fn repair_case_on_modifier(&mut self) {
        let mut changed = false;
        for k in 0..self.nodes.len() {
            if self.base_rel(k) != "case" {
                continue;
            }
            let Some(mut m) = self.head(k) else {
                continue;
            };
            let start = m;
            for _ in 0..6 {
                let Some(h) = self.head(m) else { break };
                if h > m && matches!(self.nodes[m].deprel.as_str(), "compound" | "nmod:desc") {
                    m = h;
                } else {
                    break;
                }
            }
            if m != start {
                self.nodes[k].head = Some(m);
                changed = true;
            }
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs subjects taken from a fronted quotation: "“China and the US both benefit,”
    /// Xi told Trump", with "China" and "benefit" `nsubj`s of "told" beside "Xi". Of a verb's
    /// several `nsubj`s, those before a closing quotation mark that another `nsubj` follows
    /// become `dep`: the quotation is what was said, not who said it.
    pub fn repair_quote_subjects(&mut self) {
        let mut changed = false;
        for v in 0..self.nodes.len() {
            let subjects: Vec<usize> = self.kids_rel(v, "nsubj").collect();
            if subjects.len() < 2 {
                continue;
            }
            let Some(&last) = subjects.iter().filter(|&&k| k < v).max() else {
                continue;
            };
            let Some(q) = (0..last)
                .rev()
                .find(|&k| matches!(self.nodes[k].form.as_str(), "”" | "\"" | "''"))
            else {
                continue;
            };
            for &k in &subjects {
                if k < q {
                    self.nodes[k].deprel = "dep".to_string();
                    changed = true;
                }
            }
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a "with" phrase read as the subject of the next clause: "told a joint news
    /// conference with French President Emmanuel Macron on Monday that Europe must spend",
    /// with "with" a `mark` and "Macron" an `nsubj` of "spend" beside "Europe". A "with"
    /// marking a verb that has two subjects, the first right after "with" and after a noun,
    /// makes that first subject a `nmod` of the noun, introduced by "with".
    pub fn repair_with_phrase_as_subject(&mut self) {
        let mut changed = false;
        for m in 1..self.nodes.len() {
            let Some(v) = self.head(m) else {
                continue;
            };
            if self.nodes[m].lemma.to_lowercase() != "with"
                || self.base_rel(m) != "mark"
                || !matches!(self.nodes[m - 1].upos.as_str(), "NOUN" | "PROPN")
            {
                continue;
            }
            let subjects: Vec<usize> = self.kids_rel(v, "nsubj").collect();
            let Some(&n) = subjects
                .iter()
                .find(|&&n| n > m && (m + 1..n).all(|k| self.dominates(n, k)))
            else {
                continue;
            };
            if !subjects.iter().any(|&o| o > n && o < v) {
                continue;
            }
            self.nodes[n].head = Some(m - 1);
            self.nodes[n].deprel = "nmod".to_string();
            self.nodes[m].head = Some(n);
            self.nodes[m].deprel = "case".to_string();
            self.nodes[m].upos = "ADP".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a second verb of the main clause hung on the reported clause: "The Russian
    /// leader said Moscow still wanted the causes removed, and warned Kyiv …", with
    /// "warned" a `conj` of "wanted". A subjectless finite conjunct introduced by ", and"
    /// whose head is a `ccomp` with a subject of its own goes to the verb of saying before
    /// it, whose subject it shares (not to an attribution after it: "Putin stressed …, and
    /// invited Moon …, Moon's office said").
    pub fn repair_conjunct_of_reported_clause(&mut self) {
        let mut changed = false;
        for c in 2..self.nodes.len() {
            let Some(v) = self.head(c) else {
                continue;
            };
            let Some(s) = self.head(v) else {
                continue;
            };
            let finite = matches!(self.nodes[c].xpos.as_str(), "VBD" | "VBZ" | "VBP");
            if self.base_rel(c) != "conj"
                || self.nodes[c].upos != "VERB"
                || !finite
                || s > v
                || self.base_rel(v) != "ccomp"
                || self.kids_rel(v, "nsubj").next().is_none()
                || self.kids_rel(c, "nsubj").next().is_some()
                || self.kids_rel(s, "nsubj").next().is_none()
                || self.nodes[c - 1].lemma != "and"
                || self.nodes[c - 2].form != ","
                || self.nodes[c].xpos != self.nodes[s].xpos
            {
                continue;
            }
            self.nodes[c].head = Some(s);
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a subject read as the root with its verb as a modifier, after a bare time
    /// word: "A top US official today praised Haiti", with "official" (tagged an adjective)
    /// the root and "praised" its `acl`. A past-tense verb hung as `acl` on the root, right
    /// after a time word ([`TIME_NOUNS`]) that hangs on it without a preposition, becomes
    /// the root, the old root (a noun) its subject; the old root's later dependents go with
    /// the verb.
    pub fn repair_root_before_time_and_verb(&mut self) {
        for v in 1..self.nodes.len() {
            let Some(x) = self.head(v) else {
                continue;
            };
            let d = v - 1;
            if self.base_rel(v) != "acl"
                || self.nodes[v].upos != "VERB"
                || !matches!(self.nodes[v].xpos.as_str(), "VBD" | "VBN")
                || self.head(x).is_some()
                || x >= d
                || self.head(d) != Some(v)
                || self.base_rel(d) != "obl"
                || self.case_of(d).is_some()
                || !TIME_NOUNS.contains(&self.nodes[d].lemma.to_lowercase().as_str())
                || !matches!(self.nodes[x].upos.as_str(), "NOUN" | "ADJ" | "PROPN")
            {
                continue;
            }
            for k in self.children(x).to_vec() {
                if k > v {
                    self.nodes[k].head = Some(v);
                }
            }
            self.nodes[v].head = None;
            self.nodes[v].deprel = "root".to_string();
            self.nodes[v].xpos = "VBD".to_string();
            self.nodes[x].head = Some(v);
            self.nodes[x].deprel = "nsubj".to_string();
            if self.nodes[x].upos == "ADJ" {
                self.nodes[x].upos = "NOUN".to_string();
                self.nodes[x].xpos = "NN".to_string();
            }
            self.rebuild();
            return;
        }
    }

    /// Repairs a possessor read as the object: "welcomed President Joe Biden's latest policy
    /// statement", with "Joe" the `obj` of "welcomed" and "statement" a `list` of it. An
    /// object name ending in a possessive "'s" with a later noun hung on it (`list`, `dep`,
    /// `appos`) gives the verb that noun as its object and becomes its `nmod:poss`.
    pub fn repair_possessor_object(&mut self) {
        for n in 0..self.nodes.len() {
            let Some(v) = self.head(n) else {
                continue;
            };
            if self.base_rel(n) != "obj" || self.nodes[n].upos != "PROPN" {
                continue;
            }
            let possessive = std::iter::once(n).chain(self.kids_rel(n, "flat")).any(|w| {
                self.kids_rel(w, "case")
                    .any(|c| matches!(self.nodes[c].form.as_str(), "'s" | "’s" | "'" | "’"))
            });
            if !possessive {
                continue;
            }
            let Some(k) = self.children(n).iter().copied().find(|&k| {
                k > n
                    && matches!(self.base_rel(k), "list" | "dep" | "appos")
                    && self.nodes[k].upos == "NOUN"
            }) else {
                continue;
            };
            self.nodes[k].head = Some(v);
            self.nodes[k].deprel = "obj".to_string();
            self.nodes[n].head = Some(k);
            self.nodes[n].deprel = "nmod:poss".to_string();
            self.rebuild();
        }
    }

    /// Repairs a complementizer read as an object: "agreed on Wednesday that their
    /// countries should cooperate", with "that" (`PRON`/`WDT`) an `obj` of "agreed" and
    /// "cooperate" a `ccomp` of it. A "that" hung as `obj` on a verb that also has a `ccomp`
    /// starting after it, with the clause's subject after "that", becomes that clause's
    /// `mark` (UD v2: `that` introducing a complement clause is `mark`, SCONJ). So does a
    /// "that" hung as `obj` on the complement clause's own verb before its subject.
    pub fn repair_that_complementizer(&mut self) {
        let mut changed = false;
        for d in 0..self.nodes.len() {
            let Some(v) = self.head(d) else {
                continue;
            };
            if self.nodes[d].lemma.to_lowercase() != "that" || self.base_rel(d) != "obj" {
                continue;
            }
            let subject_after = |c: usize| {
                self.kids_rel(c, "nsubj")
                    .chain(self.kids_rel(c, "nsubj:pass"))
                    .any(|n| n > d && n < c)
            };
            // Either hung on the governing verb, or on the complement clause's own verb
            // (where a relative "that" would be the object of an `acl:relcl`, not a `ccomp`).
            let own = self.base_rel(v) == "ccomp" && v > d && subject_after(v);
            let Some(c) = (if own { Some(v) } else { None }).or_else(|| {
                self.kids_rel(v, "ccomp")
                    .find(|&c| c > d && subject_after(c))
            }) else {
                continue;
            };
            self.nodes[d].head = Some(c);
            self.nodes[d].deprel = "mark".to_string();
            self.nodes[d].upos = "SCONJ".to_string();
            self.nodes[d].xpos = "IN".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs an object after a bare time word right after the verb: "lifted Friday a
    /// day-old blockade", parsed with the object as an `appos` (or `list`, `compound`) of
    /// "Friday". A time word ([`TIME_NOUNS`]) directly after a verb without an object, hung
    /// on it without a preposition, gives its noun dependent after it to the verb as the
    /// object, with the words between them; the time word stays an adjunct.
    pub fn repair_object_after_time(&mut self) {
        for d in 1..self.nodes.len() {
            let v = d - 1;
            if self.head(d) != Some(v)
                || self.nodes[v].upos != "VERB"
                || self.base_rel(d) != "obl"
                || self.case_of(d).is_some()
                || !TIME_NOUNS.contains(&self.nodes[d].lemma.to_lowercase().as_str())
                || self.kids_rel(v, "obj").next().is_some()
            {
                continue;
            }
            let Some(n) = self.children(d).iter().copied().find(|&c| {
                c > d
                    && matches!(self.base_rel(c), "appos" | "list" | "compound" | "conj")
                    && matches!(self.nodes[c].upos.as_str(), "NOUN" | "PROPN")
                    && !TIME_NOUNS.contains(&self.nodes[c].lemma.to_lowercase().as_str())
            }) else {
                continue;
            };
            self.nodes[n].head = Some(v);
            self.nodes[n].deprel = "obj".to_string();
            // Words between the time word and the object that hung on the time word go
            // with the object ("a day-old").
            for k in self.children(d).to_vec() {
                if k > d && k < n {
                    self.nodes[k].head = Some(n);
                }
            }
            self.rebuild();
        }
    }

    /// Repairs a temporal clause read as a prepositional phrase plus a subjectless verb:
    /// "has been divided since Turkey invaded the north" with "since Turkey" an oblique of
    /// "divided" and "invaded" a second dependent of it. A finite verb (or a past participle
    /// without an auxiliary, then retagged past tense) without a subject whose
    /// nearest word before it (over adverbs) is a noun, name or pronoun hung on the same head
    /// as an `obl`/`nmod` introduced by a word that also subordinates clauses
    /// ([`TEMPORAL_SUBORDINATORS`]: after, before, since …) gets that noun as its `nsubj` and the
    /// word as its `mark`, and becomes an `advcl` of the shared head.
    pub fn repair_subordinate_subject(&mut self) {
        let mut changed = false;
        for v in 1..self.nodes.len() {
            // A past participle without an auxiliary is the past tense misread ("after
            // Turkish troops invaded", tagged VBN).
            let bare_participle = self.nodes[v].xpos == "VBN"
                && self.children(v).iter().all(|&k| self.base_rel(k) != "aux");
            if self.nodes[v].upos != "VERB"
                || !(matches!(self.nodes[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
                    || bare_participle)
                || self.kids_rel(v, "nsubj").next().is_some()
                || self.kids_rel(v, "csubj").next().is_some()
                || self.kids_rel(v, "expl").next().is_some()
            {
                continue;
            }
            let mut n = v - 1;
            while n > 0 && self.nodes[n].upos == "ADV" && self.head(n) == Some(v) {
                n -= 1;
            }
            let (Some(hv), Some(hn)) = (self.head(v), self.head(n)) else {
                continue;
            };
            if hv != hn
                || !matches!(self.nodes[n].upos.as_str(), "NOUN" | "PROPN" | "PRON")
                || !matches!(self.base_rel(n), "obl" | "nmod")
            {
                continue;
            }
            let Some(c) = self.children(n).iter().copied().find(|&k| {
                k < n
                    && self.base_rel(k) == "case"
                    && TEMPORAL_SUBORDINATORS.contains(&self.nodes[k].lemma.to_lowercase().as_str())
            }) else {
                continue;
            };
            self.nodes[n].head = Some(v);
            self.nodes[n].deprel = "nsubj".to_string();
            self.nodes[c].head = Some(v);
            self.nodes[c].deprel = "mark".to_string();
            self.nodes[v].deprel = "advcl".to_string();
            if bare_participle {
                self.nodes[v].xpos = "VBD".to_string();
            }
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs coordinated titled names read as an apposition: "Chinese President Xi Jinping
    /// and US President Joe Biden met" with "Joe" an `appos` of "Xi" and "and" hung inside
    /// the second name's title. A name or noun `appos` whose own subtree holds a
    /// coordinating "and"/"or" that comes between its head and it, with no comma right
    /// before that word (a comma makes a real apposition likelier: "X, and his deputy Y"
    /// stays), becomes a `conj`, and the "and" becomes its `cc`.
    pub fn repair_coordinated_apposition(&mut self) {
        let mut changed = false;
        for a in 1..self.nodes.len() {
            let Some(h) = self.head(a) else { continue };
            if h >= a
                || self.base_rel(a) != "appos"
                || !matches!(self.nodes[a].upos.as_str(), "PROPN" | "NOUN")
            {
                continue;
            }
            let Some(c) = (h + 1..a).find(|&k| {
                self.nodes[k].upos == "CCONJ"
                    && matches!(self.nodes[k].lemma.to_lowercase().as_str(), "and" | "or")
                    && self.dominates(a, k)
            }) else {
                continue;
            };
            if c > 0 && self.nodes[c - 1].form == "," {
                continue;
            }
            self.nodes[a].deprel = "conj".to_string();
            self.nodes[c].head = Some(a);
            self.nodes[c].deprel = "cc".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a noun hung as a `compound` on a verb ("Egyptian demonstrators rioted" with
    /// "demonstrators" a compound of "rioted"): a compound modifies nominals only, so a noun,
    /// name or pronoun `compound` before a verb that has no subject becomes its `nsubj`.
    pub fn repair_compound_on_verb(&mut self) {
        for c in 0..self.nodes.len() {
            let Some(v) = self.head(c) else { continue };
            if c < v
                && self.nodes[v].upos == "VERB"
                && self.base_rel(c) == "compound"
                && matches!(self.nodes[c].upos.as_str(), "NOUN" | "PROPN" | "PRON")
                && self.kids_rel(v, "nsubj").next().is_none()
                && self.kids_rel(v, "expl").next().is_none()
            {
                self.nodes[c].deprel = "nsubj".to_string();
            }
        }
    }

    /// Repairs a phone call read as naming: "Biden called Ukrainian President Volodymyr
    /// Zelensky" parsed like "called him a liar", with "Ukrainian" and the name as two
    /// `xcomp`s of "call" and no object. When a verb "call" has no object and its last
    /// `xcomp` is a proper noun with nothing but adjectives and proper nouns (its own
    /// modifiers) between the verb and it, that proper noun is the object and the words
    /// before it modify it. Naming keeps its parse ("called Zelensky a criminal": a common
    /// noun follows the name).
    pub fn repair_call_object(&mut self) {
        for v in 0..self.nodes.len() {
            if self.nodes[v].upos != "VERB"
                || self.nodes[v].lemma != "call"
                || self.kids_rel(v, "obj").next().is_some()
            {
                continue;
            }
            let xs: Vec<usize> = self.kids_rel(v, "xcomp").filter(|&x| x > v).collect();
            let Some(&name) = xs.last() else { continue };
            if self.nodes[name].upos != "PROPN"
                || !(v + 1..name).all(|k| matches!(self.nodes[k].upos.as_str(), "ADJ" | "PROPN"))
            {
                continue;
            }
            self.nodes[name].deprel = "obj".to_string();
            for &x in &xs[..xs.len() - 1] {
                self.nodes[x].head = Some(name);
                self.nodes[x].deprel = if self.nodes[x].upos == "ADJ" {
                    "amod".to_string()
                } else {
                    "compound".to_string()
                };
            }
        }
    }

    /// Repairs a sentence-initial name cut off from its verb by an apposition ("Pakistan, a
    /// key U.S. ally, has refused to …" with "Pakistan" a `vocative` and "ally" an adverb):
    /// when the root verb has no subject and the sentence opens with a noun or proper noun
    /// (after its own modifiers) followed by a comma, that noun is the subject, and the
    /// phrase between its comma and the next one, if it hangs on the root, its apposition.
    pub fn repair_appositive_subject(&mut self) {
        let n = self.nodes.len();
        let Some(r) = (0..n).find(|&i| self.nodes[i].head.is_none()) else {
            return;
        };
        let has_subject = self
            .children(r)
            .iter()
            .any(|&k| matches!(self.base_rel(k), "nsubj" | "csubj" | "expl"));
        if self.nodes[r].upos != "VERB" || has_subject {
            return;
        }
        // The opening noun: the last word before the first comma, all before it its own.
        let Some(comma) = (0..r).find(|&i| self.nodes[i].form == ",") else {
            return;
        };
        if comma == 0 {
            return;
        }
        let s = comma - 1;
        let under_s = |mut k: usize| {
            for _ in 0..n {
                match self.nodes[k].head {
                    Some(h) if h == s => return true,
                    Some(h) => k = h,
                    None => return false,
                }
            }
            false
        };
        // Not a fronted adjunct: "On Monday, …", "Last week, …", "In Paris, …".
        let lemma = self.nodes[s].lemma.as_str();
        let adjunct = TIME_NOUNS.contains(&lemma)
            || MONTH_NAMES.contains(&lemma)
            || (0..s).any(|k| matches!(self.base_rel(k), "case" | "mark"));
        if !matches!(self.nodes[s].upos.as_str(), "NOUN" | "PROPN")
            || adjunct
            || (0..s).any(|k| !under_s(k))
            || self.nodes[s].head.is_some_and(|h| h < s)
        {
            return;
        }
        // The apposition: the head of the words between the two commas, if it hangs on
        // the root.
        let next_comma = (comma + 1..r).find(|&i| self.nodes[i].form == ",");
        let appos =
            next_comma.and_then(|c2| (comma + 1..c2).find(|&k| self.nodes[k].head == Some(r)));
        self.nodes[s].head = Some(r);
        self.nodes[s].deprel = "nsubj".to_string();
        if let Some(a) = appos {
            self.nodes[a].head = Some(s);
            self.nodes[a].deprel = "appos".to_string();
            if self.nodes[a].upos == "ADV" {
                self.nodes[a].upos = "NOUN".to_string();
                self.nodes[a].xpos = "NN".to_string();
            }
        }
        self.rebuild();
    }

    /// Repairs a sentence parsed as a noun phrase around its finite verb ("Young Algerians
    /// blocked roads" as "roads" modified by "blocked"): when the root is a noun or proper
    /// noun with no copula or auxiliary, a word tagged past tense (Penn `VBD`, never an
    /// adjective; a `VBN` only when it is the sentence's one verb and comes after the root)
    /// that hangs as `amod` or `compound` on a noun after it becomes the root;
    /// that noun becomes its object, and the subject is the old root when it comes before
    /// the verb, else the nearest noun before the verb among the old root's dependents (the
    /// other dependents before the verb go with the subject).
    pub fn repair_verbless_root(&mut self) {
        let Some(r) = verbless_nominal_root(&self.nodes) else {
            return;
        };
        // A past tense hung on the root as a plain clausal modifier ("The German government
        // today welcomed the statement" read as "government [that] welcomed"): a finite
        // verb cannot be a reduced relative, so it is the root and the noun its subject.
        if let Some(v) = self.children(r).iter().copied().find(|&v| {
            v > r
                && v <= r + 3
                && self.nodes[v].upos == "VERB"
                && self.nodes[v].xpos == "VBD"
                && self.nodes[v].deprel == "acl"
                && !self
                    .children(v)
                    .iter()
                    .any(|&k| self.base_rel(k) == "nsubj")
                && (r + 1..v).all(|k| self.nodes[k].head == Some(v) || k == v)
        }) {
            self.nodes[v].head = None;
            self.nodes[v].deprel = "root".to_string();
            self.nodes[r].head = Some(v);
            self.nodes[r].deprel = "nsubj".to_string();
            for k in 0..self.nodes.len() {
                if k != v && self.nodes[k].head == Some(r) && k > v {
                    // The old root's dependents after the verb belong to the clause.
                    self.nodes[k].head = Some(v);
                }
            }
            self.rebuild();
            return;
        }
        // A titled name as the root with its verb hung on it as a name part ("Prime Minister
        // Narendra Modi of India criticised President Arif Alvi …", "criticised" a `flat`
        // of "Narendra", "Arif" a `list`): when every word between the root and the verb
        // belongs to the root's phrase, the verb is the root, the name its subject and the
        // first name or noun hung on the old root after the verb its object.
        let verbs = self.nodes.iter().filter(|n| n.upos == "VERB").count();
        if self.nodes[r].upos == "PROPN"
            && let Some(v) = self.children(r).iter().copied().find(|&v| {
                v > r
                    && self.nodes[v].upos == "VERB"
                    && (self.nodes[v].xpos == "VBD" || (self.nodes[v].xpos == "VBN" && verbs == 1))
                    && matches!(self.base_rel(v), "flat" | "list" | "appos" | "dep")
                    && self.children(v).is_empty()
                    && (r + 1..v).all(|k| self.dominates(r, k) && self.nodes[k].form != ",")
            })
        {
            self.nodes[v].head = None;
            self.nodes[v].deprel = "root".to_string();
            self.nodes[r].head = Some(v);
            self.nodes[r].deprel = "nsubj".to_string();
            let mut object = false;
            for k in v + 1..self.nodes.len() {
                if self.nodes[k].head != Some(r) {
                    continue;
                }
                self.nodes[k].head = Some(v);
                if !object
                    && matches!(self.nodes[k].upos.as_str(), "PROPN" | "NOUN")
                    && matches!(self.base_rel(k), "list" | "appos" | "flat" | "conj" | "dep")
                {
                    self.nodes[k].deprel = "obj".to_string();
                    object = true;
                } else if matches!(self.base_rel(k), "nmod") {
                    self.nodes[k].deprel = "obl".to_string();
                }
            }
            self.rebuild();
            return;
        }
        // Two titled names as the root with the finite verb hung on them further right
        // ("Indonesian President Joko Widodo and Ukrainian President Volodymyr Zelensky
        // shook hands in Kyiv", the verb a `parataxis`/`acl`/`dep`): when every word
        // between the root and the verb belongs to the root's phrase and an "and" is among
        // them, the verb is the root and the names its subject.
        if let Some(v) = self.children(r).iter().copied().find(|&v| {
            v > r + 3
                && self.nodes[v].upos == "VERB"
                && matches!(self.nodes[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
                && matches!(self.base_rel(v), "acl" | "parataxis" | "dep" | "list")
                && !self
                    .children(v)
                    .iter()
                    .any(|&k| self.base_rel(k) == "nsubj")
                && (r + 1..v).all(|k| self.dominates(r, k) && self.nodes[k].form != ",")
                && (r + 1..v).any(|k| {
                    self.nodes[k].upos == "CCONJ" && self.nodes[k].lemma.to_lowercase() == "and"
                })
        }) {
            self.nodes[v].head = None;
            self.nodes[v].deprel = "root".to_string();
            self.nodes[r].head = Some(v);
            self.nodes[r].deprel = "nsubj".to_string();
            for k in 0..self.nodes.len() {
                if k != v && self.nodes[k].head == Some(r) && k > v {
                    self.nodes[k].head = Some(v);
                }
            }
            // The second name hung as a `list`/`appos` of the first, its title as the
            // conjunct: the name is the conjunct and the title describes it.
            for n in r + 1..v {
                if self.nodes[n].head == Some(r)
                    && matches!(self.base_rel(n), "list" | "appos")
                    && self.nodes[n].upos == "PROPN"
                    && let Some(c) = (r + 1..n)
                        .rev()
                        .find(|&c| self.nodes[c].head == Some(r) && self.base_rel(c) == "conj")
                {
                    self.nodes[n].deprel = "conj".to_string();
                    self.nodes[c].head = Some(n);
                    self.nodes[c].deprel = "nmod:desc".to_string();
                    for k in 0..self.nodes.len() {
                        if self.nodes[k].head == Some(c) && self.base_rel(k) == "cc" {
                            self.nodes[k].head = Some(n);
                        }
                    }
                }
            }
            self.rebuild();
            return;
        }
        // The same past tense hung on a time word after the root ("Afghan President Hamid
        // Karzai this month accused …", with "accused" a clause on "month"): the verb is the
        // root, the old root its subject and the time word its adjunct.
        if let Some(v) = (r + 2..self.nodes.len()).find(|&v| {
            self.nodes[v].upos == "VERB"
                && self.nodes[v].xpos == "VBD"
                && self.nodes[v].deprel == "acl"
                && !self
                    .children(v)
                    .iter()
                    .any(|&k| self.base_rel(k) == "nsubj")
                && self.nodes[v].head.is_some_and(|t| {
                    t > r
                        && t < v
                        && self.nodes[t].head == Some(r)
                        && TIME_NOUNS.contains(&self.nodes[t].lemma.to_lowercase().as_str())
                })
        }) {
            let t = self.nodes[v].head.unwrap_or(r);
            self.nodes[v].head = None;
            self.nodes[v].deprel = "root".to_string();
            self.nodes[r].head = Some(v);
            self.nodes[r].deprel = "nsubj".to_string();
            self.nodes[t].head = Some(v);
            self.nodes[t].deprel = "obl:unmarked".to_string();
            for k in 0..self.nodes.len() {
                if k != v && self.nodes[k].head == Some(r) && k > v {
                    self.nodes[k].head = Some(v);
                }
            }
            self.rebuild();
            return;
        }
        // A participle (`VBN`) counts only as the sentence's one verb after the old root
        // ("Israeli helicopters and tanks shelled positions near Rafah").
        let Some(v) = (0..self.nodes.len()).find(|&v| {
            let w = &self.nodes[v];
            w.upos == "VERB"
                && (w.xpos == "VBD" || (w.xpos == "VBN" && verbs == 1 && r < v))
                && matches!(self.base_rel(v), "amod" | "compound")
                && w.head.is_some_and(|h| {
                    h > v && matches!(self.nodes[h].upos.as_str(), "NOUN" | "PROPN")
                })
        }) else {
            return;
        };
        let Some(obj) = self.nodes[v].head else {
            return;
        };
        let subj = if r < v {
            Some(r)
        } else if r == obj {
            // Dependents before the verb, of the verb itself ("Algerians" read as a
            // compound of "blocked") or of the old root.
            let left: Vec<usize> = self
                .children(v)
                .iter()
                .chain(self.children(obj))
                .copied()
                .filter(|&k| k < v)
                .collect();
            let s = left
                .iter()
                .copied()
                .max_by_key(|&k| {
                    (
                        matches!(self.nodes[k].upos.as_str(), "NOUN" | "PROPN" | "PRON"),
                        k,
                    )
                })
                .filter(|&k| matches!(self.nodes[k].upos.as_str(), "NOUN" | "PROPN" | "PRON"));
            if let Some(s) = s {
                for k in left {
                    if k != s {
                        self.nodes[k].head = Some(s);
                    }
                }
            }
            s
        } else {
            None
        };
        let Some(subj) = subj else {
            return;
        };
        self.nodes[v].head = None;
        self.nodes[v].deprel = "root".to_string();
        self.nodes[obj].head = Some(v);
        self.nodes[obj].deprel = "obj".to_string();
        self.nodes[subj].head = Some(v);
        self.nodes[subj].deprel = "nsubj".to_string();
        // The old root's other dependents stay where they are; the final full stop goes
        // to the new root.
        for k in 0..self.nodes.len() {
            if self.nodes[k].deprel == "punct"
                && self.nodes[k].head == Some(r)
                && k + 1 == self.nodes.len()
            {
                self.nodes[k].head = Some(v);
            }
        }
        self.rebuild();
    }

    /// Repairs a name cut off from its descriptor ("Human rights organization Amnesty
    /// International demanded", parsed with "organization" as the subject and the name as
    /// `compound`s of the verb): a verb never takes a plain `compound`, so nouns or names
    /// attached so right before the verb, after the verb's subject, are the subject's head —
    /// the last of them becomes the subject and the old subject its descriptor (`compound`).
    pub fn repair_name_before_verb(&mut self) {
        let mut changed = false;
        for v in 1..self.nodes.len() {
            if self.nodes[v].upos != "VERB" {
                continue;
            }
            // A noun or a word of a name ("International" tagged ADJ but NNP).
            let nominal = |t: &Tree, k: usize| {
                matches!(t.nodes[k].upos.as_str(), "PROPN" | "NOUN")
                    || t.nodes[k].xpos.starts_with("NNP")
            };
            let attached = |t: &Tree, k: usize| {
                t.nodes[k].head == Some(v) && t.nodes[k].deprel == "compound" && nominal(t, k)
            };
            // The run of such words ending right before the verb (inner words of the name may
            // hang on each other).
            if !attached(self, v - 1) {
                continue;
            }
            let mut from = v - 1;
            while from > 0
                && nominal(self, from - 1)
                && self.nodes[from - 1]
                    .head
                    .is_some_and(|h| h == v || (h >= from - 1 && h < v))
                && self.nodes[from - 1].deprel.split(':').next() != Some("nsubj")
            {
                from -= 1;
            }
            let Some(subj) = self
                .children(v)
                .iter()
                .copied()
                .find(|&k| k < from && self.base_rel(k) == "nsubj")
            else {
                continue;
            };
            let name = v - 1;
            let passive = self.kids_rel(v, "aux:pass").next().is_some();
            for k in from..name {
                if self.nodes[k].head == Some(v) {
                    self.nodes[k].head = Some(name);
                }
            }
            self.nodes[name].deprel = if passive { "nsubj:pass" } else { "nsubj" }.to_string();
            self.nodes[subj].head = Some(name);
            self.nodes[subj].deprel = "compound".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a hyphenated modifier torn apart ("Hopes of face-to-face talks rose", with
    /// the first "face" taken as the object of "of" and "talks" as a second subject): a
    /// word written with hyphens is one word, so when its first part hangs outside it on
    /// anything but the noun its last part modifies, that attachment (with the first
    /// part's own dependents outside the word, such as "of") belongs to the noun, and the
    /// first part joins the word.
    pub fn repair_hyphenated_modifier(&mut self) {
        let n = self.nodes.len();
        let mut changed = false;
        let mut i = 0;
        while i < n {
            // The maximal run of words written without spaces from i.
            let mut j = i;
            while j + 1 < n && self.nodes[j].end == self.nodes[j + 1].start {
                j += 1;
            }
            let hyphenated = (i + 1..j).any(|k| self.nodes[k].form == "-");
            if hyphenated && j > i {
                let (first, last) = (i, j);
                let inside = |k: usize| k >= first && k <= last;
                if let (Some(h), Some(noun)) = (self.nodes[first].head, self.nodes[last].head)
                    && !inside(h)
                    && noun > last
                    && h != noun
                    && matches!(self.nodes[noun].upos.as_str(), "NOUN" | "PROPN")
                    && self.nodes[noun].head != Some(h)
                {
                    let rel = self.nodes[first].deprel.clone();
                    for k in 0..n {
                        if !inside(k) && self.nodes[k].head == Some(first) {
                            self.nodes[k].head = Some(noun);
                        }
                    }
                    self.nodes[noun].head = Some(h);
                    self.nodes[noun].deprel = rel;
                    self.nodes[first].head = Some(last);
                    self.nodes[first].deprel = "compound".to_string();
                    changed = true;
                }
            }
            i = j + 1;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a hyphenated participle read as a clause ("Ukrainian troops attacked
    /// Russian-backed separatists", with "backed" a second verb and "separatists" its
    /// object): a word written with hyphens that ends in a past participle (`VBN`) with a
    /// noun to its right as its dependent modifies that noun. The noun takes the
    /// participle's place (as the object of a verb the participle was a conjunct of), the
    /// participle becomes its `amod`, and the participle's other dependents to its right
    /// ("on Monday") move to the clause.
    pub fn repair_hyphenated_participle(&mut self) {
        let n = self.nodes.len();
        let mut changed = false;
        let mut i = 0;
        while i < n {
            let mut j = i;
            while j + 1 < n && self.nodes[j].end == self.nodes[j + 1].start {
                j += 1;
            }
            let hyphenated = (i + 1..j).any(|k| self.nodes[k].form == "-");
            let (first, last) = (i, j);
            i = j + 1;
            if !hyphenated || self.nodes[last].xpos != "VBN" || self.nodes[last].upos != "VERB" {
                continue;
            }
            let Some(h) = self.nodes[last].head else {
                continue;
            };
            if self.nodes[last].deprel.starts_with("amod") || (first..=last).contains(&h) {
                continue;
            }
            // The noun it should modify: its first dependent to the right, a noun.
            let Some(noun) = (last + 1..n).find(|&k| self.nodes[k].head == Some(last)) else {
                continue;
            };
            if !matches!(self.nodes[noun].upos.as_str(), "NOUN" | "PROPN")
                || (last + 1..noun)
                    .any(|k| !matches!(self.nodes[k].upos.as_str(), "ADJ" | "NOUN" | "PROPN"))
            {
                continue;
            }
            let rel = self.nodes[last].deprel.clone();
            let verb_head = self.nodes[h].upos == "VERB";
            let new_rel = if rel == "conj" && verb_head {
                let has_obj =
                    (0..n).any(|k| self.nodes[k].head == Some(h) && self.nodes[k].deprel == "obj");
                if has_obj {
                    "conj".to_string()
                } else {
                    "obj".to_string()
                }
            } else {
                rel
            };
            for k in noun + 1..n {
                if self.nodes[k].head == Some(last) {
                    self.nodes[k].head = Some(if verb_head { h } else { noun });
                }
            }
            for k in last + 1..noun {
                if self.nodes[k].head == Some(last) {
                    self.nodes[k].head = Some(noun);
                }
            }
            self.nodes[noun].head = Some(h);
            self.nodes[noun].deprel = new_rel;
            self.nodes[last].head = Some(noun);
            self.nodes[last].deprel = "amod".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a noun phrase "X of Y" read with "Y" as the head ("Supporters of Raila
    /// Odinga blocked roads", with "Raila" the subject and "Supporters" its dependent): when
    /// a subject has a noun dependent before it from which only "of" separates it, that noun
    /// is the subject and the old subject its `nmod`.
    pub fn repair_of_phrase_subject(&mut self) {
        let n = self.nodes.len();
        let mut changed = false;
        for s in 2..n {
            if self.base_rel(s) != "nsubj" || self.nodes[s - 1].lemma != "of" {
                continue;
            }
            let x = s - 2;
            if self.nodes[x].head != Some(s)
                || self.nodes[x].upos != "NOUN"
                || self.nodes[s - 1].head != Some(s)
            {
                continue;
            }
            let (head, rel) = (self.nodes[s].head, self.nodes[s].deprel.clone());
            for k in 0..x {
                if self.nodes[k].head == Some(s) {
                    self.nodes[k].head = Some(x);
                }
            }
            self.nodes[x].head = head;
            self.nodes[x].deprel = rel;
            self.nodes[s].head = Some(x);
            self.nodes[s].deprel = "nmod".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs "up to" before a number read as the head of the phrase ("Up to 100 ethnic
    /// Albanians demonstrated", with "Up" the subject and "Albanians" its `nmod`): the
    /// counted noun takes the place of "up", and "up to" modifies the number (as UD does
    /// for "more than").
    pub fn repair_up_to_number(&mut self) {
        let n = self.nodes.len();
        let mut changed = false;
        for i in 0..n.saturating_sub(2) {
            if !self.nodes[i].form.eq_ignore_ascii_case("up")
                || !self.nodes[i + 1].form.eq_ignore_ascii_case("to")
                || self.nodes[i + 2].upos != "NUM"
            {
                continue;
            }
            let Some(h) = self.nodes[i + 2].head else {
                continue;
            };
            if h <= i + 2 || self.nodes[h].head != Some(i) {
                continue;
            }
            let (head, rel) = (self.nodes[i].head, self.nodes[i].deprel.clone());
            for k in 0..n {
                if k != h && k != i + 1 && self.nodes[k].head == Some(i) {
                    self.nodes[k].head = Some(h);
                }
            }
            self.nodes[h].head = head;
            self.nodes[h].deprel = rel;
            self.nodes[i].head = Some(i + 2);
            self.nodes[i].deprel = "advmod".to_string();
            self.nodes[i + 1].head = Some(i);
            self.nodes[i + 1].deprel = "fixed".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a participle modifier read as a verb ("talks between Dung and his visiting
    /// Japanese counterpart Shinzo Abe", with "his" the subject of a verb "visiting" whose
    /// object is "Abe"): a present participle right after a possessive pronoun that is its
    /// subject, with an object after it, modifies that object; the object takes the
    /// participle's place (as a conjunct after "and": of the phrase before the "and"), the
    /// pronoun is its possessor, and the participle's other dependents move to it.
    pub fn repair_possessed_participle(&mut self) {
        let n = self.nodes.len();
        let mut changed = false;
        for v in 1..n {
            let p = v - 1;
            if self.nodes[v].xpos != "VBG"
                || self.nodes[p].xpos != "PRP$"
                || self.nodes[p].head != Some(v)
                || self.base_rel(p) != "nsubj"
            {
                continue;
            }
            let Some(o) = self
                .children(v)
                .iter()
                .copied()
                .find(|&k| k > v && self.base_rel(k) == "obj")
            else {
                continue;
            };
            let (mut head, mut rel) = (self.nodes[v].head, self.nodes[v].deprel.clone());
            // "X and his visiting counterpart": a conjunct of the phrase before "and".
            if rel == "conj"
                && p >= 2
                && self.nodes[p - 1].upos == "CCONJ"
                && matches!(self.nodes[p - 2].upos.as_str(), "PROPN" | "NOUN")
            {
                let mut h = p - 2;
                while matches!(self.base_rel(h), "flat" | "compound")
                    && let Some(up) = self.nodes[h].head
                {
                    h = up;
                }
                head = Some(h);
                rel = "conj".to_string();
            }
            for k in 0..n {
                if k != o && self.nodes[k].head == Some(v) {
                    self.nodes[k].head = Some(o);
                    if k > o && matches!(self.base_rel(k), "obl") {
                        self.nodes[k].deprel = "nmod".to_string();
                    }
                }
            }
            self.nodes[p].deprel = "nmod:poss".to_string();
            self.nodes[o].head = head;
            self.nodes[o].deprel = if head.is_none() {
                "root".to_string()
            } else {
                rel
            };
            self.nodes[v].head = Some(o);
            self.nodes[v].deprel = "amod".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a clause whose subject the parser took for the clause ("… sparked last year
    /// when France, Germany and others rejected a US proposal", with "France" an `advcl`
    /// carrying "when" and "rejected" a conjunct of the main verb): a noun `advcl` with a
    /// clause marker, no copula and no verb of its own, followed right after its phrase by a
    /// finite verb without a subject hung on the same head, is that verb's subject; the verb
    /// becomes the adverbial clause and takes the marker.
    pub fn repair_nominal_adverbial_clause(&mut self) {
        let mut changed = false;
        for n in 0..self.nodes.len() {
            if self.nodes[n].deprel != "advcl"
                || !matches!(self.nodes[n].upos.as_str(), "NOUN" | "PROPN" | "PRON")
            {
                continue;
            }
            let Some(h) = self.nodes[n].head else {
                continue;
            };
            let markers: Vec<usize> = self
                .children(n)
                .iter()
                .copied()
                .filter(|&k| {
                    k < n
                        && (self.base_rel(k) == "mark"
                            || (self.base_rel(k) == "advmod" && self.nodes[k].xpos == "WRB"))
                })
                .collect();
            if markers.is_empty()
                || self
                    .children(n)
                    .iter()
                    .any(|&k| matches!(self.base_rel(k), "cop" | "aux"))
            {
                continue;
            }
            // The first word after the noun's phrase.
            let mut end = n;
            for k in n..self.nodes.len() {
                if self.dominates(n, k) {
                    end = k;
                }
            }
            let v = end + 1;
            if v >= self.nodes.len()
                || self.nodes[v].upos != "VERB"
                || !matches!(self.nodes[v].xpos.as_str(), "VBD" | "VBZ" | "VBP")
                || self.nodes[v].head != Some(h)
                || !matches!(self.base_rel(v), "conj" | "dep" | "parataxis")
                || self
                    .children(v)
                    .iter()
                    .any(|&k| self.base_rel(k) == "nsubj")
            {
                continue;
            }
            self.nodes[v].deprel = "advcl".to_string();
            self.nodes[n].head = Some(v);
            self.nodes[n].deprel = "nsubj".to_string();
            for m in markers {
                self.nodes[m].head = Some(v);
            }
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a titled subject split up ("Polish Foreign Minister Radoslaw Sikorski
    /// criticised Hungary on Thursday for blocking aid", with "Polish" the subject, the
    /// name a `list` item of it and "on Thursday", "for blocking" hung on "Polish"): when a
    /// verb's subject is a capitalised word whose dependent between it and the verb is a
    /// proper noun linked as `list`, `appos`, `conj` or `parataxis`, that proper noun is the
    /// subject, the old subject modifies it, and the old subject's dependents after the
    /// verb belong to the verb.
    pub fn repair_titled_subject(&mut self) {
        let n = self.nodes.len();
        let mut changed = false;
        for v in 0..n {
            if self.nodes[v].upos != "VERB" {
                continue;
            }
            let Some(s) = self
                .children(v)
                .iter()
                .copied()
                .find(|&k| k < v && self.base_rel(k) == "nsubj")
            else {
                continue;
            };
            if !self.nodes[s].form.starts_with(|c: char| c.is_uppercase()) {
                continue;
            }
            let Some(m) = self.children(s).iter().copied().find(|&k| {
                k > s
                    && k < v
                    && self.nodes[k].upos == "PROPN"
                    && matches!(self.base_rel(k), "list" | "appos" | "conj" | "parataxis")
            }) else {
                continue;
            };
            // A real coordination ("Britain and France criticised") has its conjunction.
            if self.children(m).iter().any(|&k| self.base_rel(k) == "cc")
                || (s + 1..m).any(|k| self.nodes[k].form == "," || self.nodes[k].upos == "CCONJ")
            {
                continue;
            }
            let rel = self.nodes[s].deprel.clone();
            for k in 0..n {
                if k > v && self.nodes[k].head == Some(s) {
                    self.nodes[k].head = Some(v);
                    if self.nodes[k].deprel == "acl" {
                        self.nodes[k].deprel = "advcl".to_string();
                    }
                }
            }
            self.nodes[m].head = Some(v);
            self.nodes[m].deprel = rel;
            self.nodes[s].head = Some(m);
            self.nodes[s].deprel = if self.nodes[s].upos == "ADJ" {
                "amod"
            } else {
                "compound"
            }
            .to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a titled name split off as a second subject ("Mobutu and rebel leader
    /// Laurent Kabila have agreed", with "leader" and "Laurent" both `nsubj` of "agreed",
    /// "Mobutu" a compound of "leader" and "and" hung on "rebel"). When a verb has two
    /// subjects before it, a common noun directly followed by a proper noun, the noun is
    /// the name's title (`compound`). If a proper noun then hangs on the title before a
    /// coordinating conjunction of the title's subtree, the two names are coordinated: the
    /// first is the subject, the titled name its `conj`, the conjunction that name's `cc`.
    pub fn repair_double_subject(&mut self) {
        let n = self.nodes.len();
        let mut changed = false;
        for v in 0..n {
            let subjects: Vec<usize> = self
                .children(v)
                .iter()
                .copied()
                .filter(|&k| k < v && self.base_rel(k) == "nsubj")
                .collect();
            let [title, name] = subjects.as_slice() else {
                continue;
            };
            let (title, name) = (*title, *name);
            if self.nodes[title].upos != "NOUN"
                || self.nodes[name].upos != "PROPN"
                || title + 1 != name
            {
                continue;
            }
            let rel = self.nodes[name].deprel.clone();
            self.nodes[title].head = Some(name);
            self.nodes[title].deprel = "compound".to_string();
            changed = true;
            // "Mobutu and rebel leader …": the conjunction in the title's subtree and the
            // proper noun before it.
            let inside = |t: &Tree, k: usize| {
                let mut h = Some(k);
                while let Some(x) = h {
                    if x == title {
                        return true;
                    }
                    h = t.nodes[x].head;
                }
                false
            };
            let Some(cc) = (0..title)
                .rev()
                .find(|&k| self.nodes[k].upos == "CCONJ" && inside(self, k))
            else {
                continue;
            };
            let Some(first) = self
                .children(title)
                .iter()
                .copied()
                .find(|&k| k < cc && self.nodes[k].upos == "PROPN")
            else {
                continue;
            };
            self.nodes[first].head = Some(v);
            self.nodes[first].deprel = rel;
            self.nodes[name].head = Some(first);
            self.nodes[name].deprel = "conj".to_string();
            self.nodes[cc].head = Some(name);
            self.nodes[cc].deprel = "cc".to_string();
            self.rebuild();
            changed = false;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs the second of two coordinated titled names hung on its title ("US President
    /// Donald Trump and North Korean leader Kim Jong Un shook hands", with "leader" a `list`
    /// of "Donald" and "Kim" an `appos` of "leader"): a common noun linked to a proper noun
    /// before it as `list`, `appos`, `conj` or `parataxis`, directly followed by a proper
    /// noun hanging on it, with a coordinating conjunction of its subtree between the two,
    /// is the title of that following name; the name is the `conj` of the first.
    pub fn repair_coordinated_title(&mut self) {
        let n = self.nodes.len();
        let mut changed = false;
        for title in 1..n.saturating_sub(1) {
            let Some(first) = self.nodes[title].head else {
                continue;
            };
            // The name right after the title, headed anywhere in its own words ("Kim Jong
            // Un" may be headed by "Un"), hung on the title or, as a second subject, on
            // the verb the first name is the subject of ("… leader Kim Jong Un held
            // talks").
            let first_head = self.nodes[first].head;
            let Some(name) = (title + 1..n).find(|&k| {
                self.nodes[k].upos == "PROPN"
                    && (self.nodes[k].head == Some(title)
                        || (self.base_rel(k) == "nsubj"
                            && self.base_rel(first) == "nsubj"
                            && self.nodes[k].head.is_some()
                            && self.nodes[k].head == first_head))
                    && (title + 1..k).all(|w| {
                        self.nodes[w].upos == "PROPN"
                            && self.nodes[w].head.is_some_and(|h| h > title && h <= k)
                    })
            }) else {
                continue;
            };
            if self.nodes[title].upos != "NOUN"
                || first >= title
                || self.nodes[first].upos != "PROPN"
                || !matches!(
                    self.base_rel(title),
                    "list" | "appos" | "conj" | "parataxis"
                )
            {
                continue;
            }
            let Some(cc) = (first + 1..title).find(|&k| {
                self.nodes[k].upos == "CCONJ"
                    && self.nodes[k]
                        .head
                        .is_some_and(|h| h == title || h < title && h > k)
            }) else {
                continue;
            };
            self.nodes[name].head = Some(first);
            self.nodes[name].deprel = "conj".to_string();
            self.nodes[title].head = Some(name);
            self.nodes[title].deprel = "compound".to_string();
            self.nodes[cc].head = Some(name);
            self.nodes[cc].deprel = "cc".to_string();
            changed = true;
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs a titled name read as a predicate ("Kishida met Australian Prime Minister
    /// Anthony Albanese in Tokyo on Monday", with "Australian" an `xcomp` of "met" and the
    /// name its apposition): a capitalised adjective (a demonym) as `xcomp` of a verb
    /// without an object, with a proper noun hanging on it after it, is a modifier of that
    /// name, and the name is the verb's object. Then, for any proper-noun object, a phrase
    /// with "in", "on", "at" or "during" hanging on the name belongs to the verb ("met X in
    /// Tokyo on Monday": the time and place of the meeting).
    pub fn repair_titled_object(&mut self) {
        let n = self.nodes.len();
        for a in 0..n {
            let Some(v) = self.nodes[a].head else {
                continue;
            };
            if self.nodes[a].upos != "ADJ"
                || self.nodes[a].deprel != "xcomp"
                || self.nodes[v].upos != "VERB"
                || !self.nodes[a].form.starts_with(|c: char| c.is_uppercase())
                || self.kids_rel(v, "obj").next().is_some()
            {
                continue;
            }
            let Some(name) = self.children(a).iter().copied().find(|&k| {
                k > a
                    && self.nodes[k].upos == "PROPN"
                    && matches!(
                        self.base_rel(k),
                        "appos" | "flat" | "compound" | "list" | "nmod"
                    )
                    && self.case_of(k).is_none()
            }) else {
                continue;
            };
            // The adjective modifies the first word of the name's phrase after it (the title).
            let first = (a + 1..name)
                .find(|&k| self.dominates(name, k))
                .unwrap_or(name);
            for k in 0..n {
                if k != name && self.nodes[k].head == Some(a) && k > a {
                    self.nodes[k].head = Some(name);
                }
            }
            self.nodes[name].head = Some(v);
            self.nodes[name].deprel = "obj".to_string();
            self.nodes[a].head = Some(first);
            self.nodes[a].deprel = "amod".to_string();
        }
        for o in 0..n {
            let Some(v) = self.nodes[o].head else {
                continue;
            };
            if self.nodes[o].upos != "PROPN"
                || self.nodes[o].deprel != "obj"
                || self.nodes[v].upos != "VERB"
            {
                continue;
            }
            let pps: Vec<usize> = self
                .children(o)
                .iter()
                .copied()
                .filter(|&k| {
                    k > o
                        && self.base_rel(k) == "nmod"
                        && self
                            .case_of(k)
                            .is_some_and(|c| matches!(c.as_str(), "in" | "on" | "at" | "during"))
                })
                .collect();
            for k in pps {
                self.nodes[k].head = Some(v);
                self.nodes[k].deprel = "obl".to_string();
            }
        }
        self.rebuild();
    }

    /// Repairs a passive agent hung on a place or time ("were greeted at the airport by
    /// Chang", with "Chang" a `nmod` of "airport"): in a passive clause without an agent, a
    /// "by" phrase naming a proper noun or pronoun inside an adjunct (`obl`) of the verb is
    /// the verb's agent (`obl:agent`). Common nouns keep their attachment ("the attack by
    /// rebels" can modify its noun).
    pub fn repair_passive_agent(&mut self) {
        let mut changed = false;
        for v in 0..self.nodes.len() {
            if self.nodes[v].upos != "VERB"
                || self.kids_rel(v, "aux:pass").next().is_none()
                || self.children(v).iter().any(|&k| {
                    self.nodes[k].deprel == "obl:agent" || self.case_of(k).as_deref() == Some("by")
                })
            {
                continue;
            }
            let agent = self
                .kids_rel(v, "obl")
                .filter(|&o| o > v)
                .flat_map(|o| self.kids_rel(o, "nmod").collect::<Vec<_>>())
                .find(|&n| {
                    matches!(self.nodes[n].upos.as_str(), "PROPN" | "PRON")
                        && self.case_of(n).as_deref() == Some("by")
                });
            if let Some(n) = agent {
                self.nodes[n].head = Some(v);
                self.nodes[n].deprel = "obl:agent".to_string();
                changed = true;
            }
        }
        if changed {
            self.rebuild();
        }
    }

    /// Repairs an active verb misread as a passive participle ("Kenyan troops killed 30
    /// militants" with `troops` as `nsubj:pass`): a verb with a passive subject but no
    /// passive auxiliary and with an object is active, and its subject is `nsubj`.
    pub fn repair_passive_without_auxiliary(&mut self) {
        for v in 0..self.nodes.len() {
            if self.nodes[v].upos != "VERB"
                || self.kids_rel(v, "aux:pass").next().is_some()
                || self.kids_rel(v, "obj").next().is_none()
            {
                continue;
            }
            let subj: Vec<usize> = self.kids_rel(v, "nsubj:pass").collect();
            for k in subj {
                self.nodes[k].deprel = "nsubj".to_string();
            }
        }
    }

    /// Repairs passive labels the parser got wrong: in English a form of "be" before a past
    /// participle (VBN) is the passive auxiliary ("was criticised", "has been halted"),
    /// whatever relation the parser gave it; that verb's plain `nsubj` is then its passive
    /// subject. "get" passives are left to the parser. A form of "be" before a present
    /// participle (VBG) is the progressive: `aux`, with a plain `nsubj`; a past participle
    /// with "have" and no "be" or "get" is an active perfect, with a plain `nsubj`. An
    /// `obl:agent` introduced by another preposition than "by" is a plain `obl`.
    pub fn repair_passive_labels(&mut self) {
        // An agent is introduced by "by": "held with her counterpart" is an oblique.
        for k in 0..self.nodes.len() {
            if self.nodes[k].deprel == "obl:agent" && self.case_of(k).is_some_and(|c| c != "by") {
                self.nodes[k].deprel = "obl".to_string();
            }
        }
        // The converse: "be" before a present participle is the progressive, never a
        // passive ("Gazprom is threatening to cut supplies").
        for v in 0..self.nodes.len() {
            if self.nodes[v].upos != "VERB" || self.nodes[v].xpos != "VBG" {
                continue;
            }
            let pass: Vec<usize> = self
                .children(v)
                .iter()
                .copied()
                .filter(|&k| matches!(self.nodes[k].deprel.as_str(), "aux:pass" | "nsubj:pass"))
                .collect();
            for k in pass {
                self.nodes[k].deprel = if self.nodes[k].deprel == "aux:pass" {
                    "aux"
                } else {
                    "nsubj"
                }
                .to_string();
            }
        }
        for v in 0..self.nodes.len() {
            if self.nodes[v].upos != "VERB" || self.nodes[v].xpos != "VBN" {
                continue;
            }
            let be: Vec<usize> = self
                .kids_rel(v, "aux")
                .filter(|&k| k < v && self.nodes[k].deprel == "aux" && self.nodes[k].lemma == "be")
                .collect();
            if be.is_empty() {
                continue;
            }
            for k in be {
                self.nodes[k].deprel = "aux:pass".to_string();
            }
            let subj: Vec<usize> = self
                .kids_rel(v, "nsubj")
                .filter(|&k| self.nodes[k].deprel == "nsubj")
                .collect();
            for k in subj {
                self.nodes[k].deprel = "nsubj:pass".to_string();
            }
        }
        // A perfect without "be" or "get" is active ("Predator attacks have killed eight
        // leaders", with "attacks" taken for a passive subject).
        for v in 0..self.nodes.len() {
            if self.nodes[v].upos != "VERB" || self.nodes[v].xpos != "VBN" {
                continue;
            }
            let auxes: Vec<usize> = self
                .children(v)
                .iter()
                .copied()
                .filter(|&k| k < v && matches!(self.base_rel(k), "aux"))
                .collect();
            if !auxes.iter().any(|&k| self.nodes[k].lemma == "have")
                || auxes
                    .iter()
                    .any(|&k| matches!(self.nodes[k].lemma.as_str(), "be" | "get"))
            {
                continue;
            }
            for k in self.children(v).to_vec() {
                match self.nodes[k].deprel.as_str() {
                    "nsubj:pass" => self.nodes[k].deprel = "nsubj".to_string(),
                    "aux:pass" => self.nodes[k].deprel = "aux".to_string(),
                    _ => {}
                }
            }
        }
    }

    /// Index of the word whose byte span contains body offset `byte`.
    pub fn word_at(&self, byte: usize) -> Option<usize> {
        self.nodes
            .iter()
            .position(|w| w.start <= byte && byte < w.end)
    }

    /// Builds a tree from CoNLL-U-like lines `ID FORM LEMMA UPOS HEAD DEPREL [XPOS]`
    /// (whitespace separated, 1-based ids, head 0 = root), with byte offsets computed as if the words
    /// were joined by single spaces starting at `base`. For tests and debugging.
    ///
    /// Errors: a line with fewer than six fields or a non-numeric head.
    pub fn from_conll(text: &str, base: usize) -> Result<Tree, String> {
        let mut nodes = Vec::new();
        let mut off = base;
        for (ln, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() < 6 {
                return Err(format!("line {}: expected 6 fields", ln + 1));
            }
            let head: usize = f[4]
                .parse()
                .map_err(|_| format!("line {}: head `{}` is not a number", ln + 1, f[4]))?;
            nodes.push(Node {
                start: off,
                end: off + f[1].len(),
                form: f[1].to_string(),
                lemma: f[2].to_lowercase(),
                upos: f[3].to_string(),
                xpos: f.get(6).map_or(String::new(), |x| x.to_string()),
                head: head.checked_sub(1),
                deprel: f[5].to_string(),
            });
            off += f[1].len() + 1;
        }
        Ok(Tree::new(nodes))
    }
}

/// Irregular verb forms and their lemmas (`data/irregular_verbs.tsv`): lower-case form →
/// lemma, for verbs the lemmatiser never saw ("fled" → "flee").
pub type IrregularVerbs = std::collections::HashMap<String, String>;

/// Reads `irregular_verbs.tsv` (`(file name, contents)`; columns form, lemma).
///
/// Errors: the first bad line as `file:line: message`.
pub fn parse_irregular_verbs(
    file: (&str, &str),
) -> Result<IrregularVerbs, crate::error::DataError> {
    let mut out = IrregularVerbs::new();
    for (ln, f) in crate::error::tsv_rows(file.1, file.0, &["form", "lemma"])? {
        if f[0].is_empty() || f[1].is_empty() || f[0] != f[0].to_lowercase() {
            return Err(crate::error::DataError::new(
                file.0,
                ln,
                "form and lemma must be non-empty, the form lower case",
            ));
        }
        out.insert(f[0].to_string(), f[1].to_string());
    }
    Ok(out)
}

/// Adds the regular inflections of each verb lemma in `lemmas` to `irregular` (form →
/// lemma): third person "-s"/"-es"/"-ies", past "-ed"/"-d"/"-ied" and "-ing", with the final
/// consonant doubled after a single short vowel ("slammed"; both spellings for longer verbs:
/// "kidnapped", "kidnaped"). The lemmatiser's suffix rules, learned from the treebank, miss
/// forms of verbs the event dictionaries rely on ("shelled" → "shel", "resumed" → "resum",
/// "probed" → "pro"); this makes every dictionary verb recognisable in all its regular
/// forms. Forms already listed are kept, and a form two lemmas would claim is left out.
/// Rules: standard English spelling of regular inflection.
pub fn add_regular_forms<'a>(
    irregular: &mut IrregularVerbs,
    lemmas: impl IntoIterator<Item = &'a str>,
) {
    let mut claimed: std::collections::HashMap<String, Option<String>> =
        std::collections::HashMap::new();
    for l in lemmas {
        for f in regular_forms(l) {
            let e = claimed.entry(f).or_insert_with(|| Some(l.to_string()));
            if e.as_deref() != Some(l) {
                *e = None;
            }
        }
    }
    for (form, lemma) in claimed {
        if let Some(lemma) = lemma {
            irregular.entry(form).or_insert(lemma);
        }
    }
}

/// The regular inflected forms of verb lemma `l` (lower-case ASCII letters and inner
/// hyphens, else none).
fn regular_forms(l: &str) -> Vec<String> {
    let b = l.as_bytes();
    let n = b.len();
    // Letters, with inner hyphens allowed ("co-chair" → "co-chaired").
    if n < 2
        || !b.iter().all(|&c| c.is_ascii_lowercase() || c == b'-')
        || !b[0].is_ascii_lowercase()
        || !b[n - 2..].iter().all(u8::is_ascii_lowercase)
    {
        return Vec::new();
    }
    let vowel = |c: u8| b"aeiou".contains(&c);
    let stem = &l[..n - 1];
    let consonant_y = b[n - 1] == b'y' && !vowel(b[n - 2]);
    let mut v = Vec::new();
    if l.ends_with(['s', 'x', 'z']) || l.ends_with("ch") || l.ends_with("sh") {
        v.push(format!("{l}es"));
    } else if consonant_y {
        v.push(format!("{stem}ies"));
    } else {
        v.push(format!("{l}s"));
    }
    if l.ends_with('e') {
        v.push(format!("{l}d"));
        if matches!(b[n - 2], b'e' | b'o' | b'y') {
            v.push(format!("{l}ing"));
        } else {
            v.push(format!("{stem}ing"));
        }
    } else if consonant_y {
        v.push(format!("{stem}ied"));
        v.push(format!("{l}ing"));
    } else {
        let cvc = n >= 3
            && !vowel(b[n - 1])
            && !b"wxy".contains(&b[n - 1])
            && vowel(b[n - 2])
            && !vowel(b[n - 3]);
        let syllables =
            b.windows(2).filter(|w| !vowel(w[0]) && vowel(w[1])).count() + usize::from(vowel(b[0]));
        if cvc {
            let d = b[n - 1] as char;
            v.push(format!("{l}{d}ed"));
            v.push(format!("{l}{d}ing"));
        }
        if !cvc || syllables > 1 {
            v.push(format!("{l}ed"));
            v.push(format!("{l}ing"));
        }
    }
    v
}

/// Parses the sentences of `doc` for which `wanted(index)` is true; the others (and
/// datelines) get an empty tree. Words come from [`crate::parse::tokenize`] (UD English EWT
/// conventions: "Trump's" → "Trump" + "'s"); a verb whose form is in `irregular` takes the
/// lemma given there. `names` are `[start, end)` **byte** offsets into the body of
/// multi-word personal names the actor stage found ("Andres Manuel Lopez Obrador"): a
/// capitalised word inside one that the tagger reads as a verb is a proper noun.
pub fn parse_document(
    model: &Model,
    doc: &Document,
    irregular: &IrregularVerbs,
    wanted: &dyn Fn(usize) -> bool,
    names: &[(usize, usize)],
) -> Vec<Tree> {
    doc.sentences
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if s.dateline || !wanted(i) {
                return Tree::default();
            }
            parse_sentence_named(model, &s.text, s.start, irregular, names)
        })
        .collect()
}

/// Parses one sentence `text` into a [`Tree`] whose node offsets are `base` + byte offsets
/// into `text` (so `base` = the sentence's offset in the body gives body offsets).
pub fn parse_sentence(model: &Model, text: &str, base: usize, irregular: &IrregularVerbs) -> Tree {
    parse_sentence_named(model, text, base, irregular, &[])
}

/// [`parse_sentence`] knowing the byte spans (`[start, end)`, body offsets as `base` +
/// offsets into `text`) of multi-word personal names, whose capitalised words the tagger
/// read as verbs are retagged proper nouns (`PROPN`/`NNP`) before parsing ("Mexican
/// President Andres Manuel Lopez Obrador", "Andres" read as a verb "andre" + "s").
pub fn parse_sentence_named(
    model: &Model,
    text: &str,
    base: usize,
    irregular: &IrregularVerbs,
    names: &[(usize, usize)],
) -> Tree {
    let spans = crate::parse::tokenize(text);
    let in_name = |i: usize| {
        let (a, b) = spans[i];
        names.iter().any(|&(s, e)| s <= base + a && base + b <= e)
    };
    let words: Vec<&str> = spans.iter().map(|&(a, b)| &text[a..b]).collect();
    let parsed = model.parse_retagged(&words, |w, tags| {
        let mut fixes = past_tense_misread(w, tags, irregular);
        fixes.extend(subjunctive_misread(w, tags, |form| {
            if model.seen_as(form, "VB")
                || regular_forms(form)
                    .first()
                    .is_some_and(|f| irregular.get(f).is_some_and(|l| l == form))
            {
                Lexical::BaseVerb
            } else if model.knows(form) {
                Lexical::Other
            } else {
                Lexical::Unknown
            }
        }));
        fixes.extend(neighbouring_misread(w, tags));
        fixes.extend(attributive_participle_misread(w, tags));
        fixes.extend((0..w.len()).filter_map(|i| {
            let capitalised = w[i].chars().next().is_some_and(char::is_uppercase);
            (capitalised && tags[i].0 == crate::parse::Upos::Verb && in_name(i)).then_some((
                i,
                crate::parse::Upos::Propn,
                "NNP",
            ))
        }));
        fixes.extend(infinitive_misread(w, tags, |form| {
            model.seen_as(form, "VB")
                || regular_forms(form)
                    .first()
                    .is_some_and(|f| irregular.get(f).is_some_and(|l| l == form))
        }));
        fixes
    });
    let nodes: Vec<Node> = parsed
        .into_iter()
        .zip(&spans)
        .map(|(w, &(a, b))| Node {
            start: base + a,
            end: base + b,
            lemma: match irregular.get(&w.form.to_lowercase()) {
                Some(l) if w.upos.as_str() == "VERB" => l.clone(),
                _ => w.lemma.to_lowercase(),
            },
            form: w.form,
            upos: w.upos.as_str().to_string(),
            xpos: w.xpos,
            head: w.head,
            deprel: w.deprel,
        })
        .collect();
    let mut nodes = nodes;
    retag_known_past_tense(&mut nodes, irregular);
    let mut tree = Tree::new(nodes);
    tree.repair_passive_labels();
    tree.repair_that_complementizer();
    tree.repair_quote_subjects();
    tree.repair_with_phrase_as_subject();
    tree.repair_case_on_modifier();
    tree.repair_possessor_object();
    tree.repair_clause_on_time_word();
    tree.repair_participle_subject();
    tree.repair_reduced_relative();
    tree.repair_saying_participle();
    tree.repair_expletive_of_control_adjective();
    tree.repair_conjunct_of_reported_clause();
    tree.repair_fronted_adjunct();
    tree.repair_subject_before_time();
    tree.repair_root_before_time_and_verb();
    tree.repair_object_before_time();
    tree.repair_object_after_time();
    tree.repair_time_word_on_object();
    tree.repair_caseless_oblique();
    tree.repair_split_subject();
    tree.repair_adjacent_verb_conjunct();
    tree.repair_shifted_object();
    tree.repair_compound_on_verb();
    tree.repair_subordinate_subject();
    tree.repair_coordinated_apposition();
    tree.repair_hyphenated_modifier();
    tree.repair_hyphenated_participle();
    tree.repair_possessed_participle();
    tree.repair_up_to_number();
    tree.repair_nominal_adverbial_clause();
    tree.repair_name_before_verb();
    tree.repair_titled_object();
    tree.repair_passive_without_auxiliary();
    tree.repair_passive_agent();
    tree.repair_verbless_root();
    tree.repair_of_phrase_subject();
    tree.repair_appositive_subject();
    tree.repair_call_object();
    tree.repair_titled_subject();
    tree.repair_double_subject();
    tree.repair_coordinated_title();
    tree
}

/// The root of a parse that has no verb at its top: a noun or proper noun without a copula
/// or auxiliary dependent (a copular "X is a Y" is a well-formed nominal root). `None` for
/// any other parse.
fn verbless_nominal_root(nodes: &[Node]) -> Option<usize> {
    let r = nodes.iter().position(|n| n.head.is_none())?;
    let copula = nodes.iter().any(|n| {
        n.head == Some(r) && (n.deprel.split(':').next() == Some("cop") || n.upos == "AUX")
    });
    (matches!(nodes[r].upos.as_str(), "NOUN" | "PROPN") && !copula).then_some(r)
}

/// Past tenses of dictionary verbs the tagger misread, to be retagged `VERB`/`VBD` before
/// parsing ([`Model::parse_retagged`]); `irregular` holds every form of the dictionary
/// verbs with its lemma. Two kinds:
/// - read as an adjective or a participle: a form in "-ed" right after a plural noun or a
///   name, before a number, a determiner or a possessive (a participle also before a plural
///   noun that is no time word), with no finite verb before it ("Irish guerrillas wounded
///   two British soldiers" read as "wounded two soldiers", "police in Jericho confiscated
///   weapons" read as "confiscated weapons");
/// - read as a noun: a lower-case past form (in "-ed", or irregular: "met", "held") right
///   after a number, a plural noun, a name or a personal pronoun, and before a preposition,
///   determiner, name, pronoun, number, adverb, plural noun or punctuation ("when the two
///   met in Singapore", "Kim Jong Un shook hands").
///
/// Besides, a present tense read as a noun or adjective: the dictionary verb's lemma itself, first
/// verb of the sentence, after a plural noun or name or a plural/first/second person
/// pronoun and before a determiner, adjective, possessive, name, number or participle
/// ("The Palestinians reject proposed Israeli changes", retagged `VERB`/`VBP`).
fn past_tense_misread(
    words: &[&str],
    tags: &[(crate::parse::Upos, &str)],
    irregular: &IrregularVerbs,
) -> Vec<(usize, crate::parse::Upos, &'static str)> {
    use crate::parse::Upos;
    let mut out = Vec::new();
    let mut finite_before = false;
    for i in 1..words.len().saturating_sub(1) {
        let (u, x) = tags[i];
        let (prev, next) = (tags[i - 1].1, tags[i + 1].1);
        let form = words[i].to_lowercase();
        let past = irregular.get(&form).is_some_and(|l| {
            *l != form && (form.ends_with("ed") || !(form.ends_with('s') || form.ends_with("ing")))
        });
        // A participle cannot take a direct object, so one read as a reduced relative
        // before a plural noun is a past tense too ("police in Jericho confiscated weapons"),
        // unless that noun is a time ("sanctions imposed months ago").
        let time_next = || {
            let w = words[i + 1].to_lowercase();
            crate::text::TIME_NOUNS.contains(&w.strip_suffix('s').unwrap_or(&w))
        };
        let as_adjective = (u == Upos::Adj || (u == Upos::Verb && x == "VBN"))
            && form.ends_with("ed")
            && !finite_before
            && matches!(prev, "NNS" | "NNPS" | "NNP")
            && (matches!(next, "CD" | "DT" | "PRP$")
                || (u == Upos::Verb && next == "NNS" && !time_next()));
        let as_noun = u == Upos::Noun
            && words[i] == form
            && matches!(prev, "CD" | "NNS" | "NNPS" | "NNP" | "PRP")
            && matches!(
                next,
                "IN" | "DT" | "NNP" | "PRP" | "CD" | "RB" | "TO" | "," | "." | "NNS"
            );
        if past && (as_adjective || as_noun) {
            out.push((i, Upos::Verb, "VBD"));
        }
        // A present tense with a plural subject ("The Palestinians reject proposed
        // Israeli changes"): the lemma itself, read as a noun, first verb of the clause.
        let plural_subject = matches!(prev, "NNS" | "NNPS")
            || (prev == "PRP"
                && matches!(
                    words[i - 1].to_lowercase().as_str(),
                    "we" | "they" | "i" | "you"
                ));
        if matches!(u, Upos::Noun | Upos::Adj)
            && !finite_before
            && words[i] == form
            && plural_subject
            && matches!(next, "DT" | "JJ" | "PRP$" | "NNP" | "NNPS" | "CD" | "VBN")
            && regular_forms(&form)
                .first()
                .is_some_and(|f| irregular.get(f).is_some_and(|l| *l == form))
        {
            out.push((i, Upos::Verb, "VBP"));
        }
        finite_before |= matches!(x, "VBD" | "VBZ" | "VBP" | "MD");
    }
    out
}

/// What the lexicons say about a word, for retagging rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lexical {
    /// A verb's base form (the tagger saw it as `VB`, or it is a dictionary verb's lemma).
    BaseVerb,
    /// A word the tagger knows, never as a base-form verb.
    Other,
    /// A word the tagger never saw (twice).
    Unknown,
}

/// Base-form verbs after "that" and a noun-phrase subject that the tagger misread as a noun,
/// preposition or adjective, to be retagged `VERB`/`VB` before parsing: the mandative
/// subjunctive of demands and proposals ("demanded that Hamas renounce its armed struggle",
/// "demanding that President Mugabe abandon his policy"), which news English uses often
/// and the treebank rarely. The word must follow complementiser "that" (`IN`) and a short noun phrase
/// (determiners, adjectives, nouns, names, possessives; ending in a noun, name or
/// pronoun), come before a determiner, possessive, adjective, noun, number, particle or
/// adverb (its object), and have no finite verb after it in its clause (up to a comma,
/// semicolon or the end): "that the Hamas attack on Israel was planned" keeps its noun.
/// `lexical(form)` classes the word ([`Lexical`]); a word the tagger never saw counts as
/// a verb when it was tagged a preposition (every preposition is in the lexicon) or comes
/// right before a determiner or possessive ("that Hamas renounce its …").
/// Forms of verbs that take a to-infinitive of their own subject's act (English control
/// verbs of intent and attempt), for [`infinitive_misread`].
const CONTROL_VERB_FORMS: &[&str] = &[
    "threaten",
    "threatened",
    "threatens",
    "vow",
    "vowed",
    "vows",
    "pledge",
    "pledged",
    "pledges",
    "promise",
    "promised",
    "promises",
    "agree",
    "agreed",
    "agrees",
    "decide",
    "decided",
    "decides",
    "refuse",
    "refused",
    "refuses",
    "plan",
    "planned",
    "plans",
    "offer",
    "offered",
    "offers",
    "want",
    "wanted",
    "wants",
    "seek",
    "sought",
    "seeks",
    "try",
    "tried",
    "tries",
    "hope",
    "hoped",
    "hopes",
    "fail",
    "failed",
    "fails",
    "intend",
    "intended",
    "intends",
    "decline",
    "declined",
    "declines",
    "attempt",
    "attempted",
    "attempts",
];

/// "to" + a verb read as a preposition and a noun after a verb of intent, with a time
/// phrase between ("Hamas threatened on Monday to resume attacks", with "to resume" taken
/// for "to [the] resume"): when a control verb stands at most four words before "to" and
/// the word after "to" is a base-form verb in the training data (`is_base_verb`), "to" is
/// the infinitive marker (`PART`/`TO`) and the word a verb (`VERB`/`VB`), retagged before
/// parsing. Returns (index, UPOS, XPOS) as [`Model::parse_retagged`] takes them.
fn infinitive_misread(
    words: &[&str],
    tags: &[(crate::parse::Upos, &str)],
    is_base_verb: impl Fn(&str) -> bool,
) -> Vec<(usize, crate::parse::Upos, &'static str)> {
    use crate::parse::Upos;
    let mut out = Vec::new();
    for i in 1..words.len().saturating_sub(1) {
        if !words[i].eq_ignore_ascii_case("to")
            || tags[i].1 != "IN"
            || tags[i + 1].0 != Upos::Noun
            || !is_base_verb(&words[i + 1].to_lowercase())
        {
            continue;
        }
        let control = (i.saturating_sub(4)..i).any(|j| {
            tags[j].0 == Upos::Verb
                && CONTROL_VERB_FORMS.contains(&words[j].to_lowercase().as_str())
        });
        if control {
            out.push((i, Upos::Part, "TO"));
            out.push((i + 1, Upos::Verb, "VB"));
        }
    }
    out
}

/// Participles that before a noun are adjectives of doubt or record ("extradited suspected
/// militant X", "the alleged plotters"), which the tagger reads as verbs taking the noun as
/// their object: retagged `ADJ`/`JJ` before parsing when a noun or adjective follows and no
/// subject or auxiliary precedes ("police suspected militants", "was accused of" stay verbs).
/// `words` and `tags` as in [`Model::parse_retagged`]; returns (index, UPOS, XPOS).
fn attributive_participle_misread(
    words: &[&str],
    tags: &[(crate::parse::Upos, &str)],
) -> Vec<(usize, crate::parse::Upos, &'static str)> {
    use crate::parse::Upos;
    (1..words.len().saturating_sub(1))
        .filter(|&i| {
            matches!(
                words[i].to_lowercase().as_str(),
                "suspected" | "alleged" | "purported" | "presumed" | "reputed"
            ) && tags[i].0 == Upos::Verb
                && matches!(tags[i + 1].1, "JJ" | "NN" | "NNS" | "NNP" | "NNPS")
                && matches!(
                    tags[i - 1].1,
                    "VBD" | "VBN" | "VBZ" | "VBP" | "VB" | "DT" | "IN" | "PRP$"
                )
                && !matches!(
                    words[i - 1].to_lowercase().as_str(),
                    "was"
                        | "were"
                        | "is"
                        | "are"
                        | "been"
                        | "be"
                        | "being"
                        | "had"
                        | "has"
                        | "have"
                        | "having"
                )
        })
        .map(|i| (i, Upos::Adj, "JJ"))
        .collect()
}

/// "neighbouring" before a name is an adjective ("from neighboring Lebanon"), which the
/// tagger reads as a verb taking the name as its object: retagged `ADJ`/`JJ` before
/// parsing. `words` and `tags` as in [`Model::parse_retagged`]; returns (index, UPOS, XPOS).
fn neighbouring_misread(
    words: &[&str],
    tags: &[(crate::parse::Upos, &str)],
) -> Vec<(usize, crate::parse::Upos, &'static str)> {
    use crate::parse::Upos;
    (0..words.len().saturating_sub(1))
        .filter(|&i| {
            matches!(
                words[i].to_lowercase().as_str(),
                "neighboring" | "neighbouring"
            ) && tags[i].0 == Upos::Verb
                && words[i + 1].chars().next().is_some_and(char::is_uppercase)
        })
        .map(|i| (i, Upos::Adj, "JJ"))
        .collect()
}

fn subjunctive_misread(
    words: &[&str],
    tags: &[(crate::parse::Upos, &str)],
    lexical: impl Fn(&str) -> Lexical,
) -> Vec<(usize, crate::parse::Upos, &'static str)> {
    use crate::parse::Upos;
    let mut out = Vec::new();
    for i in 2..words.len().saturating_sub(1) {
        let (u, _) = tags[i];
        if !matches!(u, Upos::Noun | Upos::Adp | Upos::Adj)
            || words[i].chars().any(|c| !c.is_ascii_lowercase())
            || words[i].ends_with('s')
            || !matches!(
                tags[i + 1].1,
                "DT" | "PRP$" | "JJ" | "NN" | "NNS" | "NNP" | "NNPS" | "CD" | "RP" | "RB"
            )
        {
            continue;
        }
        // A noun phrase back to "that".
        let mut j = i;
        let mut subject = false;
        while j > 0 {
            j -= 1;
            match tags[j].1 {
                "NN" | "NNS" | "NNP" | "NNPS" | "PRP" if j == i - 1 => subject = true,
                "NN" | "NNS" | "NNP" | "NNPS" | "DT" | "JJ" | "POS" | "PRP$" | "CD" => {}
                _ => break,
            }
            if i - j > 6 {
                subject = false;
                break;
            }
        }
        let that =
            words[j].eq_ignore_ascii_case("that") && matches!(tags[j].1, "IN" | "WDT") && j + 1 < i;
        let finite_after = || {
            tags[i + 1..]
                .iter()
                .take_while(|t| !matches!(t.1, "," | ":" | "."))
                .any(|t| matches!(t.1, "VBD" | "VBZ" | "VBP" | "MD"))
        };
        // The lexicon lookups last: most words fail the cheaper tests above.
        let verb = || match lexical(words[i]) {
            Lexical::BaseVerb => true,
            Lexical::Unknown => u == Upos::Adp || matches!(tags[i + 1].1, "DT" | "PRP$"),
            Lexical::Other => false,
        };
        if subject && that && !finite_after() && verb() {
            out.push((j, Upos::Sconj, "IN"));
            out.push((i, Upos::Verb, "VB"));
        }
    }
    out
}

/// In a parse with a nominal root and no copula or auxiliary, an adjectival modifier (an
/// adjective or a participle, "Israeli tanks shelled positions near Rafah") that the verb lexicon (`irregular`, which holds every form of the dictionary verbs) knows as
/// a past tense ending in "-ed", right after a noun or name, is retagged as a finite verb
/// (`VERB`/`VBD`, with its lemma): "Pahad co-chaired peace talks" read as a noun phrase.
/// [`Tree::repair_verbless_root`] then makes it the root.
fn retag_known_past_tense(nodes: &mut [Node], irregular: &IrregularVerbs) {
    if verbless_nominal_root(nodes).is_none() {
        return;
    }
    for i in 1..nodes.len() {
        let form = nodes[i].form.to_lowercase();
        if (nodes[i].upos == "ADJ" || (nodes[i].upos == "VERB" && nodes[i].xpos == "VBN"))
            && nodes[i].deprel == "amod"
            && nodes[i].head.is_some_and(|h| h > i)
            && matches!(nodes[i - 1].upos.as_str(), "NOUN" | "PROPN" | "PRON")
            && form.ends_with("ed")
            && let Some(lemma) = irregular.get(&form)
        {
            nodes[i].upos = "VERB".to_string();
            nodes[i].xpos = "VBD".to_string();
            nodes[i].lemma = lemma.clone();
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree of CoNLL-like `conll` (see [`Tree::from_conll`]) after one `repair`.
    /// Word `i`'s head and relation, to compare in one assertion.
    fn arc(t: &Tree, i: usize) -> (Option<usize>, &str) {
        (t.head(i), t.nodes[i].deprel.as_str())
    }

    fn repaired(conll: &str, repair: fn(&mut Tree)) -> Tree {
        let mut t = Tree::from_conll(conll, 0).expect("test tree");
        repair(&mut t);
        t
    }

    #[test]
    fn conll_builds_children_and_offsets() {
        let t = Tree::from_conll(
            "1 Trump trump PROPN 2 nsubj\n2 met meet VERB 0 root\n3 Putin putin PROPN 2 obj",
            10,
        )
        .unwrap();
        assert_eq!(t.children(1), &[0, 2]);
        assert_eq!(t.nodes[2].start, 10 + 10);
        assert_eq!(t.word_at(10 + 6), Some(1));
        assert!(t.dominates(1, 2));
        assert!(!t.dominates(2, 1));
    }

    #[test]
    fn cycles_and_bad_heads_are_cut() {
        let t = Tree::from_conll("1 a a X 2 dep\n2 b b X 1 dep\n3 c c X 9 dep", 0).unwrap();
        assert!(t.nodes.iter().any(|n| n.head.is_none()));
        assert_eq!(t.head(2), None);
        assert!(!t.dominates(0, 2));
    }

    #[test]
    fn name_cut_off_from_its_descriptor() {
        let t = repaired(
            "1 rights right NOUN 2 compound\n2 group group NOUN 5 nsubj:pass\n3 Human Human PROPN 5 compound\n4 Watch Watch PROPN 5 compound\n5 accused accuse VERB 0 root\n6 Russia Russia PROPN 5 obj",
            Tree::repair_name_before_verb,
        );
        assert_eq!(t.head(3), Some(4));
        assert_eq!(t.nodes[3].deprel, "nsubj");
        assert_eq!(t.head(2), Some(3));
        assert_eq!(t.head(1), Some(3));
        assert_eq!(t.nodes[1].deprel, "compound");
        // A verb with a particle ("compound:prt") is left alone.
        let t = repaired(
            "1 Russia Russia PROPN 2 nsubj\n2 called call VERB 0 root\n3 off off ADP 2 compound:prt\n4 talks talk NOUN 2 obj",
            Tree::repair_name_before_verb,
        );
        assert_eq!(t.nodes[0].deprel, "nsubj");
        assert_eq!(t.head(0), Some(1));
    }

    #[test]
    fn day_read_as_a_modifier_of_the_object_goes_to_the_verb() {
        // "Beirut rejected Thursday a United Nations appeal"
        let t = repaired(
            "1 Beirut Beirut PROPN 2 nsubj\n2 rejected reject VERB 0 root\n3 Thursday Thursday PROPN 7 compound\n4 a a DET 7 det\n5 United United ADJ 6 amod\n6 Nations Nation PROPN 7 compound\n7 appeal appeal ADJ 2 xcomp",
            Tree::repair_time_word_on_object,
        );
        assert_eq!(arc(&t, 2), (Some(1), "obl:tmod"));
        assert_eq!(arc(&t, 6), (Some(1), "obj"));
        assert_eq!(t.nodes[6].upos, "NOUN");
        // A day naming the thing stays: "observed Thursday prayers" has no article between.
        let t = repaired(
            "1 they they PRON 2 nsubj\n2 observed observe VERB 0 root\n3 Thursday Thursday PROPN 4 compound\n4 prayers prayer NOUN 2 obj",
            Tree::repair_time_word_on_object,
        );
        assert_eq!(arc(&t, 2), (Some(3), "compound"));
    }

    #[test]
    fn subjectless_past_clause_after_a_noun_is_a_reduced_relative() {
        // "told a press conference here held along with his counterpart Fino"
        let t = repaired(
            "1 Prodi Prodi PROPN 2 nsubj\n2 told tell VERB 0 root\n3 a a DET 5 det\n4 press press NOUN 5 compound\n5 conference conference NOUN 2 iobj\n6 here here ADV 5 advmod\n7 held hold VERB 2 ccomp VBD\n8 with with ADP 9 case\n9 Fino Fino PROPN 7 obl\n10 that that SCONJ 12 mark\n11 it it PRON 12 nsubj\n12 ended end VERB 7 ccomp",
            Tree::repair_reduced_relative,
        );
        assert_eq!(arc(&t, 6), (Some(4), "acl"));
        assert_eq!(arc(&t, 11), (Some(1), "ccomp"));
        assert_eq!(t.nodes[6].xpos, "VBN");
        // With a subject it is a clause: "told reporters he met Fino".
        let t = repaired(
            "1 Prodi Prodi PROPN 2 nsubj\n2 told tell VERB 0 root\n3 reporters reporter NOUN 2 iobj\n4 he he PRON 5 nsubj\n5 met meet VERB 2 ccomp VBD\n6 Fino Fino PROPN 5 obj",
            Tree::repair_reduced_relative,
        );
        assert_eq!(arc(&t, 4), (Some(1), "ccomp"));
        // With an object of its own, the noun before is its subject.
        let t = repaired(
            "1 leader leader NOUN 2 nsubj\n2 said say VERB 0 root\n3 Moscow Moscow PROPN 2 obj\n4 still still ADV 5 advmod\n5 wanted want VERB 2 ccomp VBD\n6 causes cause NOUN 5 obj",
            Tree::repair_reduced_relative,
        );
        assert_eq!(arc(&t, 2), (Some(4), "nsubj"));
        assert_eq!(arc(&t, 4), (Some(1), "ccomp"));
    }

    #[test]
    fn preposition_on_a_name_modifier_goes_to_the_name() {
        // "held with his Albanian counterpart Bashkim Fino"
        let t = repaired(
            "1 held hold VERB 0 root\n2 with with ADP 5 case\n3 his his PRON 5 nmod:poss\n4 Albanian Albanian ADJ 5 amod\n5 counterpart counterpart NOUN 6 compound\n6 Bashkim Bashkim PROPN 7 compound\n7 Fino Fino PROPN 1 obl",
            Tree::repair_case_on_modifier,
        );
        assert_eq!(arc(&t, 1), (Some(6), "case"));
        assert_eq!(t.case_of(6).as_deref(), Some("with"));
        // A preposition inside a modifier phrase stays: "the Bank of England governor".
        let t = repaired(
            "1 the the DET 5 det\n2 Bank Bank PROPN 5 compound\n3 of of ADP 4 case\n4 England England PROPN 2 nmod\n5 governor governor NOUN 0 root",
            Tree::repair_case_on_modifier,
        );
        assert_eq!(arc(&t, 2), (Some(3), "case"));
    }

    #[test]
    fn subjects_inside_a_fronted_quotation_are_no_subjects() {
        let t = repaired(
            "1 “ “ PUNCT 6 punct\n2 China China PROPN 6 nsubj\n3 benefits benefit NOUN 6 nsubj\n4 ” ” PUNCT 3 punct\n5 Xi Xi PROPN 6 nsubj\n6 told tell VERB 0 root\n7 Trump Trump PROPN 6 iobj",
            Tree::repair_quote_subjects,
        );
        assert_eq!(arc(&t, 1), (Some(5), "dep"));
        assert_eq!(arc(&t, 2), (Some(5), "dep"));
        assert_eq!(arc(&t, 4), (Some(5), "nsubj"));
    }

    #[test]
    fn with_phrase_read_as_a_subject_goes_to_the_noun() {
        // "told a news conference with President Macron that Europe must spend"
        let t = repaired(
            "1 Scholz Scholz PROPN 2 nsubj\n2 told tell VERB 0 root\n3 a a DET 4 det\n4 conference conference NOUN 2 obj\n5 with with ADP 10 mark\n6 President President PROPN 7 nmod:desc\n7 Macron Macron PROPN 10 nsubj\n8 that that PRON 10 mark\n9 Europe Europe PROPN 10 nsubj\n10 spend spend VERB 2 ccomp",
            Tree::repair_with_phrase_as_subject,
        );
        assert_eq!(arc(&t, 6), (Some(3), "nmod"));
        assert_eq!(arc(&t, 4), (Some(6), "case"));
        assert_eq!(arc(&t, 8), (Some(9), "nsubj"));
    }

    #[test]
    fn second_verb_of_saying_clause_goes_to_the_verb_of_saying() {
        // "The leader said Moscow wanted peace, and warned Kyiv"
        let t = repaired(
            "1 leader leader NOUN 2 nsubj\n2 said say VERB 0 root VBD\n3 Moscow Moscow PROPN 4 nsubj\n4 wanted want VERB 2 ccomp VBD\n5 peace peace NOUN 4 obj\n6 , , PUNCT 8 punct\n7 and and CCONJ 8 cc\n8 warned warn VERB 4 conj VBD\n9 Kyiv Kyiv PROPN 8 obj",
            Tree::repair_conjunct_of_reported_clause,
        );
        assert_eq!(arc(&t, 7), (Some(1), "conj"));
        // Without the comma the reported clause keeps it: "said Moscow wanted peace and
        // feared war".
        let t = repaired(
            "1 leader leader NOUN 2 nsubj\n2 said say VERB 0 root VBD\n3 Moscow Moscow PROPN 4 nsubj\n4 wanted want VERB 2 ccomp VBD\n5 peace peace NOUN 4 obj\n6 and and CCONJ 7 cc\n7 feared fear VERB 4 conj VBD\n8 war war NOUN 7 obj",
            Tree::repair_conjunct_of_reported_clause,
        );
        assert_eq!(arc(&t, 6), (Some(3), "conj"));
    }

    #[test]
    fn subject_read_as_root_before_a_time_word_and_its_verb() {
        // "A top US official today praised Haiti"
        let t = repaired(
            "1 A a DET 4 det\n2 top top ADJ 4 amod\n3 US US PROPN 4 compound\n4 official official ADJ 0 root\n5 today today NOUN 6 obl:unmarked\n6 praised praise VERB 4 acl VBN\n7 Haiti Haiti PROPN 6 obj\n8 . . PUNCT 4 punct",
            Tree::repair_root_before_time_and_verb,
        );
        assert_eq!(arc(&t, 5), (None, "root"));
        assert_eq!(arc(&t, 3), (Some(5), "nsubj"));
        assert_eq!(arc(&t, 7), (Some(5), "punct"));
        // A participle modifying a noun after a time phrase stays: "the talks yesterday
        // held in Doha" has a preposition-less time word but no past tense of its own.
        let t = repaired(
            "1 talks talk NOUN 0 root\n2 yesterday yesterday NOUN 3 obl:unmarked\n3 held hold VERB 1 acl VBG",
            Tree::repair_root_before_time_and_verb,
        );
        assert_eq!(arc(&t, 2), (Some(0), "acl"));
    }

    #[test]
    fn possessor_read_as_the_object_gives_way_to_the_thing_possessed() {
        // "welcomed President Joe Biden's latest statement"
        let t = repaired(
            "1 France France PROPN 2 nsubj\n2 welcomed welcome VERB 0 root\n3 President President PROPN 4 nmod:desc\n4 Joe Joe PROPN 2 obj\n5 Biden Biden PROPN 4 flat\n6 's 's PART 5 case\n7 latest late ADJ 8 amod\n8 statement statement NOUN 4 list",
            Tree::repair_possessor_object,
        );
        assert_eq!(arc(&t, 7), (Some(1), "obj"));
        assert_eq!(arc(&t, 3), (Some(7), "nmod:poss"));
        // Without the possessive the name stays the object: "welcomed Joe Biden, president".
        let t = repaired(
            "1 France France PROPN 2 nsubj\n2 welcomed welcome VERB 0 root\n3 Joe Joe PROPN 2 obj\n4 Biden Biden PROPN 3 flat\n5 president president NOUN 3 appos",
            Tree::repair_possessor_object,
        );
        assert_eq!(arc(&t, 2), (Some(1), "obj"));
    }

    #[test]
    fn agent_without_by_is_an_oblique() {
        let t = repaired(
            "1 conference conference NOUN 0 root\n2 held hold VERB 1 acl VBN\n3 with with ADP 4 case\n4 Rama Rama PROPN 2 obl:agent",
            Tree::repair_passive_labels,
        );
        assert_eq!(arc(&t, 3), (Some(1), "obl"));
        let t = repaired(
            "1 talks talk NOUN 0 root\n2 hosted host VERB 1 acl VBN\n3 by by ADP 4 case\n4 Qatar Qatar PROPN 2 obl:agent",
            Tree::repair_passive_labels,
        );
        assert_eq!(arc(&t, 3), (Some(1), "obl:agent"));
    }

    #[test]
    fn clause_on_a_time_word_goes_to_the_verb() {
        // "Mubarak said Wednesday that the US must be ready"
        let t = repaired(
            "1 Mubarak Mubarak PROPN 2 nsubj\n2 said say VERB 0 root\n3 Wednesday Wednesday PROPN 2 obl:unmarked\n4 that that SCONJ 8 mark\n5 US US PROPN 8 nsubj\n6 must must AUX 8 aux\n7 be be AUX 8 cop\n8 ready ready ADJ 3 ccomp",
            Tree::repair_clause_on_time_word,
        );
        assert_eq!(arc(&t, 7), (Some(1), "ccomp"));
        assert_eq!(arc(&t, 2), (Some(1), "obl:unmarked"));
        // "staged rallies on Monday against their leader"
        let t = repaired(
            "1 staged stage VERB 0 root\n2 rallies rally NOUN 1 obj\n3 on on ADP 4 case\n4 Monday Monday PROPN 2 nmod\n5 against against ADP 6 case\n6 leader leader NOUN 4 nmod",
            Tree::repair_clause_on_time_word,
        );
        assert_eq!(arc(&t, 5), (Some(1), "nmod"));
    }

    #[test]
    fn participle_read_as_the_subject_gives_the_verb_its_noun() {
        // "The Red Cross operating in Iraq said …"
        let t = repaired(
            "1 The the DET 3 det\n2 Red Red ADJ 3 amod\n3 Cross Cross PROPN 4 nsubj\n4 operating operate VERB 7 nsubj VBG\n5 in in ADP 6 case\n6 Iraq Iraq PROPN 4 obl\n7 said say VERB 0 root",
            Tree::repair_participle_subject,
        );
        assert_eq!(arc(&t, 2), (Some(6), "nsubj"));
        assert_eq!(arc(&t, 3), (Some(2), "acl"));
        // A gerund subject with an auxiliary is a clause: "Being elected was …" stays.
        let t = repaired(
            "1 Him he PRON 3 nsubj\n2 being be AUX 3 aux\n3 elected elect VERB 4 nsubj VBN\n4 surprised surprise VERB 0 root",
            Tree::repair_participle_subject,
        );
        assert_eq!(arc(&t, 2), (Some(3), "nsubj"));
    }

    #[test]
    fn that_read_as_object_becomes_the_complement_clause_marker() {
        // "officials agreed on Wednesday that their countries should cooperate"
        let t = repaired(
            "1 officials official NOUN 2 nsubj\n2 agreed agree VERB 0 root\n3 on on ADP 4 case\n4 Wednesday Wednesday PROPN 2 obl\n5 that that PRON 2 obj\n6 countries country NOUN 8 nsubj\n7 should should AUX 8 aux\n8 cooperate cooperate VERB 2 ccomp",
            Tree::repair_that_complementizer,
        );
        assert_eq!(arc(&t, 4), (Some(7), "mark"));
        assert_eq!(t.nodes[4].upos, "SCONJ");
        // Hung on the complement's own verb.
        let t = repaired(
            "1 officials official NOUN 2 nsubj\n2 agreed agree VERB 0 root\n3 that that PRON 6 obj\n4 countries country NOUN 6 nsubj\n5 should should AUX 6 aux\n6 cooperate cooperate VERB 2 ccomp",
            Tree::repair_that_complementizer,
        );
        assert_eq!(arc(&t, 2), (Some(5), "mark"));
        // A relative "that" stays the object: "the deal that they signed".
        let t = repaired(
            "1 they they PRON 2 nsubj\n2 praised praise VERB 0 root\n3 the the DET 4 det\n4 deal deal NOUN 2 obj\n5 that that PRON 7 obj\n6 they they PRON 7 nsubj\n7 signed sign VERB 4 acl:relcl",
            Tree::repair_that_complementizer,
        );
        assert_eq!(arc(&t, 4), (Some(6), "obj"));
        // A demonstrative object stays: "rejected that, saying it would meet".
        let t = repaired(
            "1 he he PRON 2 nsubj\n2 rejected reject VERB 0 root\n3 that that PRON 2 obj\n4 saying say VERB 2 advcl\n5 it it PRON 7 nsubj\n6 would would AUX 7 aux\n7 meet meet VERB 4 ccomp",
            Tree::repair_that_complementizer,
        );
        assert_eq!(arc(&t, 2), (Some(1), "obj"));
    }

    #[test]
    fn past_tense_hung_on_a_time_word_after_the_root() {
        // "Karzai this month accused Pakistan" read as "Karzai, this month [that] accused …".
        let t = repaired(
            "1 Karzai Karzai PROPN 0 root\n2 this this DET 3 det\n3 month month NOUN 1 nmod:unmarked\n4 accused accuse VERB 3 acl VBD\n5 Pakistan Pakistan PROPN 4 obj",
            Tree::repair_verbless_root,
        );
        assert_eq!(t.head(3), None);
        assert_eq!(t.head(0), Some(3));
        assert_eq!(t.nodes[0].deprel, "nsubj");
        assert_eq!(t.head(2), Some(3));
        assert_eq!(t.nodes[2].deprel, "obl:unmarked");
        assert_eq!(t.head(4), Some(3));
    }

    #[test]
    fn hyphenated_modifier_is_one_word() {
        // "Hopes of face-to-face talks rose": the first "face" taken as the object of "of".
        let mut t = Tree::from_conll(
            "1 Hopes hope NOUN 9 nsubj\n2 of of ADP 3 case\n3 face face NOUN 1 nmod\n4 - - PUNCT 7 punct\n5 to to ADP 7 case\n6 - - PUNCT 5 punct\n7 face face NOUN 8 compound\n8 talks talk NOUN 9 nsubj\n9 rose rise VERB 0 root",
            0,
        )
        .unwrap();
        // from_conll joins words with spaces: write the hyphenated word without them.
        for k in 3..7 {
            let shift = k - 2;
            t.nodes[k].start -= shift;
            t.nodes[k].end -= shift;
        }
        t.repair_hyphenated_modifier();
        assert_eq!(t.head(7), Some(0));
        assert_eq!(t.nodes[7].deprel, "nmod");
        assert_eq!(t.head(1), Some(7));
        assert_eq!(t.head(2), Some(6));
        // Written with spaces, nothing is one word.
        let t = repaired(
            "1 Hopes hope NOUN 9 nsubj\n2 of of ADP 3 case\n3 face face NOUN 1 nmod\n4 - - PUNCT 7 punct\n5 to to ADP 7 case\n6 - - PUNCT 5 punct\n7 face face NOUN 8 compound\n8 talks talk NOUN 9 nsubj\n9 rose rise VERB 0 root",
            Tree::repair_hyphenated_modifier,
        );
        assert_eq!(t.head(2), Some(0));
    }

    #[test]
    fn an_opening_name_before_an_apposition_is_the_subject() {
        // "Pakistan, a key ally, has refused to …" with "Pakistan" a vocative of "ally".
        let t = repaired(
            "1 Pakistan Pakistan PROPN 5 vocative\n2 , , PUNCT 5 punct\n3 a a DET 5 det\n4 key key ADJ 5 amod\n5 ally ally ADV 8 advmod\n6 , , PUNCT 5 punct\n7 has have AUX 8 aux\n8 refused refuse VERB 0 root\n9 to to PART 10 mark\n10 deploy deploy VERB 8 xcomp",
            Tree::repair_appositive_subject,
        );
        assert_eq!((t.head(0), t.nodes[0].deprel.as_str()), (Some(7), "nsubj"));
        assert_eq!((t.head(4), t.nodes[4].deprel.as_str()), (Some(0), "appos"));
        assert_eq!(t.nodes[4].upos, "NOUN");
        // A fronted time phrase is no subject ("On Monday, pledged …" stays as parsed).
        let t = repaired(
            "1 On on ADP 2 case\n2 Monday Monday PROPN 4 obl\n3 , , PUNCT 2 punct\n4 pledged pledge VERB 0 root",
            Tree::repair_appositive_subject,
        );
        assert_eq!(t.nodes[1].deprel, "obl");
        // A root with a subject is left alone.
        let t = repaired(
            "1 Paris Paris PROPN 4 vocative\n2 , , PUNCT 1 punct\n3 Macron Macron PROPN 4 nsubj\n4 said say VERB 0 root",
            Tree::repair_appositive_subject,
        );
        assert_eq!(t.nodes[0].deprel, "vocative");
    }

    #[test]
    fn it_before_a_control_adjective_is_its_subject() {
        let conll = "1 it it PRON 3 expl\n2 is be AUX 3 cop\n3 willing willing ADJ 0 root\n4 to to PART 5 mark\n5 withdraw withdraw VERB 3 xcomp";
        let t = repaired(conll, Tree::repair_expletive_of_control_adjective);
        assert_eq!(t.nodes[0].deprel, "nsubj");
        // "it is likely to rain": extraposition stays.
        let t = repaired(
            &conll.replace("willing willing", "likely likely"),
            Tree::repair_expletive_of_control_adjective,
        );
        assert_eq!(t.nodes[0].deprel, "expl");
    }

    #[test]
    fn to_and_a_verb_after_a_verb_of_intent_are_an_infinitive() {
        use crate::parse::Upos;
        let words = [
            "Hamas",
            "threatened",
            "on",
            "Monday",
            "to",
            "resume",
            "attacks",
        ];
        let tags = [
            (Upos::Propn, "NNP"),
            (Upos::Verb, "VBD"),
            (Upos::Adp, "IN"),
            (Upos::Propn, "NNP"),
            (Upos::Adp, "IN"),
            (Upos::Noun, "NN"),
            (Upos::Noun, "NNS"),
        ];
        let base = |w: &str| w == "resume";
        assert_eq!(
            infinitive_misread(&words, &tags, base),
            vec![(4, Upos::Part, "TO"), (5, Upos::Verb, "VB")]
        );
        // Without a verb of intent before it, "to" stays a preposition ("returned to resume").
        let mut other = words;
        other[1] = "returned";
        assert!(infinitive_misread(&other, &tags, base).is_empty());
    }

    #[test]
    fn a_verb_of_saying_read_as_a_participle_is_the_verb() {
        // "rebels announced on Tuesday that Kagame must agree", "announced" an acl.
        let t = repaired(
            "1 rebels rebel NOUN 8 nsubj\n2 announced announce VERB 1 acl\n3 on on ADP 4 case\n4 Tuesday Tuesday PROPN 2 obl\n5 that that SCONJ 8 mark\n6 Kagame Kagame PROPN 8 nsubj\n7 must must AUX 8 aux\n8 agree agree VERB 0 root",
            Tree::repair_saying_participle,
        );
        assert_eq!(t.head(1), None);
        assert_eq!((t.head(0), t.nodes[0].deprel.as_str()), (Some(1), "nsubj"));
        assert_eq!((t.head(7), t.nodes[7].deprel.as_str()), (Some(1), "ccomp"));
        assert_eq!(t.head(3), Some(1));
        // Without "that", a participle stays one ("rebels announced as winners agreed").
        let t = repaired(
            "1 rebels rebel NOUN 4 nsubj\n2 announced announce VERB 1 acl\n3 winners winner NOUN 2 obl\n4 agreed agree VERB 0 root",
            Tree::repair_saying_participle,
        );
        assert_eq!(t.head(1), Some(0));
    }

    #[test]
    fn a_hyphenated_participle_modifies_its_noun() {
        // "troops attacked Russian-backed separatists on Monday" with "backed" a conjunct.
        let conll = "1 troops troop NOUN 2 nsubj\n2 attacked attack VERB 0 root\n3 Russian Russian PROPN 5 obl:unmarked\n4 - - PUNCT 3 punct\n5 backed back VERB 2 conj\n6 separatists separatist NOUN 5 obj\n7 on on ADP 8 case\n8 Monday Monday PROPN 5 obl";
        let mut t = Tree::from_conll(conll, 0).unwrap();
        for k in 3..5 {
            let shift = k - 2;
            t.nodes[k].start -= shift;
            t.nodes[k].end -= shift;
        }
        for node in &mut t.nodes {
            if node.form == "backed" {
                node.xpos = "VBN".into();
            }
        }
        t.repair_hyphenated_participle();
        assert_eq!((t.head(5), t.nodes[5].deprel.as_str()), (Some(1), "obj"));
        assert_eq!((t.head(4), t.nodes[4].deprel.as_str()), (Some(5), "amod"));
        assert_eq!(t.head(7), Some(1), "the time phrase moves to the clause");
        assert_eq!(t.head(2), Some(4), "the first part stays inside the word");
        // Written with spaces, "Russian - backed" is no word.
        let mut t = Tree::from_conll(conll, 0).unwrap();
        t.nodes[4].xpos = "VBN".into();
        t.repair_hyphenated_participle();
        assert_eq!(t.head(4), Some(1));
    }

    #[test]
    fn an_object_before_a_time_word_is_the_object() {
        // "staged mass demonstrations Saturday" with "demonstrations" a compound of the day.
        let t = repaired(
            "1 students student NOUN 2 nsubj\n2 staged stage VERB 0 root\n3 mass mass ADJ 4 amod\n4 demonstrations demonstration NOUN 5 compound\n5 Saturday Saturday PROPN 2 obl:unmarked",
            Tree::repair_object_before_time,
        );
        assert_eq!(arc(&t, 3), (Some(1), "obj"));
        assert_eq!(t.head(2), Some(3));
        assert_eq!(t.head(4), Some(1));
        // "Monday night" keeps its compound.
        let t = repaired(
            "1 Abe Abe PROPN 2 nsubj\n2 arrived arrive VERB 0 root\n3 Monday Monday PROPN 4 compound\n4 night night NOUN 2 obl:unmarked",
            Tree::repair_object_before_time,
        );
        assert_eq!(arc(&t, 2), (Some(3), "compound"));
    }

    #[test]
    fn a_subordinate_clause_read_as_a_phrase_gets_its_subject() {
        // "divided since Turkey invaded the north": "since Turkey" an oblique of "divided".
        let t = repaired(
            "1 Cyprus Cyprus PROPN 2 nsubj:pass\n2 divided divide VERB 0 root VBN\n3 since since ADP 4 case\n4 Turkey Turkey PROPN 2 obl\n5 invaded invade VERB 2 advcl VBD\n6 north north NOUN 5 obj",
            Tree::repair_subordinate_subject,
        );
        assert_eq!(arc(&t, 3), (Some(4), "nsubj"));
        assert_eq!(arc(&t, 2), (Some(4), "mark"));
        assert_eq!(arc(&t, 4), (Some(1), "advcl"));
        // A real prepositional phrase stays: "met in Paris, said …" ("in" subordinates nothing).
        let t = repaired(
            "1 Abe Abe PROPN 2 nsubj\n2 met meet VERB 0 root VBD\n3 in in ADP 4 case\n4 Paris Paris PROPN 2 obl\n5 said say VERB 2 parataxis VBD",
            Tree::repair_subordinate_subject,
        );
        assert_eq!(arc(&t, 3), (Some(1), "obl"));
    }

    #[test]
    fn coordinated_titled_names_are_conjuncts() {
        // "Xi and US President Biden met": "Biden" read as an apposition of "Xi".
        let t = repaired(
            "1 Xi Xi PROPN 5 nsubj\n2 and and CCONJ 3 cc\n3 President President PROPN 4 nmod:desc\n4 Biden Biden PROPN 1 appos\n5 met meet VERB 0 root VBD",
            Tree::repair_coordinated_apposition,
        );
        assert_eq!(arc(&t, 3), (Some(0), "conj"));
        assert_eq!(arc(&t, 1), (Some(3), "cc"));
        // After a comma it stays an apposition ("Xi, and his deputy Li" is rare but real).
        let t = repaired(
            "1 Xi Xi PROPN 6 nsubj\n2 , , PUNCT 3 punct\n3 and and CCONJ 5 cc\n4 deputy deputy NOUN 5 nmod:desc\n5 Li Li PROPN 1 appos\n6 met meet VERB 0 root VBD",
            Tree::repair_coordinated_apposition,
        );
        assert_eq!(t.nodes[4].deprel, "appos");
        // Two titled names as the root, the verb hung on them as a parataxis.
        let t = repaired(
            "1 President President PROPN 2 nmod:desc\n2 Widodo Widodo PROPN 0 root\n3 and and CCONJ 4 cc\n4 President President PROPN 2 conj\n5 Zelensky Zelensky PROPN 2 list\n6 shook shake VERB 2 parataxis VBD\n7 hands hand NOUN 6 obj",
            Tree::repair_verbless_root,
        );
        assert_eq!(arc(&t, 5), (None, "root"));
        assert_eq!(arc(&t, 1), (Some(5), "nsubj"));
        assert_eq!(arc(&t, 4), (Some(1), "conj"));
        assert_eq!(arc(&t, 3), (Some(4), "nmod:desc"));
    }

    #[test]
    fn a_compound_on_a_verb_is_its_subject() {
        let t = repaired(
            "1 Egyptian Egyptian ADJ 2 amod\n2 demonstrators demonstrator NOUN 3 compound\n3 rioted riot VERB 0 root",
            Tree::repair_compound_on_verb,
        );
        assert_eq!(t.nodes[1].deprel, "nsubj");
        // A verb with a subject keeps it; the compound is left alone.
        let t = repaired(
            "1 Graham Graham PROPN 3 compound\n2 he he PRON 3 nsubj\n3 tweeted tweet VERB 0 root",
            Tree::repair_compound_on_verb,
        );
        assert_eq!(t.nodes[0].deprel, "compound");
    }

    #[test]
    fn mandative_subjunctives_are_verbs() {
        use crate::parse::Upos;
        let lexical = |w: &str| match w {
            "abandon" => Lexical::BaseVerb,
            "renounce" => Lexical::Unknown,
            _ => Lexical::Other,
        };
        let tags = [
            (Upos::Verb, "VBD"),
            (Upos::Sconj, "IN"),
            (Upos::Propn, "NNP"),
            (Upos::Adp, "IN"),
            (Upos::Pron, "PRP$"),
            (Upos::Noun, "NN"),
        ];
        let got = subjunctive_misread(
            &["demanded", "that", "Mugabe", "abandon", "his", "policy"],
            &tags,
            lexical,
        );
        assert_eq!(got, vec![(1, Upos::Sconj, "IN"), (3, Upos::Verb, "VB")]);
        // An unknown word read as a noun before a possessive.
        let mut t = tags;
        t[3] = (Upos::Noun, "NN");
        let got = subjunctive_misread(
            &["demanded", "that", "Hamas", "renounce", "its", "struggle"],
            &t,
            lexical,
        );
        assert_eq!(got, vec![(1, Upos::Sconj, "IN"), (3, Upos::Verb, "VB")]);
        // A noun with a finite verb after it in its clause stays a noun.
        let got = subjunctive_misread(
            &[
                "said", "that", "Hamas", "abandon", "the", "plan", "was", "real",
            ],
            &[
                (Upos::Verb, "VBD"),
                (Upos::Sconj, "IN"),
                (Upos::Propn, "NNP"),
                (Upos::Noun, "NN"),
                (Upos::Det, "DT"),
                (Upos::Noun, "NN"),
                (Upos::Aux, "VBD"),
                (Upos::Adj, "JJ"),
            ],
            lexical,
        );
        assert!(got.is_empty());
        // A known noun that is never a verb stays a noun; so does one not after "that".
        let got = subjunctive_misread(
            &["demanded", "that", "Hamas", "policy", "its", "x"],
            &tags,
            lexical,
        );
        assert!(got.is_empty());
        let got = subjunctive_misread(
            &["demanded", "by", "Mugabe", "abandon", "his", "policy"],
            &tags,
            lexical,
        );
        assert!(got.is_empty());
    }

    #[test]
    fn doubt_participles_before_a_noun_are_adjectives() {
        use crate::parse::Upos;
        let tags = [
            (Upos::Verb, "VBD"),
            (Upos::Verb, "VBN"),
            (Upos::Adj, "JJ"),
            (Upos::Noun, "NN"),
        ];
        assert_eq!(
            attributive_participle_misread(
                &["extradited", "suspected", "British", "militant"],
                &tags
            ),
            vec![(1, Upos::Adj, "JJ")]
        );
        // After a subject or an auxiliary it stays a verb.
        let tags = [
            (Upos::Noun, "NNS"),
            (Upos::Verb, "VBD"),
            (Upos::Noun, "NNP"),
            (Upos::Noun, "NN"),
        ];
        assert!(
            attributive_participle_misread(&["police", "suspected", "Hamas", "involvement"], &tags)
                .is_empty()
        );
        let tags = [
            (Upos::Aux, "VBD"),
            (Upos::Verb, "VBN"),
            (Upos::Noun, "NNS"),
            (Upos::Noun, "NN"),
        ];
        assert!(
            attributive_participle_misread(&["were", "alleged", "rebels", "leader"], &tags)
                .is_empty()
        );
    }

    #[test]
    fn misread_past_tenses_are_verbs() {
        use crate::parse::Upos;
        let mut irr = IrregularVerbs::new();
        irr.insert("met".into(), "meet".into());
        irr.insert("wounded".into(), "wound".into());
        irr.insert("talks".into(), "talk".into());
        irr.insert("rejects".into(), "reject".into());
        let fix = |w: &[&str], t: &[(Upos, &str)]| past_tense_misread(w, t, &irr);
        let got = fix(
            &["when", "the", "two", "met", "in", "Singapore"],
            &[
                (Upos::Adv, "WRB"),
                (Upos::Det, "DT"),
                (Upos::Num, "CD"),
                (Upos::Noun, "NN"),
                (Upos::Adp, "IN"),
                (Upos::Propn, "NNP"),
            ],
        );
        assert_eq!(got, vec![(3, Upos::Verb, "VBD")]);
        let got = fix(
            &["guerrillas", "wounded", "two", "soldiers"],
            &[
                (Upos::Noun, "NNS"),
                (Upos::Adj, "JJ"),
                (Upos::Num, "CD"),
                (Upos::Noun, "NNS"),
            ],
        );
        assert_eq!(got, vec![(1, Upos::Verb, "VBD")]);
        // A participle before a plural noun object is a past tense, before a time not.
        irr.insert("confiscated".into(), "confiscate".into());
        let tags = [
            (Upos::Noun, "NNS"),
            (Upos::Verb, "VBN"),
            (Upos::Noun, "NNS"),
            (Upos::Adv, "RB"),
        ];
        let fix = |w: &[&str], t: &[(Upos, &str)]| past_tense_misread(w, t, &irr);
        let got = fix(&["police", "confiscated", "rifles", "there"], &tags);
        assert_eq!(got, vec![(1, Upos::Verb, "VBD")]);
        let got = fix(&["weapons", "confiscated", "months", "ago"], &tags);
        assert!(got.is_empty(), "{got:?}");
        // A present tense after a plural subject, before its object.
        let got = fix(
            &[
                "The",
                "Palestinians",
                "reject",
                "proposed",
                "Israeli",
                "changes",
            ],
            &[
                (Upos::Det, "DT"),
                (Upos::Propn, "NNPS"),
                (Upos::Noun, "NN"),
                (Upos::Verb, "VBN"),
                (Upos::Adj, "JJ"),
                (Upos::Noun, "NNS"),
            ],
        );
        assert_eq!(got, vec![(2, Upos::Verb, "VBP")]);
        // Not after a finite verb, nor after a singular noun ("the plan reject …").
        let got = fix(
            &["They", "said", "rebels", "reject", "the", "plan"],
            &[
                (Upos::Pron, "PRP"),
                (Upos::Verb, "VBD"),
                (Upos::Noun, "NNS"),
                (Upos::Noun, "NN"),
                (Upos::Det, "DT"),
                (Upos::Noun, "NN"),
            ],
        );
        assert!(got.is_empty());
        // A present "-s" form is no past tense: "US talks in Doha" stays a noun.
        let got = fix(
            &["US", "talks", "in", "Doha"],
            &[
                (Upos::Propn, "NNP"),
                (Upos::Noun, "NNS"),
                (Upos::Adp, "IN"),
                (Upos::Propn, "NNP"),
            ],
        );
        assert!(got.is_empty());
    }

    #[test]
    fn a_bare_oblique_noun_after_its_verb_is_the_object() {
        // "soldiers beat up Palestinian detainees on Monday": "detainees" was an `obl`.
        let t = repaired(
            "1 soldiers soldier NOUN 2 nsubj\n2 beat beat VERB 0 root VBD\n3 up up ADP 2 compound:prt\n4 Palestinian palestinian ADJ 5 amod\n5 detainees detainee NOUN 2 obl\n6 on on ADP 7 case\n7 Monday monday PROPN 2 obl",
            Tree::repair_caseless_oblique,
        );
        assert_eq!(arc(&t, 4), (Some(1), "obj"));
        assert_eq!(arc(&t, 6), (Some(1), "obl"));
        // A bare time word stays an oblique ("met Monday").
        let t = repaired(
            "1 they they PRON 2 nsubj\n2 met meet VERB 0 root VBD\n3 Monday monday PROPN 2 obl",
            Tree::repair_caseless_oblique,
        );
        assert_eq!(arc(&t, 2), (Some(1), "obl"));
    }

    #[test]
    fn a_name_split_off_its_subject_is_a_compound_of_it() {
        let t = repaired(
            "1 European european ADJ 2 amod\n2 Community community NOUN 5 obl:unmarked\n3 foreign foreign ADJ 4 amod\n4 ministers minister NOUN 5 nsubj\n5 demanded demand VERB 0 root VBD\n6 withdrawal withdrawal NOUN 5 obj",
            Tree::repair_split_subject,
        );
        assert_eq!(arc(&t, 1), (Some(3), "compound"));
        // A time word before the subject stays ("Monday ministers met" is odd, but "Monday"
        // is no name part).
        let t = repaired(
            "1 Monday monday PROPN 3 obl:unmarked\n2 ministers minister NOUN 3 nsubj\n3 met meet VERB 0 root VBD",
            Tree::repair_split_subject,
        );
        assert_eq!(arc(&t, 0), (Some(2), "obl:unmarked"));
    }

    #[test]
    fn a_verb_conjunct_joins_the_verb_before_its_conjunction() {
        // "Libya has seen unrest since the revolt that toppled and killed Gaddafi".
        let t = repaired(
            "1 Libya libya PROPN 3 nsubj\n2 has have AUX 3 aux\n3 seen see VERB 0 root VBN\n4 unrest unrest NOUN 3 obj\n5 since since ADP 7 case\n6 the the DET 7 det\n7 revolt revolt NOUN 3 obl\n8 that that PRON 9 nsubj\n9 toppled topple VERB 7 acl:relcl VBD\n10 and and CCONJ 11 cc\n11 killed kill VERB 3 conj VBD\n12 Gaddafi gaddafi PROPN 11 obj",
            Tree::repair_adjacent_verb_conjunct,
        );
        assert_eq!(arc(&t, 10), (Some(8), "conj"));
        // A first verb with its own object keeps the parser's reading.
        let t = repaired(
            "1 Libya libya PROPN 2 nsubj\n2 ousted oust VERB 0 root VBD\n3 him he PRON 2 obj\n4 and and CCONJ 5 cc\n5 killed kill VERB 2 conj VBD\n6 Gaddafi gaddafi PROPN 5 obj",
            Tree::repair_adjacent_verb_conjunct,
        );
        assert_eq!(arc(&t, 4), (Some(1), "conj"));
    }

    #[test]
    fn a_verb_hung_on_a_titled_name_as_a_name_part_is_the_root() {
        // "Prime Minister Narendra Modi of India criticised President Arif Alvi …".
        let t = repaired(
            "1 Minister minister PROPN 2 nmod:desc\n2 Narendra narendra PROPN 0 root\n3 Modi modi PROPN 2 flat\n4 of of ADP 5 case\n5 India india PROPN 3 nmod\n6 criticised criticise VERB 2 flat VBN\n7 President president PROPN 8 nmod:desc\n8 Arif arif PROPN 2 list\n9 on on ADP 10 case\n10 Tuesday tuesday PROPN 2 nmod",
            Tree::repair_verbless_root,
        );
        assert_eq!(arc(&t, 5), (None, "root"));
        assert_eq!(arc(&t, 1), (Some(5), "nsubj"));
        assert_eq!(arc(&t, 7), (Some(5), "obj"));
        assert_eq!(arc(&t, 9), (Some(5), "obl"));
    }

    #[test]
    fn an_object_shifted_behind_an_as_phrase_is_the_verbs() {
        // "denounced as an ugly crime Serbia's suppression": the crime an object of "as".
        let t = repaired(
            "1 Albania Albania PROPN 2 nsubj\n2 denounced denounce VERB 0 root VBD\n3 as as ADP 2 advmod\n4 an a DET 5 det\n5 crime crime NOUN 3 obj\n6 Serbia Serbia PROPN 7 nmod:poss\n7 suppression suppression NOUN 5 appos",
            Tree::repair_shifted_object,
        );
        assert_eq!(arc(&t, 6), (Some(1), "obj"));
        assert_eq!(arc(&t, 4), (Some(1), "obl"));
        assert_eq!(arc(&t, 2), (Some(4), "case"));
        // "dismissed as impertinent a rebel ultimatum": the ultimatum an oblique.
        let t = repaired(
            "1 he he PRON 2 nsubj\n2 dismissed dismiss VERB 0 root VBD\n3 as as ADP 4 case\n4 impertinent impertinent ADJ 7 nmod\n5 a a DET 7 det\n6 rebel rebel NOUN 7 compound\n7 ultimatum ultimatum NOUN 2 obl",
            Tree::repair_shifted_object,
        );
        assert_eq!(t.nodes[6].deprel, "obj");
        assert_eq!(arc(&t, 3), (Some(1), "obl"));
        // "served as mediator": no shifted object, nothing moves.
        let t = repaired(
            "1 Egypt Egypt PROPN 2 nsubj\n2 served serve VERB 0 root VBD\n3 as as ADP 4 case\n4 mediator mediator NOUN 2 obl",
            Tree::repair_shifted_object,
        );
        assert_eq!(t.nodes[3].deprel, "obl");
    }

    #[test]
    fn an_object_after_a_bare_day_is_the_verbs() {
        // "lifted Friday a day-old blockade": the object hung on "Friday" as an apposition.
        let t = repaired(
            "1 army army NOUN 2 nsubj\n2 lifted lift VERB 0 root VBD\n3 Friday Friday PROPN 2 obl:unmarked\n4 a a DET 6 det\n5 old old ADJ 6 amod\n6 blockade blockade NOUN 3 appos",
            Tree::repair_object_after_time,
        );
        assert_eq!(arc(&t, 5), (Some(1), "obj"));
        assert_eq!(t.head(2), Some(1));
        // With an object already, nothing moves ("met Abe Friday, a day after …").
        let t = repaired(
            "1 Kishida Kishida PROPN 2 nsubj\n2 met meet VERB 0 root VBD\n3 Friday Friday PROPN 2 obl:unmarked\n4 Abe Abe PROPN 2 obj\n5 day day NOUN 3 appos",
            Tree::repair_object_after_time,
        );
        assert_eq!(t.head(4), Some(2));
    }

    #[test]
    fn a_second_subject_is_a_coordinated_titled_name() {
        // "Mobutu and rebel leader Laurent Kabila have agreed": two subjects, the title
        // holding the first name and the conjunction.
        let t = repaired(
            "1 Mobutu mobutu PROPN 4 compound\n2 and and CCONJ 3 cc\n3 rebel rebel NOUN 4 compound\n4 leader leader NOUN 8 nsubj\n5 Laurent laurent PROPN 8 nsubj\n6 Kabila kabila PROPN 5 flat\n7 have have AUX 8 aux\n8 agreed agree VERB 0 root VBN",
            Tree::repair_double_subject,
        );
        assert_eq!(arc(&t, 0), (Some(7), "nsubj"));
        assert_eq!(arc(&t, 4), (Some(0), "conj"));
        assert_eq!(arc(&t, 3), (Some(4), "compound"));
        assert_eq!(arc(&t, 1), (Some(4), "cc"));
        // "… Trump and North Korean leader Kim Jong Un shook hands": the title a `list` of
        // the first name, the second name its apposition.
        let t = repaired(
            "1 Donald donald PROPN 8 nsubj\n2 Trump trump PROPN 1 flat\n3 and and CCONJ 5 cc\n4 Korean korean PROPN 5 compound\n5 leader leader NOUN 1 list\n6 Kim kim PROPN 5 appos\n7 Un un PROPN 6 flat\n8 shook shake VERB 0 root VBD\n9 hands hand NOUN 8 obj",
            Tree::repair_coordinated_title,
        );
        assert_eq!(arc(&t, 5), (Some(0), "conj"));
        assert_eq!(arc(&t, 4), (Some(5), "compound"));
        assert_eq!(arc(&t, 2), (Some(5), "cc"));
        // The second name headed by its last word ("Kim Jong Un" under "Un").
        let t = repaired(
            "1 Donald donald PROPN 8 nsubj\n2 Trump trump PROPN 1 flat\n3 and and CCONJ 4 cc\n4 leader leader NOUN 1 list\n5 Kim kim PROPN 7 compound\n6 Jong jong PROPN 7 compound\n7 Un un PROPN 4 appos\n8 met meet VERB 0 root VBD",
            Tree::repair_coordinated_title,
        );
        assert_eq!(arc(&t, 6), (Some(0), "conj"));
        assert_eq!(arc(&t, 3), (Some(6), "compound"));
        // The second name a second subject of the verb, the title on the first name.
        let t = repaired(
            "1 Donald donald PROPN 6 nsubj\n2 and and CCONJ 3 cc\n3 leader leader NOUN 1 list\n4 Kim kim PROPN 6 nsubj\n5 Un un PROPN 4 flat\n6 held hold VERB 0 root VBD\n7 talks talk NOUN 6 obj",
            Tree::repair_coordinated_title,
        );
        assert_eq!(arc(&t, 3), (Some(0), "conj"));
        assert_eq!(arc(&t, 2), (Some(3), "compound"));
        assert_eq!(arc(&t, 1), (Some(3), "cc"));
        // Two subjects that are no title and name stay ("leader they met").
        let t = repaired(
            "1 leader leader NOUN 3 nsubj\n2 they they PRON 3 nsubj\n3 met meet VERB 0 root VBD",
            Tree::repair_double_subject,
        );
        assert_eq!((t.head(0), t.head(1)), (Some(2), Some(2)));
    }

    #[test]
    fn a_perfect_is_active() {
        let t = repaired(
            "1 attacks attack NOUN 3 nsubj:pass\n2 have have AUX 3 aux\n3 killed kill VERB 0 root VBN\n4 leaders leader NOUN 3 obj",
            Tree::repair_passive_labels,
        );
        assert_eq!(t.nodes[0].deprel, "nsubj");
        // "have been killed" stays passive.
        let t = repaired(
            "1 leaders leader NOUN 4 nsubj:pass\n2 have have AUX 4 aux\n3 been be AUX 4 aux:pass\n4 killed kill VERB 0 root VBN",
            Tree::repair_passive_labels,
        );
        assert_eq!(t.nodes[0].deprel, "nsubj:pass");
    }

    #[test]
    fn of_phrase_subject_is_headed_by_its_first_noun() {
        let t = repaired(
            "1 Supporters supporter NOUN 3 nsubj\n2 of of ADP 3 case\n3 Raila Raila PROPN 5 nsubj\n4 Odinga Odinga PROPN 3 flat\n5 blocked block VERB 0 root",
            Tree::repair_of_phrase_subject,
        );
        assert_eq!(t.head(0), Some(4));
        assert_eq!(t.nodes[0].deprel, "nsubj");
        assert_eq!(t.head(2), Some(0));
        assert_eq!(t.nodes[2].deprel, "nmod");
        assert_eq!(t.head(1), Some(2));
    }

    #[test]
    fn up_to_a_number_modifies_it() {
        let t = repaired(
            "1 Up up NOUN 5 nsubj\n2 to to ADP 4 case\n3 100 100 NUM 4 nummod\n4 Albanians Albanian PROPN 1 nmod\n5 demonstrated demonstrate VERB 0 root",
            Tree::repair_up_to_number,
        );
        assert_eq!(t.head(3), Some(4));
        assert_eq!(t.nodes[3].deprel, "nsubj");
        assert_eq!(t.head(0), Some(2));
        assert_eq!(t.head(1), Some(0));
    }

    #[test]
    fn possessed_participle_modifies_its_noun() {
        // "talks between Dung and his visiting counterpart Abe on Sunday".
        let mut t = Tree::from_conll(
            "1 talks talk NOUN 0 root\n2 between between ADP 3 case\n3 Dung Dung PROPN 1 nmod\n4 and and CCONJ 6 cc\n5 his he PRON 6 nsubj\n6 visiting visit VERB 1 conj\n7 counterpart counterpart NOUN 8 compound\n8 Abe Abe PROPN 6 obj\n9 on on ADP 10 case\n10 Sunday Sunday PROPN 6 obl",
            0,
        )
        .unwrap();
        t.nodes[4].xpos = "PRP$".into();
        t.nodes[5].xpos = "VBG".into();
        t.repair_possessed_participle();
        assert_eq!(t.head(7), Some(2));
        assert_eq!(t.nodes[7].deprel, "conj");
        assert_eq!(t.head(5), Some(7));
        assert_eq!(t.nodes[5].deprel, "amod");
        assert_eq!(t.head(4), Some(7));
        assert_eq!(t.head(9), Some(7));
        assert_eq!(t.head(3), Some(7));
    }

    #[test]
    fn titled_subject_split_up() {
        let t = repaired(
            "1 Polish Polish PROPN 6 nsubj\n2 Foreign foreign ADJ 3 amod\n3 Minister Minister PROPN 4 nmod:desc\n4 Radoslaw Radoslaw PROPN 1 list\n5 Sikorski Sikorski PROPN 4 flat\n6 criticised criticise VERB 0 root\n7 Hungary Hungary PROPN 6 obj\n8 on on ADP 9 case\n9 Thursday Thursday PROPN 1 obl\n10 for for SCONJ 11 mark\n11 blocking block VERB 1 acl",
            Tree::repair_titled_subject,
        );
        assert_eq!(t.head(3), Some(5));
        assert_eq!(t.nodes[3].deprel, "nsubj");
        assert_eq!(t.head(0), Some(3));
        assert_eq!(t.head(8), Some(5));
        assert_eq!(t.head(10), Some(5));
        assert_eq!(t.nodes[10].deprel, "advcl");
        // "Britain and France criticised": a coordination stays.
        let t = repaired(
            "1 Britain Britain PROPN 4 nsubj\n2 and and CCONJ 3 cc\n3 France France PROPN 1 conj\n4 criticised criticise VERB 0 root",
            Tree::repair_titled_subject,
        );
        assert_eq!(t.head(0), Some(3));
    }

    #[test]
    fn passive_agent_hung_on_a_place() {
        // "Gingrich was greeted at the airport by Chan": "Chan" parsed as a modifier of "airport".
        let t = repaired(
            "1 Gingrich Gingrich PROPN 3 nsubj:pass\n2 was be AUX 3 aux:pass\n3 greeted greet VERB 0 root\n4 at at ADP 6 case\n5 the the DET 6 det\n6 airport airport NOUN 3 obl\n7 by by ADP 8 case\n8 Chan Chan PROPN 6 nmod",
            Tree::repair_passive_agent,
        );
        assert_eq!(t.head(7), Some(2));
        assert_eq!(t.nodes[7].deprel, "obl:agent");
        // A common noun keeps its place ("a visit to the site by inspectors" may modify "site").
        let t = repaired(
            "1 Gingrich Gingrich PROPN 3 nsubj:pass\n2 was be AUX 3 aux:pass\n3 greeted greet VERB 0 root\n4 at at ADP 6 case\n5 the the DET 6 det\n6 airport airport NOUN 3 obl\n7 by by ADP 8 case\n8 crowds crowd NOUN 6 nmod",
            Tree::repair_passive_agent,
        );
        assert_eq!(t.head(7), Some(5));
    }

    #[test]
    fn fronted_adjunct_gives_back_the_subject() {
        // "On Saturday , Mobutu offered" with Mobutu misparsed as a conjunct of Saturday.
        let t = repaired(
            "1 On on ADP 2 case\n2 Saturday Saturday PROPN 5 obl\n3 , , PUNCT 4 punct\n4 Mobutu Mobutu PROPN 2 conj\n5 offered offer VERB 0 root",
            Tree::repair_fronted_adjunct,
        );
        assert_eq!(t.head(3), Some(4));
        assert_eq!(t.nodes[3].deprel, "nsubj");
        // A real coordination ("Monday and Tuesday") is left alone.
        let t = repaired(
            "1 On on ADP 2 case\n2 Monday Monday PROPN 6 obl\n3 and and CCONJ 4 cc\n4 Tuesday Tuesday PROPN 2 conj\n5 , , PUNCT 6 punct\n6 met meet VERB 0 root",
            Tree::repair_fronted_adjunct,
        );
        assert_eq!(t.head(3), Some(1));
    }

    #[test]
    fn subject_hung_on_a_time_word_is_given_back() {
        // "Pakistan today threatened" with Pakistan misparsed as a compound of "today".
        let t = repaired(
            "1 Pakistan Pakistan PROPN 2 compound\n2 today today NOUN 3 obl:unmarked\n3 threatened threaten VERB 0 root",
            Tree::repair_subject_before_time,
        );
        assert_eq!(t.head(0), Some(2));
        assert_eq!(t.nodes[0].deprel, "nsubj");
        // A verb with its subject keeps it ("Iran said Monday …" is left alone).
        let t = repaired(
            "1 He he PRON 4 nsubj\n2 Monday Monday PROPN 3 compound\n3 night night NOUN 4 obl:unmarked\n4 left leave VERB 0 root",
            Tree::repair_subject_before_time,
        );
        assert_eq!(t.head(1), Some(2));
    }

    #[test]
    fn a_passive_subject_without_auxiliary_but_with_an_object_is_active() {
        let t = repaired(
            "1 troops troops NOUN 2 nsubj:pass\n2 killed kill VERB 0 root\n3 militants militant NOUN 2 obj",
            Tree::repair_passive_without_auxiliary,
        );
        assert_eq!(t.nodes[0].deprel, "nsubj");
        // A real passive keeps its subject.
        let t = repaired(
            "1 troops troops NOUN 3 nsubj:pass\n2 were be AUX 3 aux:pass\n3 killed kill VERB 0 root",
            Tree::repair_passive_without_auxiliary,
        );
        assert_eq!(t.nodes[0].deprel, "nsubj:pass");
    }

    #[test]
    fn be_before_a_past_participle_is_the_passive_auxiliary() {
        let mut t = Tree::from_conll(
            "1 aid aid NOUN 3 nsubj\n2 was be AUX 3 aux\n3 halted halt VERB 0 root",
            0,
        )
        .unwrap();
        t.nodes[2].xpos = "VBN".into();
        t.repair_passive_labels();
        assert_eq!(t.nodes[1].deprel, "aux:pass");
        assert_eq!(t.nodes[0].deprel, "nsubj:pass");
        // "has met": no passive.
        let mut t = Tree::from_conll(
            "1 he he PRON 3 nsubj\n2 has have AUX 3 aux\n3 met meet VERB 0 root",
            0,
        )
        .unwrap();
        t.nodes[2].xpos = "VBN".into();
        t.repair_passive_labels();
        assert_eq!(t.nodes[0].deprel, "nsubj");
    }

    #[test]
    fn regular_forms_follow_english_spelling() {
        let forms = |l: &str| regular_forms(l);
        assert_eq!(forms("shell"), ["shells", "shelled", "shelling"]);
        assert_eq!(forms("resume"), ["resumes", "resumed", "resuming"]);
        assert_eq!(forms("free"), ["frees", "freed", "freeing"]);
        assert_eq!(forms("slam"), ["slams", "slammed", "slamming"]);
        assert_eq!(
            forms("kidnap"),
            [
                "kidnaps",
                "kidnapped",
                "kidnapping",
                "kidnaped",
                "kidnaping"
            ]
        );
        assert_eq!(forms("rally"), ["rallies", "rallied", "rallying"]);
        assert_eq!(forms("press"), ["presses", "pressed", "pressing"]);
        // Stress is unknown: a longer verb gets both spellings ("visitted" is harmless).
        let visit = forms("visit");
        assert!(
            ["visits", "visited", "visiting"]
                .iter()
                .all(|f| visit.iter().any(|x| x == f))
        );
        assert!(forms("co-chair").contains(&"co-chaired".to_string()));
        assert!(forms("rule out").is_empty());
        assert!(forms("-ed").is_empty());
        let mut t = IrregularVerbs::new();
        t.insert("fled".into(), "flee".into());
        // "shelled" would be a form of "shell" and of a made-up "shel": left out.
        add_regular_forms(&mut t, ["probe", "flee", "shell", "shel"]);
        assert_eq!(t.get("probed").map(String::as_str), Some("probe"));
        assert_eq!(t.get("fled").map(String::as_str), Some("flee"));
        assert_eq!(t.get("shelled"), None);
        assert_eq!(t.get("shells").map(String::as_str), Some("shell"));
    }

    #[test]
    fn irregular_verb_table_loads_and_rejects_bad_lines() {
        let t = parse_irregular_verbs(("iv.tsv", "form\tlemma\nfled\tflee\n")).unwrap();
        assert_eq!(t.get("fled").map(String::as_str), Some("flee"));
        let e = parse_irregular_verbs(("iv.tsv", "form\tlemma\nFled\tflee\n")).unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("iv.tsv", 2));
        // The built-in table loads.
        let builtin = parse_irregular_verbs((
            "irregular_verbs.tsv",
            include_str!("../data/irregular_verbs.tsv"),
        ))
        .unwrap();
        assert_eq!(builtin.get("shook").map(String::as_str), Some("shake"));
    }

    #[test]
    fn case_and_relations() {
        let t = Tree::from_conll(
            "1 aid aid NOUN 0 root\n2 because because ADP 4 case\n3 of of ADP 2 fixed\n4 war war NOUN 1 nmod",
            0,
        )
        .unwrap();
        assert_eq!(t.case_of(3).as_deref(), Some("because_of"));
        assert!(t.rel_is(3, "nmod"));
        assert_eq!(t.kids_rel(0, "nmod").collect::<Vec<_>>(), vec![3]);
    }
}

#[cfg(test)]
mod reparse_tests {
    use super::*;

    fn parse(text: &str) -> Tree {
        let model = crate::parse::Model::builtin().expect("built-in model");
        parse_sentence(model, text, 0, &IrregularVerbs::new())
    }

    #[test]
    fn a_finite_verb_misread_as_a_modifier_is_reparsed() {
        for (text, verb) in [
            (
                "Young Algerians blocked roads leading to the city centre on Sunday.",
                "blocked",
            ),
            (
                "Israeli helicopters and tanks shelled positions near the town of Rafah.",
                "shelled",
            ),
        ] {
            let t = parse(text);
            let dump: Vec<String> = t
                .nodes
                .iter()
                .map(|n| format!("{}/{}/{}", n.form, n.upos, n.deprel))
                .collect();
            let root = t.nodes.iter().find(|n| n.deprel == "root").expect("a root");
            assert_eq!(root.form, verb, "{dump:?}");
        }
    }
}

#[cfg(test)]
mod retag_tests {
    use super::*;

    #[test]
    fn a_known_past_tense_read_as_an_adjective_becomes_the_verb() {
        let model = crate::parse::Model::builtin().expect("built-in model");
        let text = "Pahad co-chaired peace talks that ended in South Africa on Tuesday.";
        let mut irregular = IrregularVerbs::new();
        // Without the lexicon the parse is a noun phrase headed by "talks".
        let t = parse_sentence(model, text, 0, &irregular);
        let root = t.nodes.iter().find(|n| n.deprel == "root").expect("a root");
        assert_eq!(root.form, "talks");
        irregular.insert("co-chaired".into(), "co-chair".into());
        let t = parse_sentence(model, text, 0, &irregular);
        let root = t
            .nodes
            .iter()
            .position(|n| n.deprel == "root")
            .expect("a root");
        assert_eq!(
            (t.nodes[root].lemma.as_str(), t.nodes[root].upos.as_str()),
            ("co-chair", "VERB")
        );
        let subj: Vec<&str> = t
            .kids_rel(root, "nsubj")
            .map(|k| t.nodes[k].form.as_str())
            .collect();
        assert_eq!(subj, ["Pahad"]);
    }
}
