//! Small, fast, deterministic hashing for feature keys.
//!
//! Features are identified by 64-bit keys built by mixing a template number with the values
//! it combines (word hashes, tag ids, labels, distances). The mixing step is the FxHash
//! multiply-rotate (as used by rustc), written here from its published description; the
//! finaliser is the MurmurHash3 64-bit avalanche step so that the low bits spread well in
//! open-addressing tables. Nothing here depends on the process (no random seeds), so keys
//! computed at training time match keys computed when a saved model is used.

use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// Mixes `v` into the running hash `h` (FxHash step).
#[inline(always)]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(SEED)
}

/// MurmurHash3 `fmix64`: makes every output bit depend on every input bit.
#[inline(always)]
pub(crate) fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// Hash of a byte string (8 bytes at a time, then the tail, then the length).
#[inline]
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = 0x2545_f491_4f6c_dd1d_u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(a));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut a = [0u8; 8];
        a[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(a));
    }
    finish(mix(h, b.len() as u64))
}

/// Hash of a string.
#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Key of template `t` over values `vals`.
#[inline(always)]
pub(crate) fn key(t: u64, vals: &[u64]) -> u64 {
    let mut h = mix(0, t.wrapping_add(1));
    for &v in vals {
        h = mix(h, v);
    }
    finish(h)
}

/// A `Hasher` for keys that are already well mixed (feature keys): passes the `u64` through.
#[derive(Default, Clone, Copy)]
pub(crate) struct PassHasher(u64);

impl Hasher for PassHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = hash_bytes(bytes) ^ self.0.rotate_left(17);
    }
    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

/// Build-hasher for maps keyed by pre-mixed `u64` feature keys.
pub(crate) type PassBuild = BuildHasherDefault<PassHasher>;

/// A general-purpose FxHash `Hasher` (for string-keyed maps at training time).
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn finish(&self) -> u64 {
        finish(self.0)
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.0 = mix(self.0, hash_bytes(bytes));
    }
    #[inline]
    fn write_u8(&mut self, v: u8) {
        self.0 = mix(self.0, u64::from(v));
    }
    #[inline]
    fn write_u32(&mut self, v: u32) {
        self.0 = mix(self.0, u64::from(v));
    }
    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = mix(self.0, v);
    }
    #[inline]
    fn write_usize(&mut self, v: usize) {
        self.0 = mix(self.0, v as u64);
    }
}

/// Build-hasher using [`FxHasher`].
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// A small deterministic PRNG (SplitMix64) for shuffling and exploration.
#[derive(Debug, Clone)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `[0, 1)`.
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// Uniform in `0..n` (`n > 0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    /// Fisher–Yates shuffle.
    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_distinct() {
        assert_eq!(hash_str("word"), hash_str("word"));
        assert_ne!(hash_str("word"), hash_str("Word"));
        assert_ne!(hash_str(""), hash_str("\0"));
        assert_ne!(key(1, &[2, 3]), key(1, &[3, 2]));
        assert_ne!(key(1, &[2]), key(2, &[2]));
    }

    #[test]
    fn rng_is_reproducible() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let mut v: Vec<u32> = (0..50).collect();
        let mut w = v.clone();
        a.shuffle(&mut v);
        b.shuffle(&mut w);
        assert_eq!(v, w);
        assert!((0..1000).all(|_| a.next_f64() < 1.0));
    }
}
