//! Verification: each candidate pair is decided on the real shingle sets (Jaccard, both
//! containments) and, when it is not a duplicate, on aligned passages. Returns one
//! [`Checked`] per pair that is related at all — its scores and a [`Verdict`] (a duplicate
//! kind, or the passages the two share with their coverage facts) — oriented so that `x`'s
//! id is the smaller, sorted by `(x, y)`. Whether shared passages make a reprint, and which
//! way, is the relation graph's call ([`crate::graph`]): it needs the other pairs.
//!
//! Bodies come back through a [`BodySource`], only for documents in some candidate pair.
//! Pairs are verified by connected component of the candidate graph (see [`verify_all`]):
//! a component's bodies are fetched and tokenised once, its pairs decided, then all of it
//! dropped, so memory is bounded by `block_docs` documents per thread, not the corpus.

use crate::align::{align_indexed, to_chars, AlignParams, Mark, Side, WordPassage};
use crate::candidates::KeySet;
use crate::features::{fingerprint_marks, print_key, quoted_words, Detail};
use crate::reprint::coverage;
use crate::source::{BodySource, RelateError};
use crate::wire::Place;
use rayon::prelude::*;
use samestory_core::{Document, RelateConfig};
use samestory_text::normalized_hash;
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;
/// Exact overlap of two shingle sets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    /// |A ∩ B| / |A ∪ B|.
    pub jaccard: f64,
    /// |A ∩ B| / |A|.
    pub containment_a: f64,
    /// |A ∩ B| / |B|.
    pub containment_b: f64,
}

/// Scores of two sorted, deduplicated sets.
pub fn scores(a: &[u64], b: &[u64]) -> Scores {
    scores_of(intersection_len(a, b), a.len(), b.len())
}

/// Scores from the intersection size and the two set sizes.
fn scores_of(inter: usize, a: usize, b: usize) -> Scores {
    let inter = inter as f64;
    let union = (a + b) as f64 - inter;
    let ratio = |x: f64, y: usize| if y == 0 { 0.0 } else { x / y as f64 };
    Scores {
        jaccard: if union == 0.0 { 0.0 } else { inter / union },
        containment_a: ratio(inter, a),
        containment_b: ratio(inter, b),
    }
}

/// Scores of two documents' shingle sets, probing the larger one's index with the
/// smaller one's distinct hashes.
pub fn detail_scores(a: &Detail, b: &Detail) -> Scores {
    let (na, nb) = (a.index.distinct(), b.index.distinct());
    let (small, large) = if na <= nb { (a, b) } else { (b, a) };
    let inter = small.index.count_in(&large.index);
    scores_of(inter, na, nb)
}

/// Size of the intersection of two sorted, deduplicated slices (merge walk).
fn intersection_len(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// What verification found about one pair of documents (indices in input order; `x`'s id
/// is the smaller).
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The document with the smaller id.
    pub x: u32,
    /// The other document.
    pub y: u32,
    /// Exact overlap of their shingle sets.
    pub scores: Scores,
    /// What they are to each other.
    pub verdict: Verdict,
}

/// The decision on one pair.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Identical normalised bodies.
    Exact,
    /// The same article; the reason (which rule and its figures).
    NearDuplicate(String),
    /// Equal canonical URLs.
    SameUrl,
    /// Not the same article, but they share aligned passages.
    Reuse(Reuse),
}

impl Verdict {
    /// Whether this verdict joins the two documents' duplicate groups.
    pub fn joins(&self) -> bool {
        !matches!(self, Verdict::Reuse(_))
    }
}

/// The passages two documents share and how much of each they cover.
#[derive(Clone, Debug, PartialEq)]
pub struct Reuse {
    /// `[x_start, x_end, y_start, y_end]` char offsets, sorted by `x_start`.
    pub passages: Vec<[usize; 4]>,
    /// Unquoted words inside passages, in `x` and in `y`.
    pub covered: [usize; 2],
    /// Unquoted words of `x` and of `y`.
    pub unquoted: [usize; 2],
    /// Chars of `x`'s and `y`'s bodies up to the end of their last word.
    pub extent: [usize; 2],
    /// Per side, the share of the distinct long words (≥ [`CONTENT_WORD_CHARS`] chars) of
    /// its passages that also occur in the rest of its text: an article's own paragraphs
    /// share its names and terms, text added around borrowed passages mostly does not.
    /// Left at 0 where the two documents' publication times tell their order, or where
    /// the passages are too few to make a reprint or a secondary source.
    pub coherence: [f64; 2],
    /// Wire credit or republication notice found in `x`'s and `y`'s byline and text (left
    /// empty where `coherence` is left at 0).
    pub evidence: [Evidence; 2],
}

impl Reuse {
    /// Whether passages cover `reprint_min_coverage` of the side they cover most, with at
    /// least `min_passage_words` words there: the reprint rule.
    pub fn is_strong(&self, cfg: &RelateConfig) -> bool {
        let side = usize::from(self.share(1) > self.share(0));
        self.share(side) >= cfg.reprint_min_coverage && self.covered[side] >= cfg.min_passage_words
    }

    /// Unquoted words inside passages, the smaller count of the two sides.
    pub fn shared_words(&self) -> usize {
        self.covered[0].min(self.covered[1])
    }

    /// Share of side `s`'s (0: `x`, 1: `y`) unquoted words inside passages.
    pub fn share(&self, s: usize) -> f64 {
        if self.unquoted[s] == 0 {
            0.0
        } else {
            self.covered[s] as f64 / self.unquoted[s] as f64
        }
    }
}

/// A 16,384-bit Bloom filter of word hashes with two probes: a few hundred words of one
/// text give about 0.3 % false positives (one probe over 65,536 bits cost 8 KB of zeroing a
/// call for the same accuracy).
struct Bloom([u64; 256]);

impl Default for Bloom {
    fn default() -> Self {
        Bloom([0; 256])
    }
}

impl Bloom {
    fn probes(h: u64) -> [(usize, u64); 2] {
        let at = |x: u64| ((x >> 6) as usize & 255, 1u64 << (x & 63));
        [at(h >> 50), at(h >> 36)]
    }

    fn insert(&mut self, h: u64) {
        for (word, bit) in Self::probes(h) {
            self.0[word] |= bit;
        }
    }

    fn contains(&self, h: u64) -> bool {
        Self::probes(h)
            .iter()
            .all(|&(word, bit)| self.0[word] & bit != 0)
    }
}

/// Words at least this long (in chars) are content words for [`Reuse::coherence`].
pub const CONTENT_WORD_CHARS: usize = 6;

/// What a document's byline and text say about where it comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Evidence {
    /// The credited agency (index into `RelateConfig::wire_agencies`) and where.
    pub credit: Option<(usize, Place)>,
    /// It says it first appeared elsewhere.
    pub republished: bool,
}

/// What every pair decision reads about the corpus (bodies aside).
pub struct Corpus<'a> {
    /// Per document: its metadata (the body is not read).
    pub metas: &'a [Document],
    /// Per document: its number of words.
    pub words: &'a [u32],
    /// Per document: its word-sequence key.
    pub keys: &'a [u64],
}

/// One document of a block: its body, detail and, once a reprint check needs them, which
/// of its words are quoted and what its text says of its origin.
struct Loaded<'s, 'd> {
    body: Cow<'s, str>,
    detail: &'d Detail,
    quoted: OnceLock<Vec<bool>>,
    evidence: OnceLock<Evidence>,
}

impl Loaded<'_, '_> {
    fn quoted(&self) -> &[bool] {
        self.quoted
            .get_or_init(|| quoted_words(&self.body, &self.detail.words))
    }

    /// Share of the distinct content words (≥ [`CONTENT_WORD_CHARS`] chars) inside
    /// `ranges` (char ranges, sorted, disjoint) that also occur outside them. Sets are
    /// [`Bloom`] filters of the word hashes, so no sort (8,192 bits with one probe
    /// collided enough to move decisions near the margin).
    fn coherence(&self, ranges: &[(usize, usize)]) -> f64 {
        let d = self.detail;
        let mut outside = Bloom::default();
        let mut r = 0;
        let mut content = Vec::new();
        for (w, &hash) in d.words.iter().zip(&d.hashes) {
            if ((w.end - w.start) as usize) < CONTENT_WORD_CHARS {
                continue;
            }
            let at = w.start as usize;
            while r < ranges.len() && ranges[r].1 <= at {
                r += 1;
            }
            if r < ranges.len() && ranges[r].0 <= at {
                content.push(hash);
            } else {
                outside.insert(hash);
            }
        }
        let (mut distinct, mut shared) = (0usize, 0usize);
        let mut seen = Bloom::default();
        for h in content {
            if !seen.contains(h) {
                seen.insert(h);
                distinct += 1;
                shared += usize::from(outside.contains(h));
            }
        }
        shared as f64 / distinct.max(1) as f64
    }

    fn evidence(&self, meta: &Document, agencies: &[String]) -> Evidence {
        *self.evidence.get_or_init(|| {
            let credit = crate::wire::credit(meta.meta.credit_line(), &self.body, agencies);
            Evidence {
                credit: credit.and_then(|c| {
                    let at = agencies.iter().position(|a| a.as_str() == c.agency)?;
                    Some((at, c.place))
                }),
                republished: crate::wire::republished_notice(&self.body),
            }
        })
    }
}

/// Everything a pair decision reads.
struct Ctx<'a, 's> {
    corpus: &'a Corpus<'a>,
    /// The loaded documents, ascending (`loaded[k]` is document `docs[k]`).
    docs: &'a [u32],
    loaded: &'a [Loaded<'s, 'a>],
    frequent: &'a KeySet,
    cfg: &'a RelateConfig,
}

/// What verifying a group of pairs needs besides the pairs.
struct Job<'a, S> {
    corpus: &'a Corpus<'a>,
    frequent: &'a KeySet,
    cfg: &'a RelateConfig,
    source: &'a S,
}

/// Verifies every candidate pair; returns the related ones sorted by `(x, y)`.
///
/// Pairs are grouped by connected component of the candidate graph. A component of at most
/// `block_docs` documents (nearly all: a duplicate pair, a story and its reprints) is one
/// task: its bodies are fetched and tokenised and its pairs decided on one thread, while
/// its details are still in that core's cache; tasks run in parallel. A bigger component
/// is cut into blocks of at most `block_docs` documents, each fetched and then decided in
/// parallel. Memory is bounded by `block_docs` documents per thread either way.
pub fn verify_all<S: BodySource>(
    corpus: &Corpus,
    pairs: &[(u32, u32)],
    frequent: &KeySet,
    cfg: &RelateConfig,
    source: &S,
    block_docs: usize,
) -> Result<Vec<Checked>, RelateError<S::Error>> {
    if pairs.is_empty() {
        return Ok(Vec::new());
    }
    let budget = block_docs.max(2);
    let (ordered, bounds) = by_component(pairs, corpus.metas.len());
    let comps = bounds.windows(2).map(|w| &ordered[w[0]..w[1]]);
    let (small, large): (Vec<_>, Vec<_>) = comps
        .map(|c| (c, docs_of(c)))
        .partition(|(_, docs)| docs.len() <= budget);
    let job = Job {
        corpus,
        frequent,
        cfg,
        source,
    };
    let mut rels: Vec<Checked> = small
        .par_iter()
        .map_init(Scratch::default, |scratch, (c, docs)| {
            job.block(c, docs, false, scratch)
        })
        .collect::<Result<Vec<_>, _>>()?
        .concat();
    let mut scratch = Scratch::default();
    for (mut rest, _) in large {
        while !rest.is_empty() {
            let block = next_block(rest, budget);
            rest = &rest[block.len()..];
            rels.extend(job.block(block, &docs_of(block), true, &mut scratch)?);
        }
    }
    rels.sort_by_key(|c| (c.x, c.y));
    Ok(rels)
}

/// The pairs ordered so that each connected component of the candidate graph is
/// contiguous (components by their smallest document, pairs in order within), and where
/// each component starts (with the end as the last bound).
fn by_component(pairs: &[(u32, u32)], n: usize) -> (Vec<(u32, u32)>, Vec<usize>) {
    let mut uf = samestory_core::UnionFind::new(n);
    pairs
        .iter()
        .for_each(|&(i, j)| uf.union(i as usize, j as usize));
    let mut first = vec![u32::MAX; n];
    for &(i, _) in pairs {
        let root = uf.find(i as usize);
        first[root] = first[root].min(i);
    }
    let mut keyed: Vec<(u32, u32, u32)> = pairs
        .iter()
        .map(|&(i, j)| (first[uf.find(i as usize)], i, j))
        .collect();
    keyed.sort_unstable();
    let mut bounds: Vec<usize> = (0..keyed.len())
        .filter(|&k| k == 0 || keyed[k].0 != keyed[k - 1].0)
        .collect();
    bounds.push(keyed.len());
    (keyed.into_iter().map(|(_, i, j)| (i, j)).collect(), bounds)
}

/// The documents of `pairs`, ascending, each once.
fn docs_of(pairs: &[(u32, u32)]) -> Vec<u32> {
    let mut docs: Vec<u32> = pairs.iter().flat_map(|&(i, j)| [i, j]).collect();
    docs.sort_unstable();
    docs.dedup();
    docs
}

/// The longest prefix of `pairs` touching at most `budget` documents (at least one pair).
fn next_block(pairs: &[(u32, u32)], budget: usize) -> &[(u32, u32)] {
    let mut seen = HashSet::new();
    let mut n = 0;
    for &(i, j) in pairs {
        let new = usize::from(!seen.contains(&i)) + usize::from(!seen.contains(&j));
        if n > 0 && seen.len() + new > budget {
            break;
        }
        seen.extend([i, j]);
        n += 1;
    }
    &pairs[..n]
}

impl<S: BodySource> Job<'_, S> {
    /// Fetches `docs` (the documents of `pairs`, ascending) and decides the pairs, in
    /// parallel or on this thread.
    fn block(
        &self,
        pairs: &[(u32, u32)],
        docs: &[u32],
        parallel: bool,
        scratch: &mut Scratch,
    ) -> Result<Vec<Checked>, RelateError<S::Error>> {
        let bodies: Vec<Cow<str>> = if parallel {
            docs.par_iter()
                .map(|&d| self.body(d))
                .collect::<Result<_, _>>()?
        } else {
            docs.iter()
                .map(|&d| self.body(d))
                .collect::<Result<_, _>>()?
        };
        let details = scratch.fill(&bodies, self.cfg, parallel);
        let loaded: Vec<Loaded> = bodies
            .into_iter()
            .zip(details.iter())
            .map(|(body, detail)| Loaded {
                body,
                detail,
                quoted: OnceLock::new(),
                evidence: OnceLock::new(),
            })
            .collect();
        let ctx = Ctx {
            corpus: self.corpus,
            docs,
            loaded: &loaded,
            frequent: self.frequent,
            cfg: self.cfg,
        };
        let decide = |&(i, j): &(u32, u32)| ctx.pair(i as usize, j as usize);
        Ok(if parallel {
            pairs.par_iter().filter_map(decide).collect()
        } else {
            pairs.iter().filter_map(decide).collect()
        })
    }

    /// The body of document `d`.
    fn body(&self, d: u32) -> Result<Cow<'_, str>, RelateError<S::Error>> {
        let id = &self.corpus.metas[d as usize].id;
        self.source
            .body(d as usize, id)
            .map_err(|source| RelateError::Body {
                index: d as usize,
                id: id.clone(),
                source,
            })
    }
}

/// Details kept from one group of pairs to the next on a thread, refilled in place.
#[derive(Default)]
struct Scratch {
    details: Vec<Detail>,
}

impl Scratch {
    /// The details of `bodies`, in order (in parallel or on this thread).
    fn fill(&mut self, bodies: &[Cow<str>], cfg: &RelateConfig, parallel: bool) -> &[Detail] {
        if self.details.len() < bodies.len() {
            self.details.resize_with(bodies.len(), Detail::empty);
        }
        let details = &mut self.details[..bodies.len()];
        if parallel {
            details
                .par_iter_mut()
                .zip(bodies)
                .for_each(|(d, b)| d.fill(b, cfg));
        } else {
            details
                .iter_mut()
                .zip(bodies)
                .for_each(|(d, b)| d.fill(b, cfg));
        }
        details
    }
}

impl Ctx<'_, '_> {
    fn doc(&self, i: usize) -> &Document {
        &self.corpus.metas[i]
    }

    fn loaded(&self, i: usize) -> &Loaded<'_, '_> {
        let k = self.docs.binary_search(&(i as u32));
        &self.loaded[k.expect("a pair's documents are loaded with it")]
    }

    /// What documents `i` and `j` are to each other, if anything.
    fn pair(&self, i: usize, j: usize) -> Option<Checked> {
        let (x, y) = if self.doc(i).id <= self.doc(j).id {
            (i, j)
        } else {
            (j, i)
        };
        let scores = detail_scores(self.loaded(x).detail, self.loaded(y).detail);
        let verdict = if self.is_exact(x, y) {
            Verdict::Exact
        } else if let Some(why) = self.near_duplicate(x, y, scores) {
            Verdict::NearDuplicate(why)
        } else if self.same_url(x, y) {
            Verdict::SameUrl
        } else {
            Verdict::Reuse(self.reuse(x, y, scores)?)
        };
        Some(Checked {
            x: x as u32,
            y: y as u32,
            scores,
            verdict,
        })
    }

    /// Equal normalised bodies (checked on their hashes only when the word keys agree).
    fn is_exact(&self, x: usize, y: usize) -> bool {
        let c = self.corpus;
        c.words[x] > 0
            && c.keys[x] == c.keys[y]
            && normalized_hash(&self.loaded(x).body) == normalized_hash(&self.loaded(y).body)
    }

    fn same_url(&self, x: usize, y: usize) -> bool {
        self.doc(x).meta.url.is_some() && self.doc(x).meta.url == self.doc(y).meta.url
    }

    /// Why `x` and `y` are near-duplicates, if they are.
    fn near_duplicate(&self, x: usize, y: usize, s: Scores) -> Option<String> {
        if s.jaccard >= self.cfg.near_dup_jaccard {
            let k = self.cfg.shingle;
            return Some(format!(
                "word {k}-gram Jaccard {:.2} ≥ {}",
                s.jaccard, self.cfg.near_dup_jaccard
            ));
        }
        let (wx, wy) = (self.corpus.words[x] as f64, self.corpus.words[y] as f64);
        let (short, ratio, cont) = if wx <= wy {
            ("a", wx / wy, s.containment_a)
        } else {
            ("b", wy / wx, s.containment_b)
        };
        let trimmed =
            ratio >= self.cfg.trimmed_min_length_ratio && cont >= self.cfg.trimmed_min_containment;
        trimmed.then(|| format!("{short} is a trimmed copy: {:.0} % of the other's length, {:.0} % of its shingles inside it", ratio * 100.0, cont * 100.0))
    }

    /// The passages `x` and `y` share (each at least `min_passage_words` long), if any.
    fn reuse(&self, x: usize, y: usize, s: Scores) -> Option<Reuse> {
        if s.containment_a == 0.0 {
            return None;
        }
        let (lx, ly) = (self.loaded(x), self.loaded(y));
        let passages = self.passages(lx, ly);
        if passages.is_empty() {
            return None;
        }
        let (qx, qy) = (lx.quoted(), ly.quoted());
        let context = self.cfg.quote_context_words;
        let (cx, tx) = coverage(passages.iter().map(|p| p.a.clone()), qx, context);
        let (cy, ty) = coverage(passages.iter().map(|p| p.b.clone()), qy, context);
        let agencies = &self.cfg.wire_agencies;
        let passages: Vec<[usize; 4]> = passages
            .iter()
            .map(|p| to_chars(p, &lx.detail.words, &ly.detail.words))
            .collect();
        let mut reuse = Reuse {
            coherence: [0.0; 2],
            passages,
            covered: [cx, cy],
            unquoted: [tx, ty],
            extent: [extent(lx.detail), extent(ly.detail)],
            evidence: [Evidence::default(); 2],
        };
        // Coherence and wire evidence matter only where the pair can be a reprint or a
        // secondary source and publication time cannot decide (the graph's time rule reads
        // these same two documents).
        let c = self.cfg;
        let directed = reuse.is_strong(c) || reuse.shared_words() >= c.min_passage_words;
        if directed && crate::reprint::by_time(self.doc(x), self.doc(y)).is_none() {
            let ranges = |s: usize| {
                let mut r: Vec<(usize, usize)> = reuse
                    .passages
                    .iter()
                    .map(|p| (p[2 * s], p[2 * s + 1]))
                    .collect();
                r.sort_unstable();
                r
            };
            reuse.coherence = [lx.coherence(&ranges(0)), ly.coherence(&ranges(1))];
            reuse.evidence = [
                lx.evidence(self.doc(x), agencies),
                ly.evidence(self.doc(y), agencies),
            ];
        }
        Some(reuse)
    }

    /// Aligned passages of two details, with `x`'s boilerplate fingerprints marked.
    fn passages(&self, lx: &Loaded, ly: &Loaded) -> Vec<WordPassage> {
        let (dx, dy) = (&lx.detail, &ly.detail);
        let marks: Vec<Mark> = dx
            .shingles
            .iter()
            .zip(fingerprint_marks(&dx.shingles, self.cfg.winnow_window))
            .map(|(h, fp)| self.mark(*h, fp))
            .collect();
        let c = self.cfg;
        let p = AlignParams {
            k: c.shingle.max(1),
            max_gap: c.passage_max_gap_words,
            max_shift: c.passage_max_shift_words,
            min_words: c.min_passage_words.max(1),
            max_repeats: c.max_seed_repeats,
        };
        align_indexed(side(dx), side(dy), &dy.index, &marks, &p)
    }

    fn mark(&self, h: u64, fingerprint: bool) -> Mark {
        if !fingerprint {
            Mark::Plain
        } else if self.frequent.contains(&print_key(h)) {
            Mark::Frequent
        } else {
            Mark::Fingerprint
        }
    }
}

/// Chars up to the end of a detail's last word.
fn extent(d: &Detail) -> usize {
    d.words.last().map_or(0, |w| w.end as usize)
}

/// The alignment view of a detail.
fn side(d: &Detail) -> Side<'_> {
    Side {
        shingles: &d.shingles,
        words: d.words.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::detail;

    #[test]
    fn scores_of_overlapping_sets() {
        let s = scores(&[1, 2, 3, 4], &[3, 4, 5, 6, 7, 8]);
        assert_eq!(
            s,
            Scores {
                jaccard: 2.0 / 8.0,
                containment_a: 0.5,
                containment_b: 2.0 / 6.0
            }
        );
        assert_eq!(scores(&[], &[]).jaccard, 0.0);
    }

    #[test]
    fn indexed_scores_equal_sorted_set_scores() {
        let cfg = RelateConfig::default();
        let a = "one two three four five six seven one two three four five nine ten";
        let b = "zero one two three four five six seven eight one two three four five";
        let (da, db) = (detail(a, &cfg), detail(b, &cfg));
        let set = |d: &Detail| {
            let mut v = d.shingles.clone();
            v.sort_unstable();
            v.dedup();
            v
        };
        assert_eq!(detail_scores(&da, &db), scores(&set(&da), &set(&db)));
        assert_eq!(detail_scores(&db, &da), scores(&set(&db), &set(&da)));
    }
}
