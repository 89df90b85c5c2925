//! Re-attachment of punctuation after parsing.
//!
//! A greedy parser decides where a comma or a full stop goes while most of the sentence is
//! still unparsed, and punctuation is its most frequent head error on EWT. UD attaches a
//! punctuation mark to the head of the unit it delimits, at the highest node that keeps the
//! tree projective; which node that is depends on the finished tree. So once the parse is
//! complete, every punctuation leaf is re-attached to the best of its projective candidate
//! heads — the nodes whose subtree reaches the word next to it, on either side — by a
//! ranking perceptron that sees the candidate's tag, relation, height and position. It is
//! trained on gold trees (`train_sentence`).

use super::hash::key;
use super::parser::PTok;
use super::perceptron::{Scorer, Trainer};

/// Subtree spans of a tree (`head[d]`, 0 = root, index 0 unused), ignoring word `skip`.
fn spans(head: &[u32], skip: usize) -> (Vec<u32>, Vec<u32>) {
    let n = head.len();
    let mut lo: Vec<u32> = (0..n as u32).collect();
    let mut hi: Vec<u32> = (0..n as u32).collect();
    lo[0] = 0;
    hi[0] = n.saturating_sub(1) as u32;
    for y in 1..n {
        if y == skip {
            continue;
        }
        let mut a = head[y] as usize;
        let mut steps = 0;
        while a != 0 && a < n && steps < n {
            lo[a] = lo[a].min(y as u32);
            hi[a] = hi[a].max(y as u32);
            a = head[a] as usize;
            steps += 1;
        }
    }
    (lo, hi)
}

/// Candidate heads of leaf `p`: every word `c` (not the root) whose subtree, without `p`,
/// reaches the word next to `p` on `c`'s side, so that `c → p` is projective.
fn candidates(head: &[u32], p: usize, lo: &[u32], hi: &[u32], out: &mut Vec<u32>) {
    out.clear();
    let p32 = p as u32;
    for c in 1..head.len() {
        if c == p {
            continue;
        }
        let c32 = c as u32;
        let ok = if c < p {
            hi[c] + 1 >= p32
        } else {
            lo[c] <= p32 + 1
        };
        if ok {
            out.push(c32);
        }
    }
}

fn dist_bucket(d: u32) -> u64 {
    match d {
        0..=3 => u64::from(d),
        4..=6 => 4,
        7..=10 => 5,
        _ => 6,
    }
}

/// Features of attaching punctuation `p` to candidate `c`. `label[x]` is label id + 1.
#[allow(clippy::too_many_arguments)]
fn features(
    toks: &[PTok],
    head: &[u32],
    label: &[u8],
    lo: &[u32],
    hi: &[u32],
    p: usize,
    c: usize,
    rank: u64,
    top: u64,
    out: &mut Vec<u64>,
) {
    out.clear();
    let n = head.len() - 1;
    let pf = toks[p].w;
    let dir = u64::from(c < p);
    let cu = toks[c].p;
    let cl = u64::from(label[c]);
    let hc = head[c] as usize;
    let isroot = u64::from(hc == 0);
    let hu = if hc == 0 { 1 } else { toks[hc].p };
    let db = dist_bucket((c as u32).abs_diff(p as u32));
    let adj = u64::from(if c < p {
        hi[c] + 1 == p as u32
    } else {
        lo[c] == p as u32 + 1
    });
    let inside = u64::from(lo[c] < p as u32 && hi[c] > p as u32);
    let nu = if p < n { toks[p + 1].p } else { 0 };
    let pu = if p > 1 { toks[p - 1].p } else { 0 };
    let last = u64::from((p + 1..=n).all(|k| toks[k].punct));
    let first = u64::from((1..p).all(|k| toks[k].punct));
    let mut t = 0u64;
    let mut f = |vals: &[u64]| {
        out.push(key(5000 + t, vals));
        t += 1;
    };
    f(&[pf, dir]);
    f(&[pf, dir, cu]);
    f(&[pf, dir, cl]);
    f(&[pf, dir, cl, cu]);
    f(&[pf, isroot]);
    f(&[pf, dir, db]);
    f(&[pf, dir, adj]);
    f(&[pf, dir, rank]);
    f(&[pf, dir, top]);
    f(&[pf, inside]);
    f(&[pf, inside, cl]);
    f(&[pf, nu, cl, dir]);
    f(&[pf, pu, cl, dir]);
    f(&[pf, last, cl, dir]);
    f(&[pf, first, cl, dir]);
    f(&[pf, cl, hu]);
    f(&[pf, dir, adj, cl]);
    f(&[pf, rank, cl, dir]);
    f(&[pf, nu, dir, rank]);
    f(&[pf, nu, dir, top]);
    f(&[dir, cl, rank]);
    f(&[dir, cl, adj]);
    f(&[dir, cl, top, inside]);
    f(&[pf, dir, top, cl, isroot]);
    f(&[pf, dir, toks[c].w]);
    f(&[pf, nu, pu, dir, top]);
    f(&[pf, dir, cl, u64::from(label[hc.min(n)])]);
}

/// Ranks of candidates: per side, 0 for the lowest (smallest subtree), and whether each is
/// the highest of its side.
fn ranks(cands: &[u32], p: usize, lo: &[u32], hi: &[u32]) -> Vec<(u64, u64)> {
    let size = |c: u32| hi[c as usize] - lo[c as usize];
    cands
        .iter()
        .map(|&c| {
            let side = (c as usize) < p;
            let s = size(c);
            let same = cands.iter().filter(|&&o| ((o as usize) < p) == side);
            let below = same.clone().filter(|&&o| size(o) < s).count() as u64;
            let above = same.filter(|&&o| size(o) > s).count();
            (below.min(3), u64::from(above == 0))
        })
        .collect()
}

/// Punctuation words (UPOS `punct_p`) that are leaves with a head other than the root.
fn punct_leaves(toks: &[PTok], head: &[u32], punct_p: u64) -> Vec<usize> {
    let n = head.len();
    let mut has_child = vec![false; n];
    for &h in &head[1..] {
        if (h as usize) < n {
            has_child[h as usize] = true;
        }
    }
    (1..n)
        .filter(|&d| toks[d].p == punct_p && !has_child[d] && head[d] != 0)
        .collect()
}

/// Re-attaches the punctuation leaves of a parsed sentence (`head`/`label` indexed from 1,
/// labels as id + 1).
pub(crate) fn reattach<S: Scorer>(
    scorer: &S,
    toks: &[PTok],
    head: &mut [u32],
    label: &[u8],
    punct_p: u64,
) {
    let mut cands = Vec::new();
    let mut feats = Vec::with_capacity(32);
    for p in punct_leaves(toks, head, punct_p) {
        let (lo, hi) = spans(head, p);
        candidates(head, p, &lo, &hi, &mut cands);
        if cands.len() < 2 {
            continue;
        }
        let rk = ranks(&cands, p, &lo, &hi);
        let mut best = (f32::NEG_INFINITY, head[p]);
        for (&c, &(r, top)) in cands.iter().zip(&rk) {
            features(
                toks, head, label, &lo, &hi, p, c as usize, r, top, &mut feats,
            );
            let mut s = [0f32; 1];
            scorer.add_scores(&feats, &mut s);
            if s[0] > best.0 {
                best = (s[0], c);
            }
        }
        head[p] = best.1;
    }
}

/// One ranking-perceptron pass over the punctuation of a gold tree (`gold_label` as id + 1).
/// Returns (correct, total) choices.
pub(crate) fn train_sentence(
    tr: &mut Trainer,
    toks: &[PTok],
    gold: &[u32],
    gold_label: &[u8],
    punct_p: u64,
) -> (usize, usize) {
    let mut cands = Vec::new();
    let mut feats = Vec::with_capacity(32);
    let mut gfeats = Vec::with_capacity(32);
    let (mut ok, mut tot) = (0, 0);
    for p in punct_leaves(toks, gold, punct_p) {
        let (lo, hi) = spans(gold, p);
        candidates(gold, p, &lo, &hi, &mut cands);
        if cands.len() < 2 || !cands.contains(&gold[p]) {
            continue;
        }
        let rk = ranks(&cands, p, &lo, &hi);
        let mut best = (f64::NEG_INFINITY, 0u32, Vec::new());
        for (&c, &(r, top)) in cands.iter().zip(&rk) {
            features(
                toks, gold, gold_label, &lo, &hi, p, c as usize, r, top, &mut feats,
            );
            let mut s = [0f64; 1];
            tr.score(&feats, &mut s);
            if c == gold[p] {
                gfeats.clone_from(&feats);
            }
            if s[0] > best.0 {
                best = (s[0], c, feats.clone());
            }
        }
        tot += 1;
        if best.1 == gold[p] {
            ok += 1;
        } else {
            tr.update_rank(&gfeats, &best.2);
        }
        tr.tick();
    }
    (ok, tot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_projective_heads() {
        // "he left , she stayed ." : left(2) root; he(1)->2; ,(3)->5; she(4)->5; stayed(5)->2;
        // .(6)->2
        let head = vec![0, 2, 0, 5, 5, 2, 2];
        let (lo, hi) = spans(&head, 3);
        let mut c = Vec::new();
        candidates(&head, 3, &lo, &hi, &mut c);
        // Left: "left" (its subtree, without the comma, reaches "he" .. "." and so word 2);
        // "he" does not reach the comma; right: "she" and "stayed".
        assert_eq!(c, vec![2, 4, 5]);
        let (lo, hi) = spans(&head, 6);
        candidates(&head, 6, &lo, &hi, &mut c);
        assert_eq!(c, vec![2, 5]);
    }

    #[test]
    fn ranker_learns_to_reattach() {
        use super::super::hash::hash_str;
        // Gold: "he left , she stayed ." with the comma on "stayed", the stop on "left".
        let tok = |w: &str, p: u64| PTok {
            w: hash_str(w),
            p,
            a: 0,
            suf: 0,
            punct: p == PUNCT_P,
        };
        const PUNCT_P: u64 = 14;
        let toks = vec![
            tok("<root>", 1),
            tok("he", 12),
            tok("left", 17),
            tok(",", PUNCT_P),
            tok("she", 12),
            tok("stayed", 17),
            tok(".", PUNCT_P),
        ];
        let gold = vec![0, 2, 0, 5, 5, 2, 2];
        let labels = vec![0, 2, 1, 3, 2, 4, 3];
        let mut tr = Trainer::new(1);
        for _ in 0..5 {
            train_sentence(&mut tr, &toks, &gold, &labels, PUNCT_P);
        }
        let table = tr.compile(1000.0, 1);
        // A parse with both marks on the wrong heads is repaired.
        let mut head = vec![0, 2, 0, 2, 5, 2, 5];
        reattach(&table, &toks, &mut head, &labels, PUNCT_P);
        assert_eq!(head, gold);
    }
}
