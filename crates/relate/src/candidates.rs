//! Candidate pairs: the only pairs that get verified. Four sources, unioned: equal exact
//! hashes, equal canonical URLs, LSH bands of the MinHash signatures (near-duplicates), and
//! the containment index — winnowed fingerprints shared by ≥ `min_shared_fingerprints`
//! documents pairs, skipping fingerprints so frequent they are boilerplate (those are
//! returned in [`Candidates::frequent`] so alignment can discount them too).
//! Never decides a relation.

use crate::features::Features;
use samestory_core::{Document, RelateConfig};
use samestory_sketch::Lsh;
use std::collections::HashSet;

/// Pairs to verify, and the fingerprints judged boilerplate.
#[derive(Clone, Debug, Default)]
pub struct Candidates {
    /// `(i, j)` document indices, `i < j`, sorted, unique.
    pub pairs: Vec<(u32, u32)>,
    /// Fingerprint hashes found in too many documents.
    pub frequent: HashSet<u64>,
}

/// All candidate pairs of the corpus.
pub fn find(docs: &[Document], feats: &[Features], cfg: &RelateConfig) -> Candidates {
    let (mut pairs, frequent) = containment_pairs(feats, cfg);
    pairs.extend(lsh_pairs(feats, cfg));
    pairs.extend(equal_key_pairs(
        feats.iter().map(|f| (f.words > 0).then_some(f.exact)),
    ));
    pairs.extend(equal_key_pairs(docs.iter().map(|d| d.url.as_deref())));
    pairs.sort_unstable();
    pairs.dedup();
    Candidates { pairs, frequent }
}

/// LSH candidates over the signatures of non-empty documents.
fn lsh_pairs(feats: &[Features], cfg: &RelateConfig) -> Vec<(u32, u32)> {
    let lsh = Lsh {
        bands: cfg.lsh_bands,
        rows: cfg.lsh_rows,
        max_bucket: cfg.lsh_max_bucket,
    };
    let mut entries = Vec::with_capacity(feats.len() * cfg.lsh_bands);
    for (i, f) in feats.iter().enumerate().filter(|(_, f)| f.words > 0) {
        entries.extend(lsh.band_keys(&f.sig).into_iter().map(|k| (k, i as u32)));
    }
    lsh.pairs_from_entries(entries)
}

/// Every pair of documents with an equal `Some` key.
fn equal_key_pairs<K: Ord>(keys: impl Iterator<Item = Option<K>>) -> Vec<(u32, u32)> {
    let mut keyed: Vec<(K, u32)> = keys
        .enumerate()
        .filter_map(|(i, k)| k.map(|k| (k, i as u32)))
        .collect();
    keyed.sort_unstable();
    let mut out = Vec::new();
    for run in keyed.chunk_by(|x, y| x.0 == y.0) {
        all_pairs(run.iter().map(|e| e.1), &mut out);
    }
    out
}

/// Pushes every `(x, y)`, `x < y`, of an ascending list.
fn all_pairs(members: impl Iterator<Item = u32> + Clone, out: &mut Vec<(u32, u32)>) {
    let v: Vec<u32> = members.collect();
    for (i, &x) in v.iter().enumerate() {
        out.extend(v[i + 1..].iter().map(|&y| (x, y)));
    }
}

/// Number of documents at or above which a fingerprint is boilerplate.
pub fn frequent_threshold(n_docs: usize, cfg: &RelateConfig) -> usize {
    let rel = (cfg.boilerplate_doc_fraction * n_docs as f64).ceil() as usize;
    cfg.boilerplate_min_docs.max(rel).max(2)
}

/// Pairs sharing enough non-frequent fingerprints, and the frequent fingerprints.
fn containment_pairs(feats: &[Features], cfg: &RelateConfig) -> (Vec<(u32, u32)>, HashSet<u64>) {
    let mut postings: Vec<(u64, u32)> = Vec::new();
    for (i, f) in feats.iter().enumerate() {
        postings.extend(f.prints.iter().map(|&h| (h, i as u32)));
    }
    postings.sort_unstable();
    let limit = frequent_threshold(feats.len(), cfg);
    let mut frequent = HashSet::new();
    let mut hits = Vec::new();
    for run in postings.chunk_by(|x, y| x.0 == y.0) {
        if run.len() >= limit {
            frequent.insert(run[0].0);
        } else if run.len() > 1 {
            all_pairs(run.iter().map(|e| e.1), &mut hits);
        }
    }
    (
        pairs_with_count(hits, cfg.min_shared_fingerprints.max(1)),
        frequent,
    )
}

/// The pairs occurring at least `min` times in `hits`.
fn pairs_with_count(mut hits: Vec<(u32, u32)>, min: usize) -> Vec<(u32, u32)> {
    hits.sort_unstable();
    hits.chunk_by(|x, y| x == y)
        .filter(|run| run.len() >= min)
        .map(|run| run[0])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_pair_up_and_none_is_ignored() {
        let keys = [Some("u"), None, Some("v"), Some("u"), None, Some("u")];
        assert_eq!(
            equal_key_pairs(keys.into_iter()),
            vec![(0, 3), (0, 5), (3, 5)]
        );
    }

    #[test]
    fn counted_pairs() {
        assert_eq!(
            pairs_with_count(vec![(1, 2), (0, 1), (1, 2)], 2),
            vec![(1, 2)]
        );
    }

    #[test]
    fn frequent_threshold_scales() {
        let cfg = RelateConfig::default();
        assert_eq!(frequent_threshold(10, &cfg), 50);
        assert_eq!(frequent_threshold(1_000_000, &cfg), 10_000);
    }
}
