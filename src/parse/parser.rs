//! Greedy transition-based dependency parser.
//!
//! **Transition system**: arc-hybrid (Kuhlmann, Gómez-Rodríguez & Satta 2011) with the
//! artificial root at the bottom of the stack and a single-root constraint: `RIGHT` may attach
//! a word to the root only once the buffer is empty, so every parse has exactly one root.
//!
//! - `SHIFT`: move the first buffer word `b0` onto the stack;
//! - `LEFT`: make `b0` the head of the stack top `s0` and pop `s0`;
//! - `RIGHT`: make `s1` the head of `s0` and pop `s0`.
//!
//! A word is popped only when it gets its head, and then it can take no more dependents, so
//! the label classifier consulted at that moment sees the dependent's complete subtree.
//!
//! **Training**: averaged perceptron with the dynamic oracle of Goldberg & Nivre (2012, 2013):
//! the cost of a transition is the number of gold arcs it makes unreachable (arc-hybrid is
//! arc-decomposable, so this is exact for projective trees); the model is updated towards
//! the best zero-cost transition, and after the first epochs the parser follows its own
//! (possibly wrong) prediction with some probability (error exploration). Non-projective
//! training trees are projectivised by lifting (Nivre & Nilsson 2005; the lifted arcs keep
//! their labels). Features follow Zhang & Nivre (2011), adapted to the arc-hybrid stack:
//! words and tags of `s0..s2` and `b0..b2`, pairs and triples, distance, valency, the
//! leftmost/rightmost children of `s0`, `s1` and `b0` with their labels, and label sets.

use super::ParseError;
use super::hash::{Rng, key};
use super::model::{Dec, Enc};
use super::perceptron::{Averaged, Scorer, Table, Trainer};
use super::tagger::{Info, info};

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
const NONE: u32 = u32::MAX;
const NILW: u64 = 0x0a11_ce00;
const ROOTW: u64 = 0x0a11_ce01;

/// A word as the parser sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct PTok {
    /// Hash of the lowercase form.
    pub(crate) w: u64,
    /// UPOS index + 2 (0 = none, 1 = root). The fine (XPOS) tag is not used: it is less
    /// accurate and did not help on EWT dev.
    pub(crate) p: u64,
    /// Ambiguity class of the word (tags seen with it in training).
    pub(crate) a: u64,
    /// Hash of the last three characters.
    pub(crate) suf: u64,
    /// Punctuation-like (no letters or digits).
    pub(crate) punct: bool,
}

/// Parser input for a sentence: index 0 is the root. `upos(class)` gives the UPOS index of
/// a tagger class.
pub(crate) fn ptoks(
    words: &[&str],
    tags: &[u16],
    infos: &[Info],
    upos: impl Fn(u16) -> u8,
) -> Vec<PTok> {
    let mut v = Vec::with_capacity(words.len() + 1);
    v.push(PTok {
        w: ROOTW,
        p: 1,
        a: ROOTW,
        suf: ROOTW,
        punct: false,
    });
    for (i, w) in words.iter().enumerate() {
        let tag = tags.get(i).copied().unwrap_or(0);
        let inf = infos.get(i).copied().unwrap_or_else(|| info(w));
        v.push(PTok {
            w: inf.lower,
            p: u64::from(upos(tag)) + 2,
            a: inf.amb,
            suf: inf.suf[2],
            punct: !w.chars().any(char::is_alphanumeric),
        });
    }
    v
}

/// Parser configuration.
#[derive(Clone, Debug)]
pub(crate) struct State {
    n: u32,
    stack: Vec<u32>,
    b: u32,
    pub(crate) head: Vec<u32>,
    /// Label id + 1, 0 = none.
    pub(crate) label: Vec<u8>,
    lc1: Vec<u32>,
    lc2: Vec<u32>,
    rc1: Vec<u32>,
    rc2: Vec<u32>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    pub(crate) fn new(n: usize) -> State {
        let m = n + 1;
        State {
            n: n as u32,
            stack: vec![0],
            b: 1,
            head: vec![NONE; m],
            label: vec![0; m],
            lc1: vec![NONE; m],
            lc2: vec![NONE; m],
            rc1: vec![NONE; m],
            rc2: vec![NONE; m],
            nl: vec![0; m],
            nr: vec![0; m],
            lset: vec![0; m],
            rset: vec![0; m],
        }
    }

    fn s(&self, i: usize) -> u32 {
        if self.stack.len() > i {
            self.stack[self.stack.len() - 1 - i]
        } else {
            NONE
        }
    }

    fn bi(&self, i: u32) -> u32 {
        let x = self.b + i;
        if x <= self.n { x } else { NONE }
    }

    pub(crate) fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() <= 1
    }

    pub(crate) fn valid(&self, t: usize) -> bool {
        let buf = self.b <= self.n;
        match t {
            SHIFT => buf,
            LEFT => buf && self.s(0) != 0 && self.s(0) != NONE,
            RIGHT => self.stack.len() >= 2 && (self.s(1) != 0 || !buf),
            _ => false,
        }
    }

    /// The arc `t` would make, as `(head, dependent)`.
    pub(crate) fn arc(&self, t: usize) -> Option<(u32, u32)> {
        match t {
            LEFT => Some((self.b, self.s(0))),
            RIGHT => Some((self.s(1), self.s(0))),
            _ => None,
        }
    }

    fn add_arc(&mut self, h: u32, d: u32, label: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = label + 1;
        let bit = 1u64 << (label % 64);
        if d < h {
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.lset[hu] |= bit;
            if self.lc1[hu] == NONE || d < self.lc1[hu] {
                self.lc2[hu] = self.lc1[hu];
                self.lc1[hu] = d;
            } else if self.lc2[hu] == NONE || d < self.lc2[hu] {
                self.lc2[hu] = d;
            }
        } else {
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.rset[hu] |= bit;
            if self.rc1[hu] == NONE || d > self.rc1[hu] {
                self.rc2[hu] = self.rc1[hu];
                self.rc1[hu] = d;
            } else if self.rc2[hu] == NONE || d > self.rc2[hu] {
                self.rc2[hu] = d;
            }
        }
    }

    /// Applies a valid transition (`label` is used by LEFT/RIGHT).
    pub(crate) fn apply(&mut self, t: usize, label: u8) {
        match t {
            SHIFT => {
                self.stack.push(self.b);
                self.b += 1;
            }
            LEFT => {
                let d = self.stack.pop().unwrap_or(0);
                self.add_arc(self.b, d, label);
            }
            _ => {
                let d = self.stack.pop().unwrap_or(0);
                let h = self.s(0);
                self.add_arc(h, d, label);
            }
        }
    }

    /// Dynamic-oracle cost of `t` (Goldberg & Nivre 2013, arc-hybrid): the number of gold
    /// arcs that become unreachable. `gold[d]` is the (projective) gold head of `d`.
    pub(crate) fn cost(&self, t: usize, gold: &[u32]) -> usize {
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b = self.b;
        let n = self.n;
        let in_buf = |x: u32| x != NONE && x >= b && x <= n;
        let deps_in_buf = |h: u32| (b..=n).filter(|&d| gold[d as usize] == h).count();
        match t {
            SHIFT => {
                let g = gold[b as usize];
                let mut c = self
                    .stack
                    .iter()
                    .filter(|&&d| gold[d as usize] == b)
                    .count();
                if g != s0 && self.stack.contains(&g) {
                    c += 1;
                }
                c
            }
            LEFT => {
                let g = gold[s0 as usize];
                let mut c = deps_in_buf(s0);
                if g != b && (g == s1 || in_buf(g)) {
                    c += 1;
                }
                c
            }
            _ => {
                let g = gold[s0 as usize];
                let mut c = deps_in_buf(s0);
                if g != s1 && in_buf(g) {
                    c += 1;
                }
                c
            }
        }
    }
}

fn dist_bucket(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return 0;
    }
    let d = a.abs_diff(b);
    match d {
        0..=4 => u64::from(d),
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

/// Transition features (Zhang & Nivre 2011 templates adapted to arc-hybrid).
pub(crate) fn features(st: &State, toks: &[PTok], out: &mut Vec<u64>) {
    out.clear();
    let w = |x: u32| if x == NONE { NILW } else { toks[x as usize].w };
    let p = |x: u32| if x == NONE { 0 } else { toks[x as usize].p };
    let l = |x: u32| {
        if x == NONE {
            0
        } else {
            u64::from(st.label[x as usize])
        }
    };
    let get = |v: &Vec<u32>, x: u32| if x == NONE { NONE } else { v[x as usize] };
    let s0 = st.s(0);
    let s1 = st.s(1);
    let s2 = st.s(2);
    let b0 = st.bi(0);
    let b1 = st.bi(1);
    let b2 = st.bi(2);
    let (s0w, s0p, s1w, s1p, s2w, s2p) = (w(s0), p(s0), w(s1), p(s1), w(s2), p(s2));
    let (b0w, b0p, b1w, b1p, b2w, b2p) = (w(b0), p(b0), w(b1), p(b1), w(b2), p(b2));
    let s0l = get(&st.lc1, s0);
    let s0l2 = get(&st.lc2, s0);
    let s0r = get(&st.rc1, s0);
    let s0r2 = get(&st.rc2, s0);
    let s1l = get(&st.lc1, s1);
    let s1r = get(&st.rc1, s1);
    let s1r2 = get(&st.rc2, s1);
    let b0l = get(&st.lc1, b0);
    let b0l2 = get(&st.lc2, b0);
    let d0 = dist_bucket(s0, b0);
    let d1 = dist_bucket(s1, s0);
    let vl = |x: u32| {
        if x == NONE {
            0
        } else {
            u64::from(st.nl[x as usize].min(6))
        }
    };
    let vr = |x: u32| {
        if x == NONE {
            0
        } else {
            u64::from(st.nr[x as usize].min(6))
        }
    };
    let ls = |x: u32| if x == NONE { 0 } else { st.lset[x as usize] };
    let rs = |x: u32| if x == NONE { 0 } else { st.rset[x as usize] };
    let mut t = 0u64;
    let mut f = |vals: &[u64]| {
        out.push(key(t, vals));
        t += 1;
    };
    f(&[]);
    // single words
    f(&[s0w]);
    f(&[s0p]);
    f(&[s0w, s0p]);
    f(&[b0w]);
    f(&[b0p]);
    f(&[b0w, b0p]);
    f(&[b1w]);
    f(&[b1p]);
    f(&[b1w, b1p]);
    f(&[b2w]);
    f(&[b2p]);
    f(&[b2w, b2p]);
    f(&[s1w]);
    f(&[s1p]);
    f(&[s1w, s1p]);
    f(&[s2w]);
    f(&[s2p]);
    // pairs
    f(&[s0w, s0p, b0w, b0p]);
    f(&[s0w, s0p, b0w]);
    f(&[s0w, b0w, b0p]);
    f(&[s0w, s0p, b0p]);
    f(&[s0p, b0w, b0p]);
    f(&[s0w, b0w]);
    f(&[s0p, b0p]);
    f(&[b0p, b1p]);
    f(&[s1w, s1p, s0w, s0p]);
    f(&[s1w, s0w]);
    f(&[s1p, s0p]);
    f(&[s1w, s1p, s0p]);
    f(&[s1p, s0w, s0p]);
    f(&[s1p, b0p]);
    f(&[s1w, b0w]);
    f(&[s0p, b1p]);
    f(&[s0w, b1w]);
    // triples
    f(&[b0p, b1p, b2p]);
    f(&[s0p, b0p, b1p]);
    f(&[s1p, s0p, b0p]);
    f(&[s2p, s1p, s0p]);
    f(&[s0p, p(s0l), b0p]);
    f(&[s0p, p(s0r), b0p]);
    f(&[s0p, b0p, p(b0l)]);
    f(&[s1p, p(s1r), s0p]);
    f(&[s1p, s0p, p(s0l)]);
    f(&[s1p, p(s1l), s0p]);
    f(&[s1p, s0p, p(s0r)]);
    f(&[s1p, s0p, b1p]);
    f(&[s2p, s1p, b0p]);
    // distance
    f(&[s0w, d0]);
    f(&[s0p, d0]);
    f(&[b0w, d0]);
    f(&[b0p, d0]);
    f(&[s0w, b0w, d0]);
    f(&[s0p, b0p, d0]);
    f(&[s1p, d1]);
    f(&[s0p, d1]);
    f(&[s1w, d1]);
    f(&[s1p, s0p, d1]);
    f(&[s1w, s0w, d1]);
    // valency
    f(&[s0w, vl(s0)]);
    f(&[s0p, vl(s0)]);
    f(&[s0w, vr(s0)]);
    f(&[s0p, vr(s0)]);
    f(&[b0w, vl(b0)]);
    f(&[b0p, vl(b0)]);
    f(&[s1w, vr(s1)]);
    f(&[s1p, vr(s1)]);
    f(&[s1p, vl(s1)]);
    // children
    f(&[w(s0l)]);
    f(&[p(s0l)]);
    f(&[l(s0l)]);
    f(&[w(s0r)]);
    f(&[p(s0r)]);
    f(&[l(s0r)]);
    f(&[w(b0l)]);
    f(&[p(b0l)]);
    f(&[l(b0l)]);
    f(&[w(s1r)]);
    f(&[p(s1r)]);
    f(&[l(s1r)]);
    f(&[p(s1l)]);
    f(&[l(s1l)]);
    // second-order children
    f(&[w(s0l2)]);
    f(&[p(s0l2)]);
    f(&[l(s0l2)]);
    f(&[w(s0r2)]);
    f(&[p(s0r2)]);
    f(&[l(s0r2)]);
    f(&[w(b0l2)]);
    f(&[p(b0l2)]);
    f(&[l(b0l2)]);
    f(&[p(s1r2)]);
    f(&[l(s1r2)]);
    f(&[s0p, p(s0l), p(s0l2)]);
    f(&[s0p, p(s0r), p(s0r2)]);
    f(&[b0p, p(b0l), p(b0l2)]);
    f(&[s1p, p(s1r), p(s1r2)]);
    // label sets
    f(&[s0w, ls(s0)]);
    f(&[s0p, ls(s0)]);
    f(&[s0w, rs(s0)]);
    f(&[s0p, rs(s0)]);
    f(&[b0w, ls(b0)]);
    f(&[b0p, ls(b0)]);
    f(&[s1w, rs(s1)]);
    f(&[s1p, rs(s1)]);
    f(&[s1p, ls(s1)]);
    // extras: labels with tags, stack depth, punctuation between s0 and b0
    f(&[s0p, l(s0l), b0p]);
    f(&[s0p, l(s0r), b0p]);
    f(&[s1p, l(s1r), s0p]);
    let depth = (st.stack.len() as u64).min(5);
    f(&[depth, b0p]);
    f(&[depth, s0p, b0p]);
    let punct_between = if s0 != NONE && b0 != NONE {
        (s0 + 1..b0)
            .filter(|&i| toks[i as usize].punct)
            .count()
            .min(3) as u64
    } else {
        9
    };
    f(&[s0p, b0p, punct_between]);
    let last = u64::from(b0 != NONE && b1 == NONE);
    f(&[s0p, b0p, last]);
    f(&[s0p, toks.get(b0 as usize).map_or(NILW, |t| t.suf), b0p]);
    // ambiguity classes (the tags a word was seen with: robust to tagging errors)
    let a = |x: u32| if x == NONE { NILW } else { toks[x as usize].a };
    f(&[a(s0)]);
    f(&[a(b0)]);
    f(&[a(b1)]);
    f(&[a(s0), a(b0)]);
    f(&[a(s1), a(s0)]);
    // richer: buffer pairs, label pairs (third order), words with child labels
    f(&[b0w, b1w]);
    f(&[b0w, b1p]);
    f(&[b0p, b1w]);
    f(&[s0p, a(b0)]);
    f(&[a(s0), b0p]);
    f(&[s0p, l(s0l), l(s0l2)]);
    f(&[s0p, l(s0r), l(s0r2)]);
    f(&[b0p, l(b0l), l(b0l2)]);
    f(&[s1p, l(s1r), l(s1r2)]);
    f(&[s0w, l(s0l)]);
    f(&[s0w, l(s0r)]);
    f(&[b0w, l(b0l)]);
    f(&[s1w, l(s1r)]);
    f(&[s0w, s0p, b0p, b1p]);
    f(&[s1p, s0p, b0p, b1p]);
    f(&[s0p, b0p, d0, punct_between]);
}

fn children(st: &State, h: u32) -> impl Iterator<Item = u32> + '_ {
    st.head
        .iter()
        .enumerate()
        .filter(move |&(_, &x)| x == h)
        .map(|(i, _)| i as u32)
}

/// Label features for the arc `h → d` about to be made in `st`.
pub(crate) fn label_features(st: &State, toks: &[PTok], h: u32, d: u32, out: &mut Vec<u64>) {
    out.clear();
    let w = |x: u32| toks.get(x as usize).map_or(NILW, |t| t.w);
    let p = |x: u32| toks.get(x as usize).map_or(0, |t| t.p);
    let l = |x: u32| {
        if x == NONE {
            0
        } else {
            u64::from(st.label[x as usize])
        }
    };
    let get = |v: &Vec<u32>, x: u32| v[x as usize];
    let dir = u64::from(d < h);
    let (dw, dp, hw, hp) = (w(d), p(d), w(h), p(h));
    let dist = dist_bucket(h, d);
    let dsuf = toks.get(d as usize).map_or(0, |t| t.suf);
    let dl = get(&st.lc1, d);
    let dr = get(&st.rc1, d);
    let hl = get(&st.lc1, h);
    let hr = get(&st.rc1, h);
    let prev = |x: u32| if x <= 1 { 0 } else { p(x - 1) };
    let next = |x: u32| {
        if x + 1 >= toks.len() as u32 {
            0
        } else {
            p(x + 1)
        }
    };
    let (lo, hi) = if d < h { (d, h) } else { (h, d) };
    let commas = (lo + 1..hi)
        .filter(|&i| toks.get(i as usize).is_some_and(|t| t.punct))
        .count()
        .min(3) as u64;
    let mut t = 0u64;
    let mut f = |vals: &[u64]| {
        out.push(key(t, vals));
        t += 1;
    };
    f(&[dir]);
    f(&[dir, dw]);
    f(&[dir, dp]);
    f(&[dir, dw, dp]);
    f(&[dir, hw]);
    f(&[dir, hp]);
    f(&[dir, hw, hp]);
    f(&[dir, dp, hp]);
    f(&[dir, dw, hp]);
    f(&[dir, dp, hw]);
    f(&[dir, dw, hw]);
    f(&[dir, dp, hp, dist]);
    f(&[dir, dp, dsuf]);
    f(&[dir, hp, dsuf]);
    f(&[dir, dp, p(dl), l(dl)]);
    f(&[dir, dp, p(dr), l(dr)]);
    f(&[dir, dp, if dl == NONE { NILW } else { w(dl) }]);
    f(&[dir, dp, if dr == NONE { NILW } else { w(dr) }]);
    f(&[dir, dp, st.lset[d as usize]]);
    f(&[dir, dp, st.rset[d as usize]]);
    f(&[dir, hp, st.lset[h as usize]]);
    f(&[dir, hp, st.rset[h as usize]]);
    f(&[dir, dp, hp, st.lset[h as usize]]);
    f(&[dir, hp, l(hl)]);
    f(&[dir, hp, l(hr)]);
    f(&[dir, dp, hp, commas]);
    f(&[dir, dp, prev(d)]);
    f(&[dir, dp, next(d)]);
    f(&[dir, hp, prev(h)]);
    f(&[dir, hp, next(h)]);
    f(&[dir, dp, prev(d), next(d)]);
    f(&[
        dir,
        dp,
        u64::from(st.nl[d as usize].min(4)),
        u64::from(st.nr[d as usize].min(4)),
    ]);
    f(&[dir, hp, if dl == NONE { NILW } else { w(dl) }]);
    f(&[dir, dp, u64::from(d == 1), u64::from(h == 0)]);
    let a = |x: u32| toks.get(x as usize).map_or(NILW, |t| t.a);
    f(&[dir, a(d), hp]);
    f(&[dir, dp, a(h)]);
    f(&[dir, dw, dp, hp]);
    f(&[dir, dp, hw, hp]);
    f(&[dir, dsuf, hw]);
    f(&[dir, dp, hp, st.lset[d as usize], st.rset[d as usize]]);
    f(&[dir, dp, hp, prev(d), next(d)]);
    f(&[dir, dp, hp, prev(h), next(h)]);
    for c in children(st, d) {
        let (cw, cl) = (w(c), l(c));
        out.push(key(1000, &[dir, dp, cw]));
        out.push(key(1001, &[dir, cl, cw]));
        out.push(key(1002, &[dir, dp, hp, cl]));
    }
    for c in children(st, h) {
        out.push(key(1003, &[dir, dp, l(c), u64::from(c < d)]));
    }
}

/// The trained parser: transition and label tables and the label names.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parser {
    pub(crate) labels: Vec<String>,
    pub(crate) trans: Table,
    pub(crate) labeler: Table,
    /// Punctuation re-attachment ranker (one class; empty = not used).
    pub(crate) punct: Table,
}

/// `PTok::p` of punctuation.
pub(crate) const PUNCT_P: u64 = super::Upos::Punct as u64 + 2;

/// Index of the best valid transition.
fn best_valid(st: &State, scores: &[f32; 3]) -> usize {
    let mut best = usize::MAX;
    for t in 0..3 {
        if st.valid(t) && (best == usize::MAX || scores[t] > scores[best]) {
            best = t;
        }
    }
    if best == usize::MAX { SHIFT } else { best }
}

/// Best label id for `h → d` (the root label only, and always, for the root).
fn best_label(scores: &[f32], root: usize, h: u32) -> usize {
    if h == 0 {
        return root;
    }
    let mut best = usize::MAX;
    for (i, &s) in scores.iter().enumerate() {
        if i != root && (best == usize::MAX || s > scores[best]) {
            best = i;
        }
    }
    if best == usize::MAX { 0 } else { best }
}

/// Parses with any scorer pair. Returns the final state.
pub(crate) fn parse_with<S: Scorer, L: Scorer>(
    trans: &S,
    labeler: &L,
    nlabels: usize,
    root: usize,
    toks: &[PTok],
) -> State {
    let n = toks.len().saturating_sub(1);
    let mut st = State::new(n);
    let mut feats = Vec::with_capacity(128);
    let mut lfeats = Vec::with_capacity(64);
    let mut lscores = vec![0f32; nlabels.max(1)];
    // At most 2n transitions; the bound guards against any logic error.
    for _ in 0..(2 * n + 2) {
        if st.terminal() {
            break;
        }
        features(&st, toks, &mut feats);
        let mut scores = [0f32; 3];
        trans.add_scores(&feats, &mut scores);
        let t = best_valid(&st, &scores);
        let mut lab = 0usize;
        if let Some((h, d)) = st.arc(t) {
            if h != 0 {
                label_features(&st, toks, h, d, &mut lfeats);
                lscores.iter_mut().for_each(|s| *s = 0.0);
                labeler.add_scores(&lfeats, &mut lscores);
            }
            lab = best_label(&lscores, root, h);
        }
        st.apply(t, lab as u8);
    }
    st
}

impl Parser {
    fn root(&self) -> usize {
        self.labels.iter().position(|l| l == "root").unwrap_or(0)
    }

    /// Parses a tagged sentence: 0-based heads (`None` = root) and full labels.
    pub(crate) fn parse(
        &self,
        words: &[&str],
        tags: &[u16],
        infos: &[Info],
        upos: impl Fn(u16) -> u8,
    ) -> (Vec<Option<usize>>, Vec<String>) {
        let toks = ptoks(words, tags, infos, &upos);
        let mut st = parse_with(
            &self.trans,
            &self.labeler,
            self.labels.len(),
            self.root(),
            &toks,
        );
        if self.punct.len() > 0 {
            super::punct::reattach(&self.punct, &toks, &mut st.head, &st.label, PUNCT_P);
        }
        let n = words.len();
        let mut heads = Vec::with_capacity(n);
        let mut labels = Vec::with_capacity(n);
        for i in 1..=n {
            let h = st.head.get(i).copied().unwrap_or(NONE);
            let lab = st.label.get(i).copied().unwrap_or(0);
            if h == 0 || h == NONE {
                heads.push(None);
                labels.push("root".to_string());
            } else {
                heads.push(Some(h as usize - 1));
                let name = usize::from(lab)
                    .checked_sub(1)
                    .and_then(|l| self.labels.get(l))
                    .map_or("dep", String::as_str);
                labels.push(name.to_string());
            }
        }
        (heads, labels)
    }

    pub(crate) fn encode(&self, e: &mut Enc) {
        e.varint(self.labels.len() as u64);
        for l in &self.labels {
            e.str(l);
        }
        self.trans.encode(e);
        self.labeler.encode(e);
        self.punct.encode(e);
    }

    pub(crate) fn decode(d: &mut Dec<'_>) -> Result<Parser, ParseError> {
        let what = "parser";
        let n = d.count(what)?;
        if n == 0 || n > 64 {
            return Err(ParseError::Corrupt(format!("parser: {n} labels")));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(d.str(what)?);
        }
        if !labels.iter().any(|l| l == "root") {
            return Err(ParseError::Corrupt("parser: no root label".into()));
        }
        let trans = Table::decode(d, "parser transitions")?;
        if trans.nclass() != 3 {
            return Err(ParseError::Corrupt("parser: transition classes".into()));
        }
        let labeler = Table::decode(d, "parser labels")?;
        if labeler.nclass() != n {
            return Err(ParseError::Corrupt("parser: label classes".into()));
        }
        let punct = Table::decode(d, "parser punctuation")?;
        if punct.nclass() != 1 {
            return Err(ParseError::Corrupt("parser: punctuation classes".into()));
        }
        Ok(Parser {
            labels,
            trans,
            labeler,
            punct,
        })
    }
}

/// Lifts non-projective arcs (shortest first) until the tree is projective.
/// `heads[d]` for `d` in `1..=n` (index 0 unused), 0 = root.
pub(crate) fn projectivize(heads: &[u32]) -> Vec<u32> {
    let mut h = heads.to_vec();
    let n = h.len().saturating_sub(1);
    let is_anc = |h: &[u32], a: u32, mut x: u32| -> bool {
        let mut steps = 0;
        while x != 0 && steps <= n {
            if x == a {
                return true;
            }
            x = h[x as usize];
            steps += 1;
        }
        a == 0
    };
    for _ in 0..(n * n + 1) {
        let mut worst: Option<(u32, u32)> = None; // (span, d)
        for d in 1..=n as u32 {
            let hd = h[d as usize];
            let (lo, hi) = if d < hd { (d, hd) } else { (hd, d) };
            let nonproj = (lo + 1..hi).any(|k| !is_anc(&h, hd, k));
            if nonproj && worst.is_none_or(|(s, _)| hi - lo < s) {
                worst = Some((hi - lo, d));
            }
        }
        match worst {
            Some((_, d)) => {
                let hd = h[d as usize];
                h[d as usize] = if hd == 0 { 0 } else { h[hd as usize] };
            }
            None => break,
        }
    }
    h
}

/// Whether a tree is projective.
#[cfg(test)]
pub(crate) fn is_projective(heads: &[u32]) -> bool {
    projectivize(heads) == heads
}

/// Training-time data for one sentence.
pub(crate) struct ParseSent {
    pub(crate) toks: Vec<PTok>,
    /// Projectivised gold heads (index 0 unused).
    pub(crate) gold: Vec<u32>,
    /// Original gold heads (index 0 unused), for evaluation.
    pub(crate) gold_orig: Vec<u32>,
    /// Gold label ids (index 0 unused).
    pub(crate) glabel: Vec<u8>,
}

/// Trainer state for the parser.
pub(crate) struct ParserTrainer {
    pub(crate) trans: Trainer,
    pub(crate) labeler: Trainer,
    pub(crate) root: usize,
}

impl ParserTrainer {
    pub(crate) fn new(nlabels: usize, root: usize) -> Self {
        ParserTrainer {
            trans: Trainer::new(3),
            labeler: Trainer::new(nlabels),
            root,
        }
    }

    /// One training pass over a sentence. `explore`: probability of following a wrong
    /// prediction. Returns (correct transitions, transitions).
    pub(crate) fn train_sentence(
        &mut self,
        s: &ParseSent,
        explore: f64,
        rng: &mut Rng,
    ) -> (usize, usize) {
        let n = s.toks.len() - 1;
        let nl = self.labeler.nclass();
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(128);
        let mut lfeats = Vec::with_capacity(64);
        let mut lsc = vec![0f64; nl];
        let (mut ok, mut tot) = (0, 0);
        for _ in 0..(2 * n + 2) {
            if st.terminal() {
                break;
            }
            features(&st, &s.toks, &mut feats);
            let mut sc = [0f64; 3];
            self.trans.score(&feats, &mut sc);
            let mut costs = [usize::MAX; 3];
            for (t, c) in costs.iter_mut().enumerate() {
                if st.valid(t) {
                    *c = st.cost(t, &s.gold);
                }
            }
            let min_cost = costs.iter().copied().min().unwrap_or(0);
            let mut pred = usize::MAX;
            let mut gold = usize::MAX;
            for t in 0..3 {
                if costs[t] == usize::MAX {
                    continue;
                }
                if pred == usize::MAX || sc[t] > sc[pred] {
                    pred = t;
                }
                if costs[t] == min_cost && (gold == usize::MAX || sc[t] > sc[gold]) {
                    gold = t;
                }
            }
            if pred == usize::MAX {
                break;
            }
            tot += 1;
            if costs[pred] > min_cost {
                self.trans.update(&feats, gold, pred);
            } else {
                ok += 1;
            }
            self.trans.tick();
            // Follow the prediction when it is optimal, or (exploring) with probability
            // `explore` when it is not; otherwise the best zero-cost transition.
            let follow_pred =
                costs[pred] == min_cost || (explore > 0.0 && rng.next_f64() < explore);
            let next = if follow_pred { pred } else { gold };
            let mut lab = 0usize;
            if let Some((h, d)) = st.arc(next) {
                if h == 0 {
                    lab = self.root;
                } else {
                    label_features(&st, &s.toks, h, d, &mut lfeats);
                    lsc.iter_mut().for_each(|x| *x = 0.0);
                    self.labeler.score(&lfeats, &mut lsc);
                    let mut best = usize::MAX;
                    for (i, &v) in lsc.iter().enumerate() {
                        if i != self.root && (best == usize::MAX || v > lsc[best]) {
                            best = i;
                        }
                    }
                    lab = if best == usize::MAX { 0 } else { best };
                    if s.gold[d as usize] == h {
                        let g = usize::from(s.glabel[d as usize]);
                        self.labeler.update(&lfeats, g, lab);
                        self.labeler.tick();
                    }
                }
            }
            st.apply(next, lab as u8);
        }
        (ok, tot)
    }

    /// Parses with the averaged weights.
    pub(crate) fn parse_avg(&self, toks: &[PTok]) -> State {
        parse_with(
            &Averaged(&self.trans),
            &Averaged(&self.labeler),
            self.labeler.nclass(),
            self.root,
            toks,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the zero-cost transitions from the initial state (static use of the dynamic
    /// oracle) and returns the heads built.
    fn oracle_parse(gold: &[u32]) -> Vec<u32> {
        let n = gold.len() - 1;
        let mut st = State::new(n);
        let mut steps = 0;
        while !st.terminal() {
            let t = (0..3)
                .find(|&t| st.valid(t) && st.cost(t, gold) == 0)
                .expect("a zero-cost transition exists for a projective tree");
            st.apply(t, 0);
            steps += 1;
        }
        assert_eq!(steps, 2 * n);
        st.head
    }

    #[test]
    fn oracle_reproduces_projective_trees() {
        // "Starmer failed to persuade Trump when the two met ."
        //  1       2      3  4        5     6    7   8   9   10
        let gold = vec![0, 2, 0, 4, 2, 4, 9, 8, 9, 2, 2];
        assert!(is_projective(&gold));
        let got = oracle_parse(&gold);
        assert_eq!(&got[1..], &gold[1..]);
        // Right-branching chain and a left-branching one.
        let chain: Vec<u32> = std::iter::once(0).chain(0..20).collect();
        assert_eq!(&oracle_parse(&chain)[1..], &chain[1..]);
        let left: Vec<u32> = std::iter::once(0).chain((2..=20).chain([0])).collect();
        assert_eq!(&oracle_parse(&left)[1..], &left[1..]);
    }

    #[test]
    fn oracle_reproduces_random_projective_trees() {
        // Random projective trees: generate by recursive splitting.
        fn build(lo: u32, hi: u32, head: u32, rng: &mut Rng, h: &mut Vec<u32>) {
            if lo > hi {
                return;
            }
            let r = lo + rng.below((hi - lo + 1) as usize) as u32;
            h[r as usize] = head;
            build(lo, r - 1, r, rng, h);
            build(r + 1, hi, r, rng, h);
        }
        let mut rng = Rng::new(42);
        for n in 1..40u32 {
            let mut h = vec![0u32; n as usize + 1];
            build(1, n, 0, &mut rng, &mut h);
            assert!(is_projective(&h));
            assert_eq!(&oracle_parse(&h)[1..], &h[1..], "n={n}");
        }
    }

    #[test]
    fn dynamic_oracle_recovers_after_mistakes() {
        // After a wrong transition, following zero-cost transitions still builds every gold
        // arc that remained reachable: the final tree loses exactly the cost paid.
        let gold = vec![0, 2, 0, 4, 2, 4, 9, 8, 9, 2, 2];
        let mut st = State::new(10);
        st.apply(SHIFT, 0); // s0 = 1
        // s0 = 2: wrong, 1 should have attached to 2 first, and 2 (the gold root) can no
        // longer reach the root over 1. Two arcs are lost.
        assert_eq!(st.cost(SHIFT, &gold), 2);
        st.apply(SHIFT, 0);
        let lost = 2;
        while !st.terminal() {
            let min = (0..3)
                .filter(|&t| st.valid(t))
                .map(|t| st.cost(t, &gold))
                .min()
                .unwrap();
            assert_eq!(min, 0);
            let t = (0..3)
                .find(|&t| st.valid(t) && st.cost(t, &gold) == 0)
                .unwrap();
            st.apply(t, 0);
        }
        let wrong = (1..=10).filter(|&i| st.head[i] != gold[i]).count();
        assert_eq!(wrong, lost);
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 1 <- 3, 2 <- 4 crossing: heads 1->3, 2->4, 3->0, 4->3
        let h = vec![0, 3, 4, 0, 3];
        assert!(!is_projective(&h));
        let p = projectivize(&h);
        assert!(is_projective(&p));
        assert_eq!(p, vec![0, 3, 3, 0, 3]);
    }

    #[test]
    fn single_root_always() {
        let p = Parser {
            labels: vec!["root".into(), "dep".into()],
            trans: Table::default(),
            labeler: Table::default(),
            punct: Table::default(),
        };
        for n in [1usize, 2, 7, 60] {
            let words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
            let w: Vec<&str> = words.iter().map(String::as_str).collect();
            let (heads, labels) = p.parse(&w, &vec![0; n], &[], |_| 0);
            assert_eq!(heads.iter().filter(|h| h.is_none()).count(), 1);
            assert_eq!(labels.iter().filter(|l| *l == "root").count(), 1);
        }
    }
}
