//! SimHash (Charikar 2002) over shingle hashes, unweighted: a 64-bit fingerprint whose
//! Hamming distance tracks cosine distance of the shingle sets. Optional: nothing in the
//! default pipeline depends on it; kept for quick near-duplicate probes and the index.

use crate::mix64;

/// 64-bit SimHash of a set of shingle hashes (0 for an empty set).
pub fn simhash(shingles: &[u64]) -> u64 {
    let mut counts = [0i32; 64];
    for &h in shingles {
        let m = mix64(h);
        for (bit, c) in counts.iter_mut().enumerate() {
            *c += if m >> bit & 1 == 1 { 1 } else { -1 };
        }
    }
    counts
        .iter()
        .enumerate()
        .filter(|(_, &c)| c > 0)
        .fold(0, |acc, (bit, _)| acc | 1 << bit)
}

/// Number of differing bits.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_sets_are_close_unrelated_far() {
        let a: Vec<u64> = (0..400).collect();
        let b: Vec<u64> = (0..380).chain(1000..1020).collect();
        let c: Vec<u64> = (5000..5400).collect();
        assert!(hamming(simhash(&a), simhash(&b)) < 12);
        assert!(hamming(simhash(&a), simhash(&c)) > 16);
    }
}
