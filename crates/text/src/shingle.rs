//! Word shingles: every run of `k` consecutive words, hashed with xxh3-64 over the words'
//! hashes. A text shorter than `k` words yields one shingle of all its words; an empty text
//! yields none. Shingle `i` covers words `i .. i + k`.

use crate::token::{word_hash, Token};
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Default shingle length in words (DESIGN.md: word 5-grams).
pub const DEFAULT_SHINGLE: usize = 5;

/// Seed of the shingle hash (persisted: changing it changes every stored hash).
pub const SHINGLE_SEED: u64 = 0x5a4d_5354_0002_0005;

/// Shingle hashes of normalised tokens (see [`shingles_of`]).
pub fn shingle_hashes(tokens: &[Token], k: usize) -> Vec<u64> {
    let words: Vec<u64> = tokens.iter().map(|t| word_hash(&t.text)).collect();
    shingles_of(&words, k)
}

/// Shingle hashes of a sequence of word hashes: one per window of `k` words, in order.
/// `k == 0` is treated as 1.
pub fn shingles_of(words: &[u64], k: usize) -> Vec<u64> {
    let k = k.max(1);
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() <= k {
        return vec![hash_window(words)];
    }
    words.windows(k).map(hash_window).collect()
}

/// xxh3 of the little-endian bytes of the window's word hashes.
fn hash_window(window: &[u64]) -> u64 {
    let mut bytes = [0u8; 8 * 16];
    if window.len() > 16 {
        let v: Vec<u8> = window.iter().flat_map(|w| w.to_le_bytes()).collect();
        return xxh3_64_with_seed(&v, SHINGLE_SEED);
    }
    for (i, w) in window.iter().enumerate() {
        bytes[i * 8..i * 8 + 8].copy_from_slice(&w.to_le_bytes());
    }
    xxh3_64_with_seed(&bytes[..window.len() * 8], SHINGLE_SEED)
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
    fn stable_values() {
        // Persisted format: these must never change silently.
        let s = shingle_hashes(&tokens("One two THREE four five"), 5);
        assert_eq!(s, [0xd68c64df620ed198]);
        assert_eq!(crate::word_hash("one"), 0x2ad27b859d3495d1);
    }
}
