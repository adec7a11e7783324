//! Word shingles: every run of `k` consecutive words, hashed from the words' hashes. A text
//! shorter than `k` words yields one shingle of all its words; an empty text yields none.
//! Shingle `i` covers words `i .. i + k`.
//!
//! Hash (format 3): a polynomial over the word hashes, `Σ w_j · P^(m-1-j) mod 2^64` for a
//! window of `m` words, finalised by `z = (sum ^ SHINGLE_SEED) · F; z ^ (z >> 32)`. The sum
//! rolls (one multiply-add per word and one multiply-subtract for the word leaving the
//! window), so [`Shingler`] hashes a text in one pass without buffering it. The word hashes
//! are xxh3 outputs, so the sum is already uniform; the finaliser only spreads it so that
//! both halves depend on every bit (the high half picks index slots and fingerprint keys,
//! the low half MinHash values). Format 2 finalised with a full splitmix64 (twice the
//! cost, ~1.5 % of the relation engine); format 1 hashed the window's bytes with xxh3.
//! None was ever persisted.

use crate::token::{word_hash, Token};

/// Default shingle length in words (DESIGN.md: word 5-grams).
pub const DEFAULT_SHINGLE: usize = 5;

/// Seed of the shingle hash (persisted: changing it changes every stored hash).
pub const SHINGLE_SEED: u64 = 0x5a4d_5354_0003_0005;

/// Multiplier of the rolling polynomial (odd; persisted with the shingle format).
const P: u64 = 0x9e37_79b9_7f4a_7c15;

/// Shingle hashes of normalised tokens (see [`shingles_of`]).
pub fn shingle_hashes(tokens: &[Token], k: usize) -> Vec<u64> {
    let words: Vec<u64> = tokens.iter().map(|t| word_hash(&t.text)).collect();
    shingles_of(&words, k)
}

/// Shingle hashes of a sequence of word hashes: one per window of `k` words, in order.
/// `k == 0` is treated as 1.
pub fn shingles_of(words: &[u64], k: usize) -> Vec<u64> {
    let mut out = Vec::with_capacity(words.len());
    shingles_into(words, k, &mut out);
    out
}

/// [`shingles_of`] into `out` (cleared first), for callers that reuse a buffer.
pub fn shingles_into(words: &[u64], k: usize, out: &mut Vec<u64>) {
    let k = k.max(1);
    out.clear();
    out.reserve(words.len());
    let head = &words[..words.len().min(k)];
    let mut poly = head
        .iter()
        .fold(0u64, |p, &w| p.wrapping_mul(P).wrapping_add(w));
    if words.is_empty() {
        return;
    }
    out.push(finalise(poly));
    // (poly - old·P^(k-1))·P + new, rearranged so that the loop-carried chain is one
    // multiply-add: the `new - old·P^k` term does not depend on the previous shingle.
    let pk = (0..k).fold(1u64, |t, _| t.wrapping_mul(P));
    out.extend(words.iter().zip(&words[head.len()..]).map(|(&old, &new)| {
        let step = new.wrapping_sub(old.wrapping_mul(pk));
        poly = poly.wrapping_mul(P).wrapping_add(step);
        finalise(poly)
    }));
}

/// Streaming shingle hasher: feed word hashes with [`Shingler::push`], then call
/// [`Shingler::finish`] for the short-text shingle. Same values as [`shingles_of`].
#[derive(Clone, Debug)]
pub struct Shingler {
    ring: Vec<u64>,
    slot: usize,
    seen: usize,
    poly: u64,
    top: u64,
}

impl Shingler {
    /// A hasher of `k`-word shingles (`k == 0` is treated as 1).
    pub fn new(k: usize) -> Self {
        let k = k.max(1);
        Shingler {
            ring: vec![0; k],
            slot: 0,
            seen: 0,
            poly: 0,
            top: (1..k).fold(1u64, |t, _| t.wrapping_mul(P)),
        }
    }

    /// Forgets every word pushed, ready for the next text.
    pub fn reset(&mut self) {
        (self.slot, self.seen, self.poly) = (0, 0, 0);
    }

    /// Adds the next word hash; returns the hash of the shingle it completes, if any.
    #[inline]
    pub fn push(&mut self, w: u64) -> Option<u64> {
        let k = self.ring.len();
        if self.seen >= k {
            let out = self.ring[self.slot].wrapping_mul(self.top);
            self.poly = self.poly.wrapping_sub(out);
        }
        self.poly = self.poly.wrapping_mul(P).wrapping_add(w);
        self.ring[self.slot] = w;
        self.slot = if self.slot + 1 == k { 0 } else { self.slot + 1 };
        self.seen += 1;
        (self.seen >= k).then(|| finalise(self.poly))
    }

    /// The one shingle of a text shorter than `k` words (none if it had none, or `k` or more).
    pub fn finish(&self) -> Option<u64> {
        (self.seen > 0 && self.seen < self.ring.len()).then(|| finalise(self.poly))
    }

    /// Number of words pushed since the last reset.
    pub fn words(&self) -> usize {
        self.seen
    }
}

/// Multiplier of the finaliser (odd).
const F: u64 = 0xbf58_476d_1ce4_e5b9;

/// Finaliser of a window's polynomial (format 3).
#[inline]
fn finalise(poly: u64) -> u64 {
    let z = (poly ^ SHINGLE_SEED).wrapping_mul(F);
    z ^ (z >> 32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens;

    #[test]
    fn one_shingle_per_window() {
        let t = tokens("a b c d e f g");
        let s = shingle_hashes(&t, 5);
        assert_eq!(s.len(), 3);
        assert_ne!(s[0], s[1]);
    }

    #[test]
    fn short_text_gives_one_shingle_and_empty_none() {
        assert_eq!(shingle_hashes(&tokens("a b"), 5).len(), 1);
        assert!(shingle_hashes(&tokens(" , "), 5).is_empty());
    }

    #[test]
    fn folding_makes_equal_shingles() {
        let a = shingle_hashes(&tokens("He said “It’s OVER” today, ok"), 3);
        let b = shingle_hashes(&tokens("he said \"it's over\" today ok"), 3);
        assert_eq!(a, b);
    }

    #[test]
    fn rolling_equals_direct_polynomial() {
        let words: Vec<u64> = (0..40u64)
            .map(|i| i.wrapping_mul(0x1234_5678_9abc_def1))
            .collect();
        for k in [1, 2, 5, 7] {
            let direct: Vec<u64> = words
                .windows(k)
                .map(|w| {
                    finalise(
                        w.iter()
                            .fold(0u64, |p, &x| p.wrapping_mul(P).wrapping_add(x)),
                    )
                })
                .collect();
            assert_eq!(shingles_of(&words, k), direct, "k = {k}");
        }
    }

    #[test]
    fn stable_values() {
        // Persisted format: these must never change silently.
        let s = shingle_hashes(&tokens("One two THREE four five"), 5);
        assert_eq!(s, [0xd8f2_2a55_4197_f568]); // format 3 (rolling polynomial, multiply finaliser)
        assert_eq!(crate::word_hash("one"), 0x2ad27b859d3495d1);
    }
}
