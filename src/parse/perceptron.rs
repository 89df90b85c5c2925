//! Averaged multi-class perceptron (Collins 2002; Freund & Schapire 1999): a sparse trainer
//! and the compact, quantised [`Table`] that trained models are shipped and run as.
//!
//! Training keeps, per feature key, a short list of `(class, weight, timed sum)` entries and
//! averages lazily with the "w − u/c" identity (Daumé III 2006), so an update touches only
//! the classes involved. [`Trainer::compile`] averages, prunes small weights, quantises the
//! rest to `i16` and builds a [`Table`]: an open-addressing hash table from 32-bit feature
//! keys to packed `(class, weight)` runs, which is what [`crate::parse::Model`] uses.

use super::ParseError;
use super::hash::PassBuild;
use super::model::{Dec, Enc};
use std::collections::HashMap;

#[derive(Clone, Copy, Debug)]
struct Entry {
    class: u16,
    w: i32,
    u: i64,
}

/// Sparse averaged-perceptron trainer over `nclass` classes.
pub(crate) struct Trainer {
    nclass: usize,
    index: HashMap<u64, u32, PassBuild>,
    rows: Vec<Vec<Entry>>,
    /// Example counter for averaging (starts at 1).
    c: i64,
}

impl Trainer {
    pub(crate) fn new(nclass: usize) -> Self {
        Trainer {
            nclass,
            index: HashMap::default(),
            rows: Vec::new(),
            c: 1,
        }
    }

    pub(crate) fn nclass(&self) -> usize {
        self.nclass
    }

    /// Advances the averaging clock by one example.
    pub(crate) fn tick(&mut self) {
        self.c += 1;
    }

    /// Current (non-averaged) scores, added to `out`.
    pub(crate) fn score(&self, feats: &[u64], out: &mut [f64]) {
        for f in feats {
            if let Some(&i) = self.index.get(f) {
                for e in &self.rows[i as usize] {
                    out[e.class as usize] += f64::from(e.w);
                }
            }
        }
    }

    /// Averaged scores, added to `out` (for evaluating mid-training).
    pub(crate) fn score_avg(&self, feats: &[u64], out: &mut [f64]) {
        let c = self.c as f64;
        for f in feats {
            if let Some(&i) = self.index.get(f) {
                for e in &self.rows[i as usize] {
                    out[e.class as usize] += f64::from(e.w) - e.u as f64 / c;
                }
            }
        }
    }

    fn bump(&mut self, f: u64, class: usize, d: i32) {
        let n = self.rows.len() as u32;
        let i = *self.index.entry(f).or_insert(n);
        if i == n {
            self.rows.push(Vec::with_capacity(2));
        }
        let c = self.c;
        let row = &mut self.rows[i as usize];
        if let Some(e) = row.iter_mut().find(|e| e.class as usize == class) {
            e.w += d;
            e.u += c * i64::from(d);
        } else {
            row.push(Entry {
                class: class as u16,
                w: d,
                u: c * i64::from(d),
            });
        }
    }

    /// Perceptron update: `+1` for `good`, `−1` for `bad` on every feature.
    pub(crate) fn update(&mut self, feats: &[u64], good: usize, bad: usize) {
        if good == bad {
            return;
        }
        for &f in feats {
            self.bump(f, good, 1);
            self.bump(f, bad, -1);
        }
    }

    /// Ranking update for a one-class model: `+1` on `good`'s features, `−1` on `bad`'s.
    pub(crate) fn update_rank(&mut self, good: &[u64], bad: &[u64]) {
        for &f in good {
            self.bump(f, 0, 1);
        }
        for &f in bad {
            self.bump(f, 0, -1);
        }
    }

    /// Averaged weights as `(key, [(class, weight)])`, zero weights dropped.
    fn averaged(&self) -> Vec<(u64, Vec<(u16, f64)>)> {
        let c = self.c as f64;
        let mut out = Vec::with_capacity(self.rows.len());
        for (&k, &i) in &self.index {
            let row: Vec<(u16, f64)> = self.rows[i as usize]
                .iter()
                .map(|e| (e.class, f64::from(e.w) - e.u as f64 / c))
                .filter(|&(_, w)| w != 0.0)
                .collect();
            if !row.is_empty() {
                out.push((k, row));
            }
        }
        out
    }

    /// Averages, prunes and quantises into a [`Table`].
    ///
    /// The quantisation step is chosen so that the 99.9th percentile of |weight| becomes
    /// `levels`; weights whose quantised magnitude is below `min_q` are dropped.
    pub(crate) fn compile(&self, levels: f64, min_q: i32) -> Table {
        let avg = self.averaged();
        let mut mags: Vec<f64> = avg
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&(_, w)| w.abs()))
            .collect();
        let step = if mags.is_empty() {
            1.0
        } else {
            let k = ((mags.len() as f64) * 0.999) as usize;
            let k = k.min(mags.len() - 1);
            let (_, p, _) = mags.select_nth_unstable_by(k, |a, b| a.total_cmp(b));
            (*p / levels).max(1e-9)
        };
        let mut feats: Vec<(u32, Vec<(u8, i16)>)> = Vec::with_capacity(avg.len());
        for (k, row) in avg {
            let q: Vec<(u8, i16)> = row
                .into_iter()
                .map(|(c, w)| (c as u8, (w / step).round().clamp(-32767.0, 32767.0) as i16))
                .filter(|&(_, w)| i32::from(w).abs() >= min_q.max(1))
                .collect();
            if !q.is_empty() {
                feats.push((key32(k), q));
            }
        }
        Table::build(self.nclass, feats)
    }
}

/// Something that scores feature vectors: a compiled [`Table`], or a trainer's averages.
pub(crate) trait Scorer {
    /// Adds the score of every class to `out` (`out.len()` = number of classes).
    fn add_scores(&self, feats: &[u64], out: &mut [f32]);
}

impl Scorer for Table {
    /// Scores in phases so that the memory loads of all features are in flight together:
    /// touch the home slots, resolve the runs, touch the runs, then add. A greedy parser
    /// spends most of its time waiting for these loads.
    #[inline]
    fn add_scores(&self, feats: &[u64], out: &mut [f32]) {
        if !self.inline.is_empty() {
            self.add_inline(feats, out);
            return;
        }
        if self.slots.is_empty() {
            return;
        }
        let mut x = 0u64;
        for &f in feats {
            x ^= self.slots[(key32(f) as usize) & self.mask];
        }
        std::hint::black_box(x);
        let mut starts = [0u32; 256];
        let mut m = 0;
        for &f in feats {
            if let Some(j) = self.find(f) {
                if m < starts.len() {
                    starts[m] = j as u32;
                    m += 1;
                } else {
                    self.add_run(j, out);
                }
            }
        }
        let mut y = 0u32;
        for &j in &starts[..m] {
            y ^= self.entries.get(j as usize).copied().unwrap_or(0);
        }
        std::hint::black_box(y);
        for &j in &starts[..m] {
            self.add_run(j as usize, out);
        }
    }
}

/// Scores with a trainer's averaged weights (for evaluating mid-training).
pub(crate) struct Averaged<'a>(pub(crate) &'a Trainer);

impl Scorer for Averaged<'_> {
    fn add_scores(&self, feats: &[u64], out: &mut [f32]) {
        let mut tmp = vec![0f64; out.len()];
        self.0.score_avg(feats, &mut tmp);
        for (o, t) in out.iter_mut().zip(tmp) {
            *o += t as f32;
        }
    }
}

/// The 32-bit form of a 64-bit feature key used in [`Table`] (never 0: 0 marks an empty slot).
#[inline(always)]
pub(crate) fn key32(k: u64) -> u32 {
    let v = (k >> 32) as u32;
    if v == 0 { 1 } else { v }
}

const LAST: u32 = 1 << 31;

/// Compact inference table: 32-bit feature keys → runs of `(class, i16 weight)`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Table {
    nclass: usize,
    mask: usize,
    /// `(key32 << 32) | start`, 0 = empty.
    slots: Vec<u64>,
    /// Packed entries: bits 0–15 weight (i16), 16–23 class, bit 31 = last of its run.
    entries: Vec<u32>,
    nfeat: usize,
    /// Inline layout for tables of at most 3 classes (the transition table): one `u64` per
    /// slot holding a 16-bit key tag and three `i16` weights, so a lookup is one memory
    /// access. `inline_keys` (not used when scoring) keeps the full keys for saving.
    inline: Vec<u64>,
    inline_keys: Vec<u32>,
}

#[inline(always)]
fn tag16(k: u32) -> u64 {
    let t = u64::from(k >> 16);
    if t == 0 { 1 } else { t }
}

impl Table {
    /// Builds from `(key32, entries)`; duplicate keys (32-bit collisions) are merged.
    pub(crate) fn build(nclass: usize, mut feats: Vec<(u32, Vec<(u8, i16)>)>) -> Table {
        feats.sort_unstable_by_key(|f| f.0);
        let mut merged: Vec<(u32, Vec<(u8, i16)>)> = Vec::with_capacity(feats.len());
        for (k, row) in feats {
            match merged.last_mut() {
                Some(last) if last.0 == k => {
                    for (c, w) in row {
                        if let Some(e) = last.1.iter_mut().find(|e| e.0 == c) {
                            e.1 = e.1.saturating_add(w);
                        } else {
                            last.1.push((c, w));
                        }
                    }
                }
                _ => merged.push((k, row)),
            }
        }
        let cap = (merged.len() * 2).next_power_of_two().max(16);
        if nclass <= 3 {
            let mut t = Table {
                nclass,
                mask: cap - 1,
                inline: vec![0; cap],
                inline_keys: vec![0; cap],
                ..Table::default()
            };
            for (k, row) in merged {
                let mut v = tag16(k) << 48;
                for (c, w) in row {
                    if usize::from(c) < 3 {
                        v |= u64::from(w as u16) << (16 * u32::from(c));
                    }
                }
                if v & 0xffff_ffff_ffff == 0 {
                    continue;
                }
                let mut i = (k as usize) & t.mask;
                while t.inline[i] != 0 {
                    i = (i + 1) & t.mask;
                }
                t.inline[i] = v;
                t.inline_keys[i] = k;
                t.nfeat += 1;
            }
            return t;
        }
        let mut t = Table {
            nclass,
            mask: cap - 1,
            slots: vec![0; cap],
            entries: Vec::with_capacity(merged.iter().map(|f| f.1.len()).sum()),
            nfeat: merged.len(),
            ..Table::default()
        };
        for (k, mut row) in merged {
            row.sort_unstable_by_key(|e| e.0);
            row.retain(|e| e.1 != 0);
            if row.is_empty() {
                t.nfeat -= 1;
                continue;
            }
            let start = t.entries.len() as u64;
            let n = row.len();
            for (j, (c, w)) in row.into_iter().enumerate() {
                let mut e = u32::from(w as u16) | (u32::from(c) << 16);
                if j + 1 == n {
                    e |= LAST;
                }
                t.entries.push(e);
            }
            let mut i = (k as usize) & t.mask;
            while t.slots[i] != 0 {
                i = (i + 1) & t.mask;
            }
            t.slots[i] = (u64::from(k) << 32) | start;
        }
        t
    }

    pub(crate) fn nclass(&self) -> usize {
        self.nclass
    }

    /// Number of features stored.
    pub(crate) fn len(&self) -> usize {
        self.nfeat
    }

    /// Adds the scores of `feats` to `out` (`out.len() >= nclass`), as integers.
    #[cfg(test)]
    pub(crate) fn score(&self, feats: &[u64], out: &mut [i32]) {
        let mut f = vec![0f32; out.len()];
        self.add_scores(feats, &mut f);
        for (o, x) in out.iter_mut().zip(f) {
            *o += x as i32;
        }
    }

    /// Start of the entry run of feature `f`, if stored.
    #[inline(always)]
    fn find(&self, f: u64) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let k = key32(f);
        let mut i = (k as usize) & self.mask;
        loop {
            let s = self.slots[i];
            if s == 0 {
                return None;
            }
            if (s >> 32) as u32 == k {
                return Some((s & 0xffff_ffff) as usize);
            }
            i = (i + 1) & self.mask;
        }
    }

    fn add_inline(&self, feats: &[u64], out: &mut [f32]) {
        let mut x = 0u64;
        for &f in feats {
            x ^= self.inline[(key32(f) as usize) & self.mask];
        }
        std::hint::black_box(x);
        let mut acc = [0i32; 3];
        for &f in feats {
            let k = key32(f);
            let tag = tag16(k);
            let mut i = (k as usize) & self.mask;
            loop {
                let v = self.inline[i];
                if v == 0 {
                    break;
                }
                if v >> 48 == tag {
                    acc[0] += i32::from(v as u16 as i16);
                    acc[1] += i32::from((v >> 16) as u16 as i16);
                    acc[2] += i32::from((v >> 32) as u16 as i16);
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += a as f32;
        }
    }

    #[inline(always)]
    fn add_run(&self, mut j: usize, out: &mut [f32]) {
        while let Some(&e) = self.entries.get(j) {
            let c = ((e >> 16) & 0xff) as usize;
            if let Some(o) = out.get_mut(c) {
                *o += f32::from(e as u16 as i16);
            }
            if e & LAST != 0 {
                break;
            }
            j += 1;
        }
    }

    /// Features in key order with their entries (for serialisation).
    fn sorted(&self) -> Vec<(u32, Vec<(u8, i16)>)> {
        if !self.inline.is_empty() {
            let mut v: Vec<(u32, Vec<(u8, i16)>)> = self
                .inline
                .iter()
                .zip(&self.inline_keys)
                .filter(|(s, _)| **s != 0)
                .map(|(&s, &k)| {
                    let row = (0..self.nclass.min(3))
                        .map(|c| (c as u8, (s >> (16 * c)) as u16 as i16))
                        .filter(|&(_, w)| w != 0)
                        .collect();
                    (k, row)
                })
                .collect();
            v.sort_unstable_by_key(|x| x.0);
            return v;
        }
        let mut v: Vec<(u32, usize)> = self
            .slots
            .iter()
            .filter(|&&s| s != 0)
            .map(|&s| ((s >> 32) as u32, (s & 0xffff_ffff) as usize))
            .collect();
        v.sort_unstable();
        v.into_iter()
            .map(|(k, mut j)| {
                let mut row = Vec::new();
                while let Some(&e) = self.entries.get(j) {
                    row.push((((e >> 16) & 0xff) as u8, e as u16 as i16));
                    if e & LAST != 0 {
                        break;
                    }
                    j += 1;
                }
                (k, row)
            })
            .collect()
    }

    /// Drops weights whose magnitude is below `min_q` (as [`Trainer::compile`] does).
    pub(crate) fn pruned(&self, min_q: i32) -> Table {
        let feats = self
            .sorted()
            .into_iter()
            .map(|(k, row)| {
                let row: Vec<(u8, i16)> = row
                    .into_iter()
                    .filter(|&(_, w)| i32::from(w).abs() >= min_q.max(1))
                    .collect();
                (k, row)
            })
            .filter(|(_, row)| !row.is_empty())
            .collect();
        Table::build(self.nclass, feats)
    }

    /// Serialises: class count, feature count, then per feature the key delta, the entry
    /// count and `(class, zigzag weight)` pairs, all as varints.
    pub(crate) fn encode(&self, e: &mut Enc) {
        let feats = self.sorted();
        e.varint(self.nclass as u64);
        e.varint(feats.len() as u64);
        let mut prev = 0u32;
        for (k, row) in feats {
            e.varint(u64::from(k - prev));
            prev = k;
            e.varint(row.len() as u64);
            for (c, w) in row {
                e.u8(c);
                e.zigzag(i64::from(w));
            }
        }
    }

    pub(crate) fn decode(d: &mut Dec<'_>, what: &str) -> Result<Table, ParseError> {
        let nclass = d.varint_usize(what)?;
        if nclass == 0 || nclass > 256 {
            return Err(ParseError::Corrupt(format!("{what}: {nclass} classes")));
        }
        let n = d.varint_usize(what)?;
        if n > d.remaining() {
            return Err(ParseError::Corrupt(format!(
                "{what}: {n} features in {} bytes",
                d.remaining()
            )));
        }
        let mut feats = Vec::with_capacity(n);
        let mut k = 0u32;
        for _ in 0..n {
            let delta = d.varint(what)?;
            k = u32::try_from(u64::from(k) + delta)
                .map_err(|_| ParseError::Corrupt(format!("{what}: feature key out of range")))?;
            if k == 0 {
                return Err(ParseError::Corrupt(format!("{what}: zero feature key")));
            }
            let m = d.varint_usize(what)?;
            if m == 0 || m > nclass {
                return Err(ParseError::Corrupt(format!(
                    "{what}: {m} weights for a feature"
                )));
            }
            let mut row = Vec::with_capacity(m);
            for _ in 0..m {
                let c = d.u8(what)?;
                if usize::from(c) >= nclass {
                    return Err(ParseError::Corrupt(format!(
                        "{what}: class {c} out of range"
                    )));
                }
                let w = d.zigzag(what)?;
                let w = i16::try_from(w)
                    .map_err(|_| ParseError::Corrupt(format!("{what}: weight out of range")))?;
                row.push((c, w));
            }
            feats.push((k, row));
        }
        Ok(Table::build(nclass, feats))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perceptron_learns_and_table_roundtrips() {
        let mut t = Trainer::new(3);
        // class = feature id mod 3
        for _ in 0..20 {
            for f in 0u64..30 {
                let feats = [super::super::hash::key(0, &[f])];
                let mut s = [0.0; 3];
                t.score(&feats, &mut s);
                let best = (0..3).max_by(|&a, &b| s[a].total_cmp(&s[b])).unwrap_or(0);
                t.update(&feats, (f % 3) as usize, best);
                t.tick();
            }
        }
        let table = t.compile(1000.0, 1);
        let mut enc = Enc::default();
        table.encode(&mut enc);
        let bytes = enc.into_bytes();
        let mut dec = Dec::new(&bytes);
        let back = Table::decode(&mut dec, "test").unwrap();
        assert_eq!(back.len(), table.len());
        for f in 0u64..30 {
            let feats = [super::super::hash::key(0, &[f])];
            let mut s = [0i32; 3];
            back.score(&feats, &mut s);
            let best = (0..3).max_by_key(|&c| s[c]).unwrap_or(0);
            assert_eq!(best, (f % 3) as usize);
        }
    }

    #[test]
    fn decode_rejects_garbage() {
        let bytes = [5u8, 0xff, 0xff, 0xff];
        let mut dec = Dec::new(&bytes);
        assert!(Table::decode(&mut dec, "x").is_err());
    }
}
