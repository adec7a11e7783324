//! One-permutation MinHash (OPH) with optimal densification (Shrivastava 2017): each shingle
//! hash, xored with the seed, is multiplied by an odd constant; the product's high bits
//! pick one of `k` bins and its low 32 bits compete for that bin's minimum; empty bins
//! borrow from a pseudo-randomly probed non-empty bin. Returns a [`Signature`] of `k` u32
//! values; an empty set gives all `u32::MAX`.
//!
//! Inputs are expected to be uniform 64-bit hashes (shingle hashes are finalised by a
//! splitmix mix in `samestory-text`), so one multiply is mix enough: the value depends on
//! the low 32 bits of the hash, the bin on all of them. Mixing them again cost ~3 % of the
//! relation engine's CPU.

use crate::mix64;

/// Seed of the sketch (persisted with signatures: changing it, or the spread below, is a
/// format change; the `0004` is the format).
pub const SKETCH_SEED: u64 = 0x5a4d_5354_0004_0080;

/// Odd multiplier that spreads a seeded hash over bins and values.
const SPREAD: u64 = 0xd6e8_feb8_6659_fd93;

/// Makes signatures of a fixed length `k` with a fixed seed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MinHasher {
    k: usize,
    seed: u64,
}

/// A MinHash signature: `k` 32-bit minima.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    /// The per-bin minima.
    pub values: Box<[u32]>,
}

impl Default for MinHasher {
    /// 128 values, seed [`SKETCH_SEED`].
    fn default() -> Self {
        MinHasher::new(128, SKETCH_SEED)
    }
}

impl MinHasher {
    /// A hasher with `k` values (at least 1) and the given seed.
    pub fn new(k: usize, seed: u64) -> Self {
        MinHasher { k: k.max(1), seed }
    }

    /// Number of values per signature.
    pub fn len(&self) -> usize {
        self.k
    }

    /// Always false: a hasher has at least one value.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The signature of a set given as its shingle hashes (duplicates are harmless).
    pub fn signature(&self, shingles: &[u64]) -> Signature {
        let mut b = self.builder();
        for &h in shingles {
            b.push(h);
        }
        b.finish()
    }

    /// A streaming signature builder (reusable through [`SignatureBuilder::finish`]).
    pub fn builder(&self) -> SignatureBuilder {
        SignatureBuilder {
            hasher: *self,
            bins: vec![u32::MAX; self.k],
            filled: vec![false; self.k],
        }
    }

    /// Fills each empty bin from a non-empty bin chosen by a seeded probe sequence.
    fn densify(&self, bins: &mut [u32], filled: &[bool]) {
        if !filled.iter().any(|&f| f) {
            return;
        }
        for i in 0..self.k {
            if !filled[i] {
                bins[i] = bins[self.probe(i, filled)];
            }
        }
    }

    /// The first non-empty bin of bin `i`'s probe sequence.
    fn probe(&self, i: usize, filled: &[bool]) -> usize {
        let mut attempt = 0u64;
        loop {
            let r = mix64(self.seed ^ ((i as u64) << 32) ^ attempt);
            let j = (((r >> 32) * self.k as u64) >> 32) as usize;
            if filled[j] {
                return j;
            }
            attempt += 1;
        }
    }
}

/// Builds one signature from shingle hashes pushed one at a time; same result as
/// [`MinHasher::signature`] of the same hashes.
#[derive(Clone, Debug)]
pub struct SignatureBuilder {
    hasher: MinHasher,
    bins: Vec<u32>,
    filled: Vec<bool>,
}

impl SignatureBuilder {
    /// Adds one shingle hash (duplicates are harmless).
    #[inline]
    pub fn push(&mut self, h: u64) {
        let m = (h ^ self.hasher.seed).wrapping_mul(SPREAD);
        let bin = (((m >> 32) * self.hasher.k as u64) >> 32) as usize;
        self.bins[bin] = self.bins[bin].min(m as u32);
        self.filled[bin] = true;
    }

    /// Densifies, writes the values into `out` (resized to `k`) and resets the builder.
    pub fn finish_into(&mut self, out: &mut Vec<u32>) {
        self.hasher.densify(&mut self.bins, &self.filled);
        out.clear();
        out.extend_from_slice(&self.bins);
        self.bins.fill(u32::MAX);
        self.filled.fill(false);
    }

    /// The signature of everything pushed; resets the builder.
    pub fn finish(&mut self) -> Signature {
        let mut v = Vec::with_capacity(self.bins.len());
        self.finish_into(&mut v);
        Signature {
            values: v.into_boxed_slice(),
        }
    }
}

impl Signature {
    /// Estimated Jaccard similarity: the fraction of equal values.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        let n = self.values.len().min(other.values.len());
        if n == 0 {
            return 0.0;
        }
        let eq = self
            .values
            .iter()
            .zip(other.values.iter())
            .filter(|(a, b)| a == b)
            .count();
        eq as f64 / n as f64
    }

    /// Little-endian bytes of the values (the persisted form).
    pub fn to_le_bytes(&self) -> Vec<u8> {
        self.values.iter().flat_map(|v| v.to_le_bytes()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_sets_estimate_one_disjoint_near_zero() {
        let mh = MinHasher::default();
        let a: Vec<u64> = (0..300).collect();
        let b: Vec<u64> = (1000..1300).collect();
        assert_eq!(mh.signature(&a).jaccard(&mh.signature(&a)), 1.0);
        assert!(mh.signature(&a).jaccard(&mh.signature(&b)) < 0.05);
    }

    #[test]
    fn order_and_duplicates_do_not_matter() {
        let mh = MinHasher::default();
        let a: Vec<u64> = (0..50).collect();
        let mut b: Vec<u64> = (0..50).rev().collect();
        b.extend(0..10);
        assert_eq!(mh.signature(&a), mh.signature(&b));
    }

    #[test]
    fn tiny_sets_are_densified() {
        let s = MinHasher::default().signature(&[42]);
        assert!(s.values.iter().all(|&v| v == s.values[0] && v != u32::MAX));
        assert!(MinHasher::default()
            .signature(&[])
            .values
            .iter()
            .all(|&v| v == u32::MAX));
    }

    #[test]
    fn stable_values() {
        let s = MinHasher::default().signature(&[1, 2, 3]);
        assert_eq!(s.values.len(), 128);
        assert_eq!(&s.to_le_bytes()[..4], &s.values[0].to_le_bytes());
    }
}
