//! LSH banding: a signature's values are cut into `bands` bands of `rows` values; two
//! documents become a candidate pair when any band is equal. The chance of that for true
//! Jaccard `j` is [`candidate_probability`] `= 1 - (1 - j^rows)^bands`.
//!
//! Defaults (21 × 6 of 128 values) are recall-oriented: ≥ 0.998 at j = 0.8, 0.92 at 0.7,
//! 0.27 at 0.5, 0.015 at 0.3. Returns candidate pairs only; verification is elsewhere.

use crate::Signature;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Banding parameters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lsh {
    /// Number of bands.
    pub bands: usize,
    /// Values per band.
    pub rows: usize,
    /// Buckets with more members than this emit a star (each member paired with the
    /// bucket's first) instead of every pair, so one huge cluster stays linear.
    pub max_bucket: usize,
}

impl Default for Lsh {
    fn default() -> Self {
        Lsh {
            bands: 21,
            rows: 6,
            max_bucket: 200,
        }
    }
}

/// Probability that a pair with true Jaccard `j` shares at least one band.
pub fn candidate_probability(j: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - j.powi(rows as i32)).powi(bands as i32)
}

impl Lsh {
    /// One bucket key per band (bands that do not fit in the signature are skipped).
    pub fn band_keys(&self, sig: &Signature) -> Vec<u64> {
        let mut out = Vec::with_capacity(self.bands);
        self.for_each_band_key(&sig.values, |k| out.push(k));
        out
    }

    /// Calls `f` with the bucket key of each band of the signature values `values`.
    pub fn for_each_band_key(&self, values: &[u32], f: impl FnMut(u64)) {
        let rows = self.rows.max(1);
        values
            .chunks_exact(rows)
            .take(self.bands)
            .enumerate()
            .map(|(band, vals)| band_key(band, vals))
            .for_each(f);
    }

    /// Candidate pairs `(i, j)`, `i < j`, indices into `sigs`, sorted and deduplicated.
    pub fn candidate_pairs(&self, sigs: &[Signature]) -> Vec<(u32, u32)> {
        let mut entries: Vec<(u64, u32)> = Vec::with_capacity(sigs.len() * self.bands);
        for (doc, sig) in sigs.iter().enumerate() {
            entries.extend(self.band_keys(sig).into_iter().map(|k| (k, doc as u32)));
        }
        self.pairs_from_entries(entries)
    }

    /// Candidate pairs from precomputed `(bucket key, doc)` entries.
    pub fn pairs_from_entries(&self, mut entries: Vec<(u64, u32)>) -> Vec<(u32, u32)> {
        entries.sort_unstable();
        let mut pairs = Vec::new();
        for bucket in entries.chunk_by(|x, y| x.0 == y.0) {
            self.bucket_pairs(bucket, &mut pairs);
        }
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    /// Pairs of one bucket (docs ascending): all pairs, or a star when too big.
    fn bucket_pairs(&self, bucket: &[(u64, u32)], out: &mut Vec<(u32, u32)>) {
        if bucket.len() > self.max_bucket {
            out.extend(bucket[1..].iter().map(|&(_, d)| (bucket[0].1, d)));
            return;
        }
        for (i, &(_, a)) in bucket.iter().enumerate() {
            out.extend(bucket[i + 1..].iter().map(|&(_, b)| (a, b)));
        }
    }
}

/// Hash of one band's values, seeded by the band index.
fn band_key(band: usize, vals: &[u32]) -> u64 {
    let mut bytes = [0u8; 4 * 32];
    let n = vals.len().min(32);
    for (i, v) in vals[..n].iter().enumerate() {
        bytes[i * 4..i * 4 + 4].copy_from_slice(&v.to_le_bytes());
    }
    xxh3_64_with_seed(&bytes[..n * 4], band as u64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MinHasher;

    #[test]
    fn default_meets_recall_target() {
        let l = Lsh::default();
        assert!(l.bands * l.rows <= 128);
        assert!(candidate_probability(0.8, l.bands, l.rows) >= 0.95);
        assert!(candidate_probability(0.3, l.bands, l.rows) < 0.05);
    }

    #[test]
    fn similar_docs_pair_unrelated_do_not() {
        let mh = MinHasher::default();
        let a: Vec<u64> = (0..400).collect();
        let b: Vec<u64> = (10..410).collect();
        let c: Vec<u64> = (5000..5400).collect();
        let sigs: Vec<_> = [a, b, c].iter().map(|s| mh.signature(s)).collect();
        assert_eq!(Lsh::default().candidate_pairs(&sigs), vec![(0, 1)]);
    }

    #[test]
    fn huge_bucket_becomes_star() {
        let l = Lsh {
            bands: 1,
            rows: 1,
            max_bucket: 2,
        };
        let entries = vec![(7, 3), (7, 1), (7, 2), (9, 5)];
        assert_eq!(l.pairs_from_entries(entries), vec![(1, 2), (1, 3)]);
    }
}
