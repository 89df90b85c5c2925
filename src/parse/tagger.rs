//! Greedy averaged-perceptron part-of-speech tagger (Collins 2002), predicting UPOS and XPOS
//! jointly: each class is one `UPOS|XPOS` pair seen in the training data.
//!
//! Features per word: the word, its lowercase form, prefixes (1–4 characters), suffixes
//! (1–5), the part after the last hyphen, a collapsed shape (`Xx`, `d,d`), flags (digit,
//! hyphen, capitals, first word), the words at ±1 and ±2, suffixes and shapes of the
//! neighbours, the two previous predicted tags and their combinations with the word. Frequent
//! words seen (almost) only with one class are tagged from a dictionary without scoring.
//!
//! Optionally (`table2`, see `train::TrainConfig::tagger_passes`) a second left-to-right pass
//! also sees the first pass's tags of the following words. On EWT dev it gained only 0.1
//! UPOS for twice the tagging time and 2.8 MB, so the built-in model uses one pass.

use super::hash::{FxBuild, Rng, hash_str, key};
use super::model::{Dec, Enc};
use super::perceptron::{Averaged, Scorer, Table, Trainer};
use super::{ParseError, Upos};
use std::collections::HashMap;

/// Per-word values shared by the features of a word and its neighbours.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Info {
    pub(crate) form: u64,
    pub(crate) lower: u64,
    pub(crate) suf: [u64; 5],
    pre: [u64; 4],
    /// Lowercase part after the last hyphen (NIL without a hyphen).
    hyph: u64,
    shape: u64,
    flags: u64,
    /// Ambiguity class: hash of the classes the word was seen with (NIL when unknown).
    pub(crate) amb: u64,
    /// Ambiguity class of the lowercase form, for capitalised words (NIL otherwise).
    lamb: u64,
    /// Sentence capitalisation profile (same for all words of a sentence).
    sc: u64,
}

const NIL: u64 = 0x6e69_6c00;
const UNK: u64 = 0x756e_6b00;

/// Hash of a string's last `k` characters (all of it when shorter).
fn suffix(s: &str, k: usize) -> u64 {
    let start = s
        .char_indices()
        .rev()
        .nth(k.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    hash_str(&s[start..])
}

fn prefix(s: &str, k: usize) -> u64 {
    let end = s.char_indices().nth(k).map_or(s.len(), |(i, _)| i);
    hash_str(&s[..end])
}

/// Collapsed word shape: `Xxxx` → `Xx`, `1,000` → `d,d`, at most 8 symbols.
fn shape(s: &str) -> u64 {
    let mut out = String::with_capacity(8);
    let mut last = '\0';
    for c in s.chars() {
        let m = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if m != last {
            out.push(m);
            last = m;
            if out.len() >= 8 {
                break;
            }
        }
    }
    hash_str(&out)
}

/// Computes the per-word values for a word.
pub(crate) fn info(w: &str) -> Info {
    let lower = w.to_lowercase();
    let mut flags = 0u64;
    let mut upper = 0usize;
    let mut letters = 0usize;
    for c in w.chars() {
        if c.is_ascii_digit() {
            flags |= 1;
        }
        if c == '-' {
            flags |= 2;
        }
        if c == '.' {
            flags |= 4;
        }
        if c.is_alphabetic() {
            letters += 1;
            if c.is_uppercase() {
                upper += 1;
            }
        }
    }
    if upper > 0 {
        flags |= 8;
    }
    if letters > 1 && upper == letters {
        flags |= 16;
    }
    if w.chars().next().is_some_and(char::is_uppercase) {
        flags |= 32;
    }
    if letters == 0 {
        flags |= 64;
    }
    Info {
        form: hash_str(w),
        lower: hash_str(&lower),
        suf: [
            suffix(&lower, 1),
            suffix(&lower, 2),
            suffix(&lower, 3),
            suffix(&lower, 4),
            suffix(&lower, 5),
        ],
        pre: [
            prefix(&lower, 1),
            prefix(&lower, 2),
            prefix(&lower, 3),
            prefix(&lower, 4),
        ],
        hyph: match lower.rfind('-') {
            Some(k) if k > 0 && k + 1 < lower.len() => hash_str(&lower[k + 1..]),
            _ => NIL,
        },
        shape: shape(w),
        flags,
        amb: NIL,
        lamb: NIL,
        sc: 0,
    }
}

/// Ambiguity-class hash of a class list.
fn amb_hash(classes: &[u8]) -> u64 {
    key(9_999, &[super::hash::hash_bytes(classes)])
}

/// Per-word values with ambiguity classes from `lex`.
fn infos(words: &[&str], lex: &HashMap<String, Vec<u8>, FxBuild>) -> Vec<Info> {
    let (mut alpha, mut caps, mut upper) = (0usize, 0usize, 0usize);
    for w in words {
        if w.chars().next().is_some_and(char::is_alphabetic) {
            alpha += 1;
            if w.chars().next().is_some_and(char::is_uppercase) {
                caps += 1;
                if w.chars().count() > 1 && !w.chars().any(char::is_lowercase) {
                    upper += 1;
                }
            }
        }
    }
    let sc = if alpha < 3 {
        0
    } else if upper * 10 >= alpha * 7 {
        4
    } else if caps * 10 >= alpha * 7 {
        3
    } else if caps * 10 >= alpha * 4 {
        2
    } else {
        1
    };
    words
        .iter()
        .map(|w| {
            let mut i = info(w);
            i.sc = sc;
            if let Some(c) = lex.get(*w) {
                i.amb = amb_hash(c);
            } else {
                // Words seen fewer than twice in training are "unknown": their identity
                // features would only memorise single examples.
                i.form = UNK;
                i.lower = UNK;
            }
            if i.flags & 8 != 0
                && let Some(c) = lex.get(&w.to_lowercase())
            {
                i.lamb = amb_hash(c);
            }
            i
        })
        .collect()
}

/// Writes the features of word `i` given the previous two predicted classes (`p1`, `p2`,
/// class id + 1, 0 = before the sentence).
pub(crate) fn features(infos: &[Info], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let w = &infos[i];
    let at = |j: isize| -> Option<&Info> { if j < 0 { None } else { infos.get(j as usize) } };
    let ii = i as isize;
    let l = |j: isize| at(ii + j).map_or(NIL, |x| x.lower);
    let s3 = |j: isize| at(ii + j).map_or(NIL, |x| x.suf[2]);
    let sh = |j: isize| at(ii + j).map_or(NIL, |x| x.shape);
    let am = |j: isize| at(ii + j).map_or(NIL, |x| x.amb);
    let first = u64::from(i == 0);
    let mut t = 0u64;
    let mut f = |vals: &[u64]| {
        out.push(key(t, vals));
        t += 1;
    };
    f(&[]);
    f(&[w.lower]);
    f(&[w.form]);
    f(&[w.suf[0]]);
    f(&[w.suf[1]]);
    f(&[w.suf[2]]);
    f(&[w.suf[3]]);
    f(&[w.pre[0]]);
    f(&[w.pre[1]]);
    f(&[w.pre[2]]);
    f(&[w.shape]);
    f(&[w.flags]);
    f(&[first, w.flags]);
    f(&[l(-1)]);
    f(&[l(1)]);
    f(&[l(-2)]);
    f(&[l(2)]);
    f(&[s3(-1)]);
    f(&[s3(1)]);
    f(&[sh(1)]);
    f(&[sh(-1)]);
    f(&[p1]);
    f(&[p2, p1]);
    f(&[p1, w.lower]);
    f(&[l(-1), w.lower]);
    f(&[w.lower, l(1)]);
    f(&[p1, w.suf[2]]);
    f(&[p2]);
    f(&[w.suf[2], s3(1)]);
    f(&[p1, l(1)]);
    f(&[w.shape, first, p1]);
    f(&[w.amb]);
    f(&[am(1)]);
    f(&[am(2)]);
    f(&[am(-1)]);
    f(&[p1, w.amb]);
    f(&[w.amb, am(1)]);
    f(&[p1, am(1)]);
    f(&[p2, p1, w.amb]);
    f(&[w.amb, w.suf[2]]);
    f(&[w.sc, w.flags]);
    f(&[w.sc, w.flags, first]);
    f(&[w.sc, w.flags, w.suf[2]]);
    f(&[w.sc, w.flags, p1]);
    f(&[w.lamb, w.flags & 40, first]);
    f(&[w.lamb, w.sc]);
    f(&[w.flags, w.suf[2]]);
    f(&[w.flags, w.suf[1]]);
    f(&[w.shape, w.suf[1]]);
    f(&[w.flags, l(1)]);
    f(&[w.flags, l(-1)]);
    f(&[w.flags, p1, am(1)]);
    f(&[w.suf[4]]);
    f(&[w.pre[3]]);
    f(&[w.hyph]);
    f(&[w.hyph, w.flags & 40]);
    f(&[sh(-1), w.shape, sh(1)]);
    f(&[at(ii + 1).map_or(NIL, |x| x.suf[1]), w.flags & 40]);
}

/// Features of the second pass: those of the first plus the first pass's classes (`first`,
/// class ids) around word `i`, so the right context is seen as tags too.
pub(crate) fn features2(
    infos: &[Info],
    i: usize,
    p1: u64,
    p2: u64,
    first: &[u16],
    out: &mut Vec<u64>,
) {
    features(infos, i, p1, p2, out);
    let w = &infos[i];
    let r = |j: isize| -> u64 {
        let k = i as isize + j;
        if k < 0 {
            0
        } else {
            first.get(k as usize).map_or(0, |&c| u64::from(c) + 1)
        }
    };
    let l1 = infos.get(i + 1).map_or(NIL, |x| x.lower);
    let mut t = 200u64;
    let mut f = |vals: &[u64]| {
        out.push(key(t, vals));
        t += 1;
    };
    f(&[r(0)]);
    f(&[r(1)]);
    f(&[r(2)]);
    f(&[r(1), r(2)]);
    f(&[p1, r(1)]);
    f(&[p1, r(0), r(1)]);
    f(&[r(0), r(1)]);
    f(&[w.lower, r(1)]);
    f(&[w.suf[2], r(1)]);
    f(&[w.amb, r(1)]);
    f(&[w.amb, r(0)]);
    f(&[w.flags, r(1)]);
    f(&[w.flags, r(0), p1]);
    f(&[w.sc, w.flags, r(1)]);
    f(&[w.lower, r(1), r(2)]);
    f(&[r(1), l1]);
    f(&[p2, p1, r(1)]);
    f(&[r(-1), r(0), r(1)]);
    f(&[w.suf[2], r(0)]);
}

/// The trained tagger.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tagger {
    /// Class id → (UPOS, XPOS).
    classes: Vec<(Upos, String)>,
    /// First pass (left context only).
    table: Table,
    /// Second pass (also sees the first pass's classes to the right); empty = one pass.
    table2: Table,
    /// Exact form → class, for frequent unambiguous words.
    dict: HashMap<String, u16, FxBuild>,
    /// Exact form → classes seen with it in training (words seen at least twice).
    lex: HashMap<String, Vec<u8>, FxBuild>,
}

fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Greedy left-to-right decoding of one pass with any scorer and tag dictionary; `first`
/// (the first pass's classes) selects the second-pass features.
fn decode_pass<S: Scorer>(
    scorer: &S,
    nclass: usize,
    dict: &HashMap<String, u16, FxBuild>,
    infos: &[Info],
    words: &[&str],
    first: Option<&[u16]>,
) -> Vec<u16> {
    let mut out = Vec::with_capacity(words.len());
    let mut feats = Vec::with_capacity(80);
    let mut scores = vec![0f32; nclass];
    let (mut p1, mut p2) = (0u64, 0u64);
    for (i, w) in words.iter().enumerate() {
        let c = if let Some(&c) = dict.get(*w) {
            c
        } else {
            match first {
                Some(fp) => features2(infos, i, p1, p2, fp, &mut feats),
                None => features(infos, i, p1, p2, &mut feats),
            }
            scores.iter_mut().for_each(|s| *s = 0.0);
            scorer.add_scores(&feats, &mut scores);
            argmax(&scores) as u16
        };
        out.push(c);
        p2 = p1;
        p1 = u64::from(c) + 1;
    }
    out
}

impl Tagger {
    /// Tags a sentence: one class id per word.
    #[cfg(test)]
    pub(crate) fn tag(&self, words: &[&str]) -> Vec<u16> {
        self.tag_infos(words).0
    }

    /// Tags a sentence and returns the per-word values too (reused by the parser).
    pub(crate) fn tag_infos(&self, words: &[&str]) -> (Vec<u16>, Vec<Info>) {
        let infos = infos(words, &self.lex);
        let nclass = self.classes.len().max(1);
        let t1 = decode_pass(&self.table, nclass, &self.dict, &infos, words, None);
        if self.table2.len() == 0 {
            return (t1, infos);
        }
        let t2 = decode_pass(&self.table2, nclass, &self.dict, &infos, words, Some(&t1));
        (t2, infos)
    }

    /// Drops weights below `min_q` from both passes.
    pub(crate) fn prune(&mut self, min_q: i32) {
        self.table = self.table.pruned(min_q);
        self.table2 = self.table2.pruned(min_q);
    }

    /// The first pass's classes only.
    pub(crate) fn tag_first(&self, words: &[&str]) -> Vec<u16> {
        let infos = infos(words, &self.lex);
        decode_pass(
            &self.table,
            self.classes.len().max(1),
            &self.dict,
            &infos,
            words,
            None,
        )
    }

    /// Per-word values (with ambiguity classes) without tagging.
    pub(crate) fn infos(&self, words: &[&str]) -> Vec<Info> {
        infos(words, &self.lex)
    }

    /// Whether training saw word `w` (exact form, seen at least twice) with XPOS `xpos`.
    pub(crate) fn seen_as(&self, w: &str, xpos: &str) -> bool {
        self.lex
            .get(w)
            .is_some_and(|cs| cs.iter().any(|&c| self.class(u16::from(c)).1 == xpos))
    }

    /// Whether training saw word `w` (exact form) at least twice.
    pub(crate) fn knows(&self, w: &str) -> bool {
        self.lex.contains_key(w)
    }

    /// The class id of a UPOS/XPOS pair, if the tagger has that class.
    pub(crate) fn class_id(&self, upos: Upos, xpos: &str) -> Option<u16> {
        self.classes
            .iter()
            .position(|(u, x)| *u == upos && x == xpos)
            .and_then(|i| u16::try_from(i).ok())
    }

    /// UPOS and XPOS of a class id (`X`/`"XX"` for an id out of range).
    pub(crate) fn class(&self, c: u16) -> (Upos, &str) {
        self.classes
            .get(usize::from(c))
            .map_or((Upos::X, "XX"), |(u, x)| (*u, x.as_str()))
    }

    pub(crate) fn encode(&self, e: &mut Enc) {
        e.varint(self.classes.len() as u64);
        for (u, x) in &self.classes {
            e.u8(u.index());
            e.str(x);
        }
        let mut d: Vec<(&String, &u16)> = self.dict.iter().collect();
        d.sort();
        e.varint(d.len() as u64);
        for (w, c) in d {
            e.str(w);
            e.varint(u64::from(*c));
        }
        let mut l: Vec<(&String, &Vec<u8>)> = self.lex.iter().collect();
        l.sort();
        e.varint(l.len() as u64);
        for (w, cs) in l {
            e.str(w);
            e.varint(cs.len() as u64);
            for &c in cs {
                e.u8(c);
            }
        }
        self.table.encode(e);
        self.table2.encode(e);
    }

    pub(crate) fn decode(d: &mut Dec<'_>) -> Result<Tagger, ParseError> {
        let what = "tagger";
        let n = d.count(what)?;
        if n == 0 || n > 256 {
            return Err(ParseError::Corrupt(format!("tagger: {n} classes")));
        }
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            let u = d.u8(what)?;
            let u = Upos::from_index(u)
                .ok_or_else(|| ParseError::Corrupt(format!("tagger: UPOS index {u}")))?;
            classes.push((u, d.str(what)?));
        }
        let m = d.count(what)?;
        let mut dict = HashMap::with_capacity_and_hasher(m, FxBuild::default());
        for _ in 0..m {
            let w = d.str(what)?;
            let c = d.varint(what)?;
            if c >= n as u64 {
                return Err(ParseError::Corrupt(format!("tagger: dictionary class {c}")));
            }
            dict.insert(w, c as u16);
        }
        let m = d.count(what)?;
        let mut lex = HashMap::with_capacity_and_hasher(m, FxBuild::default());
        for _ in 0..m {
            let w = d.str(what)?;
            let k = d.count(what)?;
            let mut cs = Vec::with_capacity(k);
            for _ in 0..k {
                let c = d.u8(what)?;
                if usize::from(c) >= n {
                    return Err(ParseError::Corrupt(format!("tagger: lexicon class {c}")));
                }
                cs.push(c);
            }
            lex.insert(w, cs);
        }
        let table = Table::decode(d, what)?;
        let table2 = Table::decode(d, what)?;
        if table.nclass() != n || table2.nclass() != n {
            return Err(ParseError::Corrupt("tagger: table class count".into()));
        }
        Ok(Tagger {
            classes,
            table,
            table2,
            dict,
            lex,
        })
    }
}

/// Training data for the tagger: words and gold class ids.
pub(crate) struct TagSent {
    pub(crate) words: Vec<String>,
    pub(crate) gold: Vec<u16>,
}

/// Options for [`train`].
pub(crate) struct TagTrainOpts {
    pub(crate) epochs: usize,
    pub(crate) seed: u64,
    pub(crate) levels: f64,
    pub(crate) min_q: i32,
    pub(crate) dict_min_count: usize,
    pub(crate) dict_min_ratio: f64,
}

type Dicts = (
    HashMap<String, u16, FxBuild>,
    HashMap<String, Vec<u8>, FxBuild>,
);

fn build_dict(sents: &[&TagSent], nclass: usize, min_count: usize, min_ratio: f64) -> Dicts {
    let mut counts: HashMap<&str, Vec<u32>, FxBuild> = HashMap::default();
    for s in sents {
        for (w, &g) in s.words.iter().zip(&s.gold) {
            let v = counts.entry(w.as_str()).or_insert_with(|| vec![0; nclass]);
            v[usize::from(g)] += 1;
        }
    }
    let mut dict = HashMap::default();
    let mut lex = HashMap::default();
    for (w, v) in counts {
        let total: u32 = v.iter().sum();
        if total >= 2 {
            let cs: Vec<u8> = (0..nclass)
                .filter(|&c| v[c] > 0 && f64::from(v[c]) >= 0.02 * f64::from(total))
                .map(|c| c as u8)
                .collect();
            lex.insert(w.to_string(), cs);
        }
        let (best, &n) = v
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (*n, std::cmp::Reverse(i)))
            .unwrap_or((0, &0));
        if total as usize >= min_count && f64::from(n) / f64::from(total.max(1)) >= min_ratio {
            dict.insert(w.to_string(), best as u16);
        }
    }
    (dict, lex)
}

/// Accuracy of class ids and of their UPOS part.
pub(crate) fn accuracy(
    pred: &[Vec<u16>],
    sents: &[&TagSent],
    classes: &[(Upos, String)],
) -> (f64, f64) {
    let (mut n, mut ok, mut ok_u) = (0usize, 0usize, 0usize);
    for (p, s) in pred.iter().zip(sents) {
        for (&a, &b) in p.iter().zip(&s.gold) {
            n += 1;
            if a == b {
                ok += 1;
            }
            if classes.get(usize::from(a)).map(|c| c.0) == classes.get(usize::from(b)).map(|c| c.0)
            {
                ok_u += 1;
            }
        }
    }
    let d = n.max(1) as f64;
    (100.0 * ok as f64 / d, 100.0 * ok_u as f64 / d)
}

/// Dev sentences with their first-pass classes (second pass only).
type DevSet<'a> = (&'a [&'a TagSent], Option<&'a [Vec<u16>]>);

/// Trains one pass. `first`: the first pass's classes of the training sentences (second
/// pass) — `None` trains the first pass. `dev` with its first-pass classes: evaluates the
/// averaged weights after every epoch and keeps the best epoch (1-based).
#[allow(clippy::too_many_arguments)]
fn train_pass(
    classes: &[(Upos, String)],
    train: &[&TagSent],
    first: Option<&[Vec<u16>]>,
    dev: Option<DevSet<'_>>,
    dict: &HashMap<String, u16, FxBuild>,
    lex: &HashMap<String, Vec<u8>, FxBuild>,
    opts: &TagTrainOpts,
    log: &mut dyn FnMut(&str),
) -> (Table, usize) {
    let nclass = classes.len();
    let mut tr = Trainer::new(nclass);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut feats = Vec::with_capacity(80);
    let mut scores = vec![0f64; nclass];
    let mut best: Option<(f64, usize, Table)> = None;
    let pass = if first.is_some() { 2 } else { 1 };
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let (mut n, mut ok) = (0usize, 0usize);
        for &si in &order {
            let s = train[si];
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let infos = infos(&words, lex);
            let fp = first.map(|f| f[si].as_slice());
            let (mut p1, mut p2) = (0u64, 0u64);
            for (i, w) in words.iter().enumerate() {
                let gold = usize::from(s.gold[i]);
                let pred = if let Some(&c) = dict.get(*w) {
                    usize::from(c)
                } else {
                    match fp {
                        Some(fp) => features2(&infos, i, p1, p2, fp, &mut feats),
                        None => features(&infos, i, p1, p2, &mut feats),
                    }
                    scores.iter_mut().for_each(|x| *x = 0.0);
                    tr.score(&feats, &mut scores);
                    let mut b = 0;
                    for c in 1..nclass {
                        if scores[c] > scores[b] {
                            b = c;
                        }
                    }
                    tr.update(&feats, gold, b);
                    tr.tick();
                    b
                };
                n += 1;
                ok += usize::from(pred == gold);
                p2 = p1;
                p1 = pred as u64 + 1;
            }
        }
        let train_acc = 100.0 * ok as f64 / n.max(1) as f64;
        match dev {
            Some((dev, dev_first)) => {
                let pred: Vec<Vec<u16>> = dev
                    .iter()
                    .enumerate()
                    .map(|(k, s)| {
                        let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                        let inf = infos(&w, lex);
                        let fp = dev_first.map(|f| f[k].as_slice());
                        decode_pass(&Averaged(&tr), nclass, dict, &inf, &w, fp)
                    })
                    .collect();
                let (acc, upos) = accuracy(&pred, dev, classes);
                log(&format!(
                    "  tagger pass {pass} epoch {epoch}: train {train_acc:.2}  dev UPOS|XPOS {acc:.2}  UPOS {upos:.2}"
                ));
                if best.as_ref().is_none_or(|b| upos + 0.5 * acc > b.0) {
                    best = Some((upos + 0.5 * acc, epoch, tr.compile(opts.levels, opts.min_q)));
                }
            }
            None => {
                if epoch == opts.epochs {
                    best = Some((0.0, epoch, tr.compile(opts.levels, opts.min_q)));
                }
            }
        }
    }
    let (_, epoch, table) = best.unwrap_or_else(|| (0.0, 0, tr.compile(opts.levels, opts.min_q)));
    (table, epoch)
}

/// Trains a one-pass tagger. With `dev`, evaluates the averaged weights after every epoch
/// and keeps the best epoch; returns the tagger and that epoch (1-based).
pub(crate) fn train(
    classes: &[(Upos, String)],
    train: &[&TagSent],
    dev: Option<&[&TagSent]>,
    opts: &TagTrainOpts,
    log: &mut dyn FnMut(&str),
) -> (Tagger, usize) {
    let nclass = classes.len();
    let (dict, lex) = build_dict(train, nclass, opts.dict_min_count, opts.dict_min_ratio);
    let (table, epoch) = train_pass(
        classes,
        train,
        None,
        dev.map(|d| (d, None)),
        &dict,
        &lex,
        opts,
        log,
    );
    (
        Tagger {
            classes: classes.to_vec(),
            table,
            table2: Table::build(nclass, Vec::new()),
            dict,
            lex,
        },
        epoch,
    )
}

impl Tagger {
    /// Adds a second pass to a one-pass tagger, trained on `train` whose first-pass classes
    /// are `first` (jackknifed, so as noisy as at run time); `dev` as in [`train`], tagged
    /// for its first pass by `self`.
    pub(crate) fn train_second(
        mut self,
        train: &[&TagSent],
        first: &[Vec<u16>],
        dev: Option<&[&TagSent]>,
        opts: &TagTrainOpts,
        log: &mut dyn FnMut(&str),
    ) -> (Tagger, usize) {
        let dev_first: Option<Vec<Vec<u16>>> = dev.map(|d| {
            d.iter()
                .map(|s| {
                    let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    self.tag_first(&w)
                })
                .collect()
        });
        let (table2, epoch) = train_pass(
            &self.classes,
            train,
            Some(first),
            dev.map(|d| (d, dev_first.as_deref())),
            &self.dict,
            &self.lex,
            opts,
            log,
        );
        self.table2 = table2;
        (self, epoch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_and_shapes() {
        assert_eq!(suffix("walking", 3), hash_str("ing"));
        assert_eq!(suffix("ab", 4), hash_str("ab"));
        assert_eq!(prefix("walking", 2), hash_str("wa"));
        assert_eq!(prefix("é", 3), hash_str("é"));
        assert_eq!(shape("Xinjiang"), hash_str("Xx"));
        assert_eq!(shape("1,000"), hash_str("d,d"));
    }

    #[test]
    fn learns_a_toy_language() {
        let classes = vec![
            (Upos::Det, "DT".to_string()),
            (Upos::Noun, "NN".to_string()),
            (Upos::Verb, "VBZ".to_string()),
        ];
        let mk = |w: &[&str], g: &[u16]| TagSent {
            words: w.iter().map(|s| s.to_string()).collect(),
            gold: g.to_vec(),
        };
        let data = [
            mk(&["the", "dog", "barks"], &[0, 1, 2]),
            mk(&["a", "cat", "sleeps"], &[0, 1, 2]),
            mk(&["the", "bird", "sings"], &[0, 1, 2]),
        ];
        let refs: Vec<&TagSent> = data.iter().collect();
        let opts = TagTrainOpts {
            epochs: 5,
            seed: 1,
            levels: 1000.0,
            min_q: 1,
            dict_min_count: 100,
            dict_min_ratio: 1.0,
        };
        let (t, _) = train(&classes, &refs, None, &opts, &mut |_| {});
        assert_eq!(t.tag(&["a", "dog", "sings"]), vec![0, 1, 2]);
        assert_eq!(t.tag(&[]), Vec::<u16>::new());
        let mut e = Enc::default();
        t.encode(&mut e);
        let b = e.into_bytes();
        let back = Tagger::decode(&mut Dec::new(&b)).unwrap();
        assert_eq!(back.tag(&["the", "cat", "barks"]), vec![0, 1, 2]);
        // A second pass trained on the first pass's tags keeps the toy language right and
        // survives a round trip.
        let first: Vec<Vec<u16>> = data
            .iter()
            .map(|s| {
                let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
                t.tag_first(&w)
            })
            .collect();
        let (t2, _) = t.train_second(&refs, &first, None, &opts, &mut |_| {});
        assert!(t2.table2.len() > 0);
        assert_eq!(t2.tag(&["a", "dog", "sings"]), vec![0, 1, 2]);
        let mut e = Enc::default();
        t2.encode(&mut e);
        let b = e.into_bytes();
        let back = Tagger::decode(&mut Dec::new(&b)).unwrap();
        assert_eq!(back.tag(&["the", "bird", "barks"]), vec![0, 1, 2]);
    }
}
