//! Exact copies, collapsed before anything else: documents whose normalised bodies are
//! identical form one class, and only its exemplar — the member that would represent a
//! duplicate group (the lowest of [`crate::groups::ranks`]) — takes part in candidates and
//! verification. 20,000 copies of one story cost 20,000 hashes, not 20,000² / 2 pairs.
//!
//! Classes are found from the word-sequence keys kept by sketching (equal for equal
//! normalised bodies) and confirmed on the normalised bodies' 128-bit hashes, fetched back
//! through the [`BodySource`] for documents whose key is shared only. Returns, per
//! document, the index of its class's exemplar (itself when alone). Never pairs documents.

use crate::source::{BodySource, RelateError};
use crate::verify::Corpus;
use rayon::prelude::*;
use samestory_text::normalized_hash;

/// Per document (input order), the index of the exemplar of its exact class.
pub fn exemplars<S: BodySource>(
    corpus: &Corpus,
    rank: &[u32],
    source: &S,
) -> Result<Vec<u32>, RelateError<S::Error>> {
    let n = corpus.metas.len();
    let mut exemplar: Vec<u32> = (0..n as u32).collect();
    let mut keyed: Vec<(u64, u32)> = (0..n)
        .filter(|&i| keyed(corpus.words[i]))
        .map(|i| (corpus.keys[i], i as u32))
        .collect();
    keyed.sort_unstable();
    let shared: Vec<u32> = keyed
        .chunk_by(|p, q| p.0 == q.0)
        .filter(|run| run.len() > 1)
        .flat_map(|run| run.iter().map(|&(_, i)| i))
        .collect();
    let hashes: Vec<u128> = shared
        .par_iter()
        .map(|&i| body_hash(corpus, source, i))
        .collect::<Result<_, _>>()?;
    let mut classes: Vec<(u64, u128, u32, u32)> = shared
        .iter()
        .zip(&hashes)
        .map(|(&i, &h)| (corpus.keys[i as usize], h, rank[i as usize], i))
        .collect();
    classes.sort_unstable();
    for class in classes.chunk_by(|p, q| (p.0, p.1) == (q.0, q.1)) {
        let first = exemplar_of(class.iter().map(|m| m.3), |d| rank[d as usize]);
        class.iter().for_each(|m| exemplar[m.3 as usize] = first);
    }
    Ok(exemplar)
}

/// Whether a document of `words` words has an exact class: a body without words is alone.
pub fn keyed(words: u32) -> bool {
    words > 0
}

/// The exemplar of one exact class (documents of equal word-sequence key and equal
/// normalised body hash): its lowest-ranked member.
pub fn exemplar_of<D: Copy, K: Ord>(
    class: impl IntoIterator<Item = D>,
    rank: impl Fn(D) -> K,
) -> D {
    class
        .into_iter()
        .min_by_key(|&d| rank(d))
        .expect("an exact class has a member")
}

/// Whether a document takes part in candidates and verification: it is its class's
/// exemplar and has words.
pub fn active(is_exemplar: bool, words: u32) -> bool {
    is_exemplar && keyed(words)
}

/// The normalised body hash of document `i`.
fn body_hash<S: BodySource>(
    corpus: &Corpus,
    source: &S,
    i: u32,
) -> Result<u128, RelateError<S::Error>> {
    let id = &corpus.metas[i as usize].id;
    let body = source
        .body(i as usize, id)
        .map_err(|source| RelateError::Body {
            index: i as usize,
            id: id.clone(),
            source,
        })?;
    Ok(normalized_hash(&body))
}
