//! The weighting model: document frequencies of every feature over the whole input,
//! smoothed by the background table, and the BM25-weighted, truncated, unit-length vector
//! of each document.
//!
//! Smoothing: the background acts as `background_docs` pseudo-documents in which a term
//! occurs with probability `1 - exp(-L·p)` (`p` its word probability, `L` =
//! `background_doc_words`), so `df' = (df + B·q) / (N + B)` and
//! `idf = ln((N + B + ½) / (df + B·q + ½))` — BM25's IDF with a prior. Entities and dates
//! not in the table get `q = 0`: they are as rare as the input says.

use crate::background::Background;
use crate::corpus::{CorpusCounts, CountedFeatures};
use crate::error::StoryError;
use crate::extract::{stem, Bag};
use crate::kind::Kind;
use crate::lexicon::algorithm;
use crate::vector::SparseVec;
use samestory_core::StoryConfig;
use std::sync::Arc;

/// Document frequencies and IDF of every feature seen, plus the feature names.
///
/// Features are counted under [`crate::vocab::Vocab`] ids (whatever order threads met
/// them in); [`Model::finish`] renumbers them in name order, so every model id, and every
/// tie broken by id, is independent of input order and thread count.
#[derive(Debug, Default)]
pub struct Model {
    /// Vocab id → model id (vocab ids counted before `finish`).
    remap: Vec<u32>,
    names: Arc<[Box<str>]>,
    kinds: Vec<Kind>,
    df: Vec<u32>,
    idf: Vec<f32>,
    docs: u64,
    words: f64,
    cfg: StoryConfig,
}

impl Model {
    /// An empty model (call [`Model::count`] per document, then [`Model::finish`]).
    pub(crate) fn new(cfg: &StoryConfig) -> Model {
        Model {
            cfg: cfg.clone(),
            ..Model::default()
        }
    }

    /// Counts one document (its length and its features' vocab ids) into the document
    /// frequencies.
    pub(crate) fn count(&mut self, len: f32, ids: impl IntoIterator<Item = u32>) {
        self.docs += 1;
        self.words += f64::from(len);
        for id in ids {
            let id = id as usize;
            if id >= self.df.len() {
                self.df.resize(id + 1, 0);
            }
            self.df[id] += 1;
        }
    }

    /// Renumbers the features counted (`names[vocab id]`) in name order and computes every
    /// IDF; call once after counting.
    pub(crate) fn finish(&mut self, names: Vec<Box<str>>) {
        self.renumber(names);
        self.weigh();
    }

    /// [`Model::finish`] with the document frequencies and totals of `corpus` in place of
    /// the ones counted (which `corpus` must include).
    pub(crate) fn finish_with(
        &mut self,
        names: Vec<Box<str>>,
        corpus: &dyn CorpusCounts,
    ) -> Result<(), StoryError> {
        self.renumber(names);
        self.df = corpus
            .df(&self.names)
            .map_err(|source| StoryError::Counts { source })?;
        if self.df.len() != self.names.len() {
            return Err(StoryError::LengthMismatch {
                what: "document frequencies",
                expected: self.names.len(),
                found: self.df.len(),
            });
        }
        (self.docs, self.words) = corpus.totals();
        self.weigh();
        Ok(())
    }

    /// The counts the model weighs by, as [`crate::counted_features`] gives them: after
    /// [`Model::finish`], what its own input added (what an index stores for those
    /// documents); after `finish_with`, the lent corpus's counts of the features seen.
    pub fn counted(&self) -> CountedFeatures {
        let df = self
            .names
            .iter()
            .zip(&self.df)
            .filter(|(_, &n)| n > 0)
            .map(|(name, &n)| (name.clone(), n))
            .collect();
        CountedFeatures {
            docs: self.docs,
            words: self.words,
            df,
        }
    }

    /// Renumbers the features counted (`names[vocab id]`) in name order.
    fn renumber(&mut self, mut names: Vec<Box<str>>) {
        self.df.resize(names.len(), 0);
        let mut order: Vec<u32> = (0..names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
        self.remap = vec![0; names.len()];
        order
            .iter()
            .enumerate()
            .for_each(|(new, &old)| self.remap[old as usize] = new as u32);
        self.df = order.iter().map(|&o| self.df[o as usize]).collect();
        self.names = order
            .iter()
            .map(|&o| std::mem::take(&mut names[o as usize]))
            .collect::<Vec<_>>()
            .into();
    }

    /// Every feature's kind and IDF, from the document frequencies.
    fn weigh(&mut self) {
        self.kinds = self.names.iter().map(|n| Kind::of(n)).collect();
        let bg = Background::get();
        self.idf = (0..self.names.len()).map(|i| self.idf_of(i, bg)).collect();
    }

    fn idf_of(&self, i: usize, bg: &Background) -> f32 {
        let q = self.background_df(&self.names[i], bg);
        idf(self.docs as f64, f64::from(self.df[i]), q, &self.cfg)
    }

    /// Background document probability of a feature.
    fn background_df(&self, feature: &str, bg: &Background) -> f64 {
        let text = Kind::untag(feature);
        if text.contains(' ') || Kind::of(feature) == Kind::Date {
            return 0.0;
        }
        let p = match Kind::of(feature) {
            Kind::Term => bg.stem_probability(text),
            _ => bg.stem_probability(&stem(algorithm(None), text)),
        };
        1.0 - (-f64::from(self.cfg.background_doc_words) * p).exp()
    }

    /// The weighted vector of a bag, its `max_features` strongest entries divided by the
    /// norm of the whole vector. Features counted after `finish` are unknown to the model:
    /// they count as seen in no document (`kind_of` gives their kind); they cannot match
    /// anything and only dilute the norm.
    pub(crate) fn vector(&self, bag: &Bag, kind_of: impl Fn(u32) -> Kind) -> SparseVec {
        let avg = (self.words / self.docs.max(1) as f64).max(1.0) as f32;
        let norm = self.cfg.bm25_k1 * (1.0 - self.cfg.bm25_b + self.cfg.bm25_b * bag.len / avg);
        let tf_weight = |tf: f32, kind: Kind| {
            tf * (self.cfg.bm25_k1 + 1.0) / (tf + norm) * kind.multiplier(&self.cfg)
        };
        let mut entries = Vec::with_capacity(bag.features.len());
        let mut unknown = Vec::new();
        for &(v, tf) in &bag.features {
            match self.remap.get(v as usize) {
                Some(&id) => entries.push((id, tf_weight(tf, self.kinds[id as usize]))),
                None => unknown.push(tf_weight(tf, kind_of(v)) * self.unseen_idf()),
            }
        }
        let mut v = SparseVec::from_unsorted(entries);
        v.0.iter_mut().for_each(|e| e.1 *= self.idf[e.0 as usize]);
        unknown.sort_unstable_by(f32::total_cmp);
        let known: f32 = v.0.iter().map(|e| e.1 * e.1).sum();
        let full = known + unknown.iter().map(|u| u * u).sum::<f32>();
        divide(v.top(self.cfg.max_features), full.sqrt())
    }

    fn unseen_idf(&self) -> f32 {
        idf(self.docs as f64, 0.0, 0.0, &self.cfg)
    }

    /// The feature string of a model id (tagged: see [`Kind`]).
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
    }

    /// Every feature string by model id, shared (story rows name features after the model
    /// is gone).
    pub(crate) fn names(&self) -> Arc<[Box<str>]> {
        Arc::clone(&self.names)
    }

    /// The kind of a model id's feature.
    pub fn kind(&self, id: u32) -> Kind {
        self.kinds[id as usize]
    }

    /// Number of documents counted.
    pub fn docs(&self) -> u64 {
        self.docs
    }
}

/// BM25 IDF with the background prior (see the module docs).
fn idf(n: f64, df: f64, q: f64, cfg: &StoryConfig) -> f32 {
    let b = f64::from(cfg.background_docs);
    ((n + b + 0.5) / (df + b * q + 0.5)).ln().max(0.0) as f32
}

/// `v / n`: the kept entries scaled by the norm of the whole vector, so dot products of
/// truncated vectors are lower bounds of the full cosine.
fn divide(mut v: SparseVec, n: f32) -> SparseVec {
    if n > 0.0 {
        v.0.iter_mut().for_each(|e| e.1 /= n);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::Vocab;

    fn bag(vocab: &Vocab, words: &[&str]) -> Bag {
        Bag {
            features: words.iter().map(|w| (vocab.intern(w), 1.0)).collect(),
            len: words.len() as f32,
        }
    }

    fn count(m: &mut Model, b: &Bag) {
        m.count(b.len, b.features.iter().map(|f| f.0));
    }

    #[test]
    fn background_makes_common_words_weak() {
        let vocab = Vocab::default();
        let mut m = Model::new(&StoryConfig::default());
        count(&mut m, &bag(&vocab, &["kuleba", "govern"]));
        count(&mut m, &bag(&vocab, &["weather"]));
        let b = bag(&vocab, &["kuleba", "govern"]);
        m.finish(vocab.into_names());
        let v = m.vector(&b, |_| Kind::Term);
        let w = |name: &str| v.0.iter().find(|e| m.name(e.0) == name).unwrap().1;
        assert!(w("kuleba") > 2.0 * w("govern"));
        assert!((v.norm() - 1.0).abs() < 1e-5);
        assert_eq!(m.name(0), "govern");
    }
}
