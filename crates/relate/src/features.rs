//! Per-document features. [`Features`] (kept for every document, small): exact-body hash,
//! MinHash signature, winnowed fingerprint hashes. [`Detail`] (built only for documents in
//! a candidate pair, dropped after verification): tokens, shingles, the shingle set,
//! quoted-token and fingerprint marks. Bodies are read, never kept.

use rayon::prelude::*;
use samestory_core::{Document, RelateConfig};
use samestory_sketch::{winnow, MinHasher, Signature};
use samestory_text::{normalized_hash, quote_spans, shingles_of, token_hashes, TokenHash};

/// The small, always-kept features of one document.
#[derive(Clone, Debug)]
pub struct Features {
    /// xxh3-128 of the normalised body (equal ⇔ `exact`, up to 2⁻¹²⁸).
    pub exact: u128,
    /// MinHash signature of the shingle set.
    pub sig: Signature,
    /// Winnowed fingerprint hashes, sorted and deduplicated.
    pub prints: Vec<u64>,
    /// Number of words.
    pub words: usize,
}

/// Everything alignment needs about one document.
#[derive(Clone, Debug)]
pub struct Detail {
    /// Words with char offsets.
    pub tokens: Vec<TokenHash>,
    /// Shingle hashes in text order (shingle `i` covers words `i..i+k`).
    pub shingles: Vec<u64>,
    /// Sorted, deduplicated shingle hashes.
    pub set: Vec<u64>,
    /// Per word: inside quotation marks.
    pub quoted: Vec<bool>,
    /// Per shingle: selected as a winnowed fingerprint.
    pub fingerprint: Vec<bool>,
}

/// Features of every document, in input order (parallel, deterministic).
pub fn extract_all(docs: &[Document], cfg: &RelateConfig) -> Vec<Features> {
    let hasher = MinHasher::new(cfg.num_perm, samestory_sketch::SKETCH_SEED);
    docs.par_iter()
        .map(|d| extract(&d.body, &hasher, cfg))
        .collect()
}

/// Features of one body.
pub fn extract(body: &str, hasher: &MinHasher, cfg: &RelateConfig) -> Features {
    let words: Vec<u64> = token_hashes(body).iter().map(|t| t.hash).collect();
    let shingles = shingles_of(&words, cfg.shingle);
    let mut prints: Vec<u64> = winnow(&shingles, cfg.winnow_window)
        .iter()
        .map(|f| f.hash)
        .collect();
    prints.sort_unstable();
    prints.dedup();
    Features {
        exact: normalized_hash(body),
        sig: hasher.signature(&shingles),
        prints,
        words: words.len(),
    }
}

/// Sorted, deduplicated shingle hashes of one body.
pub fn shingle_set(body: &str, cfg: &RelateConfig) -> Vec<u64> {
    let words: Vec<u64> = token_hashes(body).iter().map(|t| t.hash).collect();
    let mut set = shingles_of(&words, cfg.shingle);
    set.sort_unstable();
    set.dedup();
    set
}

/// The alignment detail of one body.
pub fn detail(body: &str, cfg: &RelateConfig) -> Detail {
    let tokens = token_hashes(body);
    let words: Vec<u64> = tokens.iter().map(|t| t.hash).collect();
    let shingles = shingles_of(&words, cfg.shingle);
    let mut fingerprint = vec![false; shingles.len()];
    for f in winnow(&shingles, cfg.winnow_window) {
        fingerprint[f.pos as usize] = true;
    }
    let mut set = shingles.clone();
    set.sort_unstable();
    set.dedup();
    let quoted = quoted_tokens(body, &tokens);
    Detail {
        tokens,
        shingles,
        set,
        quoted,
        fingerprint,
    }
}

/// Per token: whether it starts inside a quotation span.
fn quoted_tokens(body: &str, tokens: &[TokenHash]) -> Vec<bool> {
    let spans = quote_spans(body);
    let mut s = 0;
    tokens
        .iter()
        .map(|t| {
            while s < spans.len() && spans[s].end <= t.start {
                s += 1;
            }
            s < spans.len() && spans[s].start <= t.start
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_marked() {
        let d = detail(
            "He said “we will stay here” and left.",
            &RelateConfig::default(),
        );
        let q: Vec<bool> = d.quoted;
        assert_eq!(q, [false, false, true, true, true, true, false, false]);
    }

    #[test]
    fn features_of_equal_normalised_bodies_match() {
        let cfg = RelateConfig::default();
        let h = MinHasher::default();
        let a = extract("Hello   “World”, one two three", &h, &cfg);
        let b = extract("hello \"world\", ONE two three", &h, &cfg);
        assert_eq!((a.exact, &a.sig, &a.prints), (b.exact, &b.sig, &b.prints));
    }
}
