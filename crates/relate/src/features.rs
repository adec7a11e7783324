//! Per-document features, in two sizes.
//!
//! [`DocSketch`] (kept for every document, a few hundred bytes): the exact-candidate key, the
//! LSH band keys and the winnowed fingerprint keys, made by a [`Sketcher`] in one pass over
//! the body's words (word hashes → rolling shingle hashes → MinHash bins and winnowing), in
//! tight loops over two reused scratch buffers, with no allocation but the result.
//! [`Detail`] (built only for documents in a candidate pair while their pairs are verified):
//! word spans, shingles and the [`ShingleIndex`] that is both the exact shingle set and the
//! alignment index. Bodies are read, never kept.
//!
//! Keys are 32 bits: a collision only adds a candidate pair, and every pair is verified.
//! The exact-candidate key hashes the word sequence of the normalised body, so equal
//! normalised bodies always share it (for ASCII text the body's own words are those words;
//! other text is normalised first); `exact` itself is then decided on the normalised bodies.

use crate::align::ShingleIndex;
use samestory_core::RelateConfig;
use samestory_sketch::{for_each_winnowed, Lsh, MinHasher, SignatureBuilder};
use samestory_text::{for_each_token_hash, normalize, quote_spans, shingles_into};

/// The small, always-kept features of one document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocSketch {
    /// Hash of the normalised body's word sequence: equal for `exact` duplicates (a
    /// necessary condition only; verification compares the normalised bodies' hashes).
    pub key: u64,
    /// Number of words.
    pub words: u32,
    /// LSH bucket keys, one per band (empty for a document without words).
    pub bands: Vec<u32>,
    /// Winnowed fingerprint keys ([`print_key`] of the shingle hash), in text order (a key
    /// may repeat).
    pub prints: Vec<u32>,
}

/// The key of a winnowed fingerprint in the containment index: its hash's high 32 bits.
pub fn print_key(shingle: u64) -> u32 {
    (shingle >> 32) as u32
}

/// Multiplier of the word-sequence hash.
const SEQ_P: u64 = 0xff51_afd7_ed55_8ccd;

/// Reusable per-thread state that sketches bodies: scratch buffers for the words and
/// shingles of one body (reused, so sketching allocates only the result).
#[derive(Clone, Debug)]
pub struct Sketcher {
    shingle: usize,
    window: usize,
    words: Vec<u64>,
    shingles: Vec<u64>,
    sig: SignatureBuilder,
    values: Vec<u32>,
    lsh: Lsh,
}

impl Sketcher {
    /// A sketcher for the given settings.
    pub fn new(cfg: &RelateConfig) -> Self {
        let hasher = MinHasher::new(cfg.num_perm, samestory_sketch::SKETCH_SEED);
        Sketcher {
            shingle: cfg.shingle,
            window: cfg.winnow_window,
            words: Vec::new(),
            shingles: Vec::new(),
            sig: hasher.builder(),
            values: Vec::with_capacity(cfg.num_perm),
            lsh: lsh_of(cfg),
        }
    }

    /// The sketch of one body.
    pub fn sketch(&mut self, body: &str) -> DocSketch {
        let words = &mut self.words;
        words.clear();
        for_each_token_hash(body, |t| words.push(t.hash));
        shingles_into(words, self.shingle, &mut self.shingles);
        let mut out = DocSketch {
            key: word_key(body, words),
            words: words.len() as u32,
            ..DocSketch::default()
        };
        self.shingles.iter().for_each(|&s| self.sig.push(s));
        out.prints = prints_of(&self.shingles, self.window);
        self.sig.finish_into(&mut self.values);
        if out.words > 0 {
            out.bands = self.band_keys(&self.values);
        }
        out
    }

    /// The MinHash signature of one body (`num_perm` values), as [`Sketcher::sketch`]
    /// computes it before banding; `None` for a body without words, which is never banded.
    pub fn signature(&mut self, body: &str) -> Option<Vec<u32>> {
        let words = &mut self.words;
        words.clear();
        for_each_token_hash(body, |t| words.push(t.hash));
        shingles_into(words, self.shingle, &mut self.shingles);
        self.shingles.iter().for_each(|&s| self.sig.push(s));
        let mut values = Vec::with_capacity(self.values.capacity());
        self.sig.finish_into(&mut values);
        (!self.words.is_empty()).then_some(values)
    }

    /// The LSH band keys of signature `values`, one per band, as [`DocSketch::bands`]
    /// holds them (the high 32 bits of each band's hash).
    pub fn band_keys(&self, values: &[u32]) -> Vec<u32> {
        let mut bands = Vec::with_capacity(self.lsh.bands);
        self.lsh
            .for_each_band_key(values, |k| bands.push((k >> 32) as u32));
        bands
    }
}

/// The exact-candidate key and word count of a body alone (what verification needs of a
/// document handed to it with its body, without the rest of its sketch); equal to its
/// [`DocSketch`]'s `key` and `words`.
pub fn exact_key(body: &str) -> (u64, u32) {
    let mut words = Vec::new();
    for_each_token_hash(body, |t| words.push(t.hash));
    (word_key(body, &words), words.len() as u32)
}

/// The word-sequence key of `body`, whose word hashes are `words`.
fn word_key(body: &str, words: &[u64]) -> u64 {
    if body.is_ascii() {
        seq_hash(words)
    } else {
        seq_key(body)
    }
}

/// Keys of the winnowed fingerprints of `shingles`, in text order; a repeated passage may
/// repeat a key (the postings sort puts repeats side by side and drops them).
fn prints_of(shingles: &[u64], window: usize) -> Vec<u32> {
    let mut prints = Vec::with_capacity(2 * shingles.len() / (window + 1) + 1);
    for_each_winnowed(shingles, window, |f| prints.push(print_key(f.hash)));
    prints
}

/// Order-dependent hash of a word-hash sequence: four interleaved polynomial chains (word
/// `i` goes to chain `i % 4`), so the multiply latency of one chain overlaps the others',
/// then folded into one.
fn seq_hash(words: &[u64]) -> u64 {
    let mut lanes = [0u64; 4];
    let chunks = words.chunks_exact(4);
    let tail = chunks.remainder();
    for c in chunks {
        for (l, &w) in lanes.iter_mut().zip(c) {
            *l = l.wrapping_mul(SEQ_P).wrapping_add(w);
        }
    }
    for (l, &w) in lanes.iter_mut().zip(tail) {
        *l = l.wrapping_mul(SEQ_P).wrapping_add(w);
    }
    lanes.iter().fold(words.len() as u64, |k, &l| {
        k.wrapping_mul(SEQ_P).wrapping_add(l)
    })
}

/// The word-sequence key of a non-ASCII body, taken on its normalised text so that equal
/// normalised bodies get equal keys (for ASCII, the words of the body and of its
/// normalised text are the same, so the one-pass key already is this).
fn seq_key(body: &str) -> u64 {
    let mut words = Vec::new();
    for_each_token_hash(&normalize(body), |t| words.push(t.hash));
    seq_hash(&words)
}

/// The banding of the config.
pub(crate) fn lsh_of(cfg: &RelateConfig) -> Lsh {
    Lsh {
        bands: cfg.lsh_bands,
        rows: cfg.lsh_rows,
        max_bucket: cfg.lsh_max_bucket,
    }
}

/// What verification and alignment read about one document.
#[derive(Clone, Debug)]
pub struct Detail {
    /// Per word: its `[start, end)` char offsets in the body.
    pub words: Vec<WordSpan>,
    /// Per word: its hash (of the normalised word).
    pub hashes: Vec<u64>,
    /// Shingle hashes in text order (shingle `i` covers words `i..i+k`).
    pub shingles: Vec<u64>,
    /// Where each shingle hash occurs: the set (for exact scores) and the alignment index.
    pub index: ShingleIndex,
}

/// A word's `[start, end)` char offsets in its body (bodies are far below 4 G chars).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordSpan {
    /// Char offset of the word's first char.
    pub start: u32,
    /// Char offset one past its last char.
    pub end: u32,
}

/// The detail of one body.
pub fn detail(body: &str, cfg: &RelateConfig) -> Detail {
    let mut d = Detail::empty();
    d.fill(body, cfg);
    d
}

impl Detail {
    /// A detail of no words, to be [`Detail::fill`]ed.
    pub fn empty() -> Self {
        Detail {
            words: Vec::new(),
            hashes: Vec::new(),
            shingles: Vec::new(),
            index: ShingleIndex::new(&[]),
        }
    }

    /// Makes this the detail of `body`, reusing its buffers: verification refills a few
    /// details per component instead of allocating vectors per document.
    pub fn fill(&mut self, body: &str, cfg: &RelateConfig) {
        self.words.clear();
        self.hashes.clear();
        let (words, hashes) = (&mut self.words, &mut self.hashes);
        for_each_token_hash(body, |t| {
            hashes.push(t.hash);
            words.push(WordSpan {
                start: t.start as u32,
                end: t.end as u32,
            });
        });
        samestory_text::shingles_into(&self.hashes, cfg.shingle, &mut self.shingles);
        self.index.rebuild(&self.shingles);
    }
}

/// Per shingle of `shingles`: whether winnowing selects it.
pub fn fingerprint_marks(shingles: &[u64], window: usize) -> Vec<bool> {
    let mut marks = vec![false; shingles.len()];
    for f in samestory_sketch::winnow(shingles, window) {
        marks[f.pos as usize] = true;
    }
    marks
}

/// Per word: whether it starts inside a quotation span of `body`.
pub fn quoted_words(body: &str, words: &[WordSpan]) -> Vec<bool> {
    let spans = quote_spans(body);
    let mut s = 0;
    words
        .iter()
        .map(|w| {
            let start = w.start as usize;
            while s < spans.len() && spans[s].end <= start {
                s += 1;
            }
            s < spans.len() && spans[s].start <= start
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_marked() {
        let body = "He said “we will stay here” and left.";
        let d = detail(body, &RelateConfig::default());
        let q = quoted_words(body, &d.words);
        assert_eq!(q, [false, false, true, true, true, true, false, false]);
    }

    #[test]
    fn sketches_of_equal_normalised_bodies_match() {
        let mut s = Sketcher::new(&RelateConfig::default());
        let a = s.sketch("Hello   “World”, one two three");
        let b = s.sketch("hello \"world\", ONE two three");
        let c = s.sketch("hello \"world\", one two three");
        assert_eq!(a, b);
        assert_eq!(b, c);
        let e = "héllo \"wörld\", one two three";
        for body in ["Hello   “World”, one two three", e] {
            let sk = s.sketch(body);
            assert_eq!(exact_key(body), (sk.key, sk.words));
        }
        assert_eq!(a.words, 5);
        assert_eq!(a.bands.len(), 21);
    }

    #[test]
    fn one_pass_sketch_equals_slice_sketch() {
        let cfg = RelateConfig::default();
        let body = "Alpha beta gamma delta epsilon zeta eta theta iota kappa. ".repeat(9);
        let d = detail(&body, &cfg);
        let sig =
            MinHasher::new(cfg.num_perm, samestory_sketch::SKETCH_SEED).signature(&d.shingles);
        let mut bands = Vec::new();
        lsh_of(&cfg).for_each_band_key(&sig.values, |k| bands.push((k >> 32) as u32));
        let prints: Vec<u32> = samestory_sketch::winnow(&d.shingles, cfg.winnow_window)
            .iter()
            .map(|f| print_key(f.hash))
            .collect();
        let got = Sketcher::new(&cfg).sketch(&body);
        assert_eq!(
            (got.bands, got.prints, got.words as usize),
            (bands, prints, d.words.len())
        );
    }

    #[test]
    fn signature_then_band_keys_equal_the_sketch() {
        let body = "Alpha beta gamma delta epsilon zeta eta theta iota kappa. ".repeat(5);
        let mut s = Sketcher::new(&RelateConfig::default());
        let values = s.signature(&body).unwrap();
        assert_eq!(values.len(), RelateConfig::default().num_perm);
        assert_eq!(s.band_keys(&values), s.sketch(&body).bands);
        assert_eq!(s.signature(" , "), None);
    }

    #[test]
    fn empty_body_has_no_bands() {
        let s = Sketcher::new(&RelateConfig::default()).sketch(" , ");
        assert_eq!((s.words, s.bands.len(), s.prints.len()), (0, 0, 0));
    }
}
