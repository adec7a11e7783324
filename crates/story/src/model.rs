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
use crate::extract::{stemmed, Bag};
use crate::kind::Kind;
use crate::lexicon::algorithm;
use crate::vector::SparseVec;
use samestory_core::StoryConfig;
use std::collections::HashMap;

/// Document frequencies and IDF of every feature seen, plus the feature names.
#[derive(Debug, Default)]
pub struct Model {
    ids: HashMap<Box<str>, u32>,
    names: Vec<Box<str>>,
    df: Vec<u32>,
    idf: Vec<f32>,
    docs: u64,
    words: f64,
    cfg: StoryConfig,
}

impl Model {
    /// An empty model (call [`Model::count`] per document, then [`Model::finish`]).
    pub fn new(cfg: &StoryConfig) -> Model {
        Model {
            cfg: cfg.clone(),
            ..Model::default()
        }
    }

    /// Counts one document's features into the document frequencies.
    pub fn count(&mut self, bag: &Bag) {
        self.docs += 1;
        self.words += f64::from(bag.len);
        for (f, _) in &bag.features {
            let id = self.intern(f);
            self.df[id as usize] += 1;
        }
    }

    fn intern(&mut self, f: &str) -> u32 {
        if let Some(&id) = self.ids.get(f) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(f.into(), id);
        self.names.push(f.into());
        self.df.push(0);
        id
    }

    /// Renumbers features in name order (so ids, and every tie broken by id, do not depend
    /// on input order) and computes every IDF; call once after counting.
    pub fn finish(&mut self) {
        self.renumber();
        let bg = Background::get();
        let idf: Vec<f32> = (0..self.names.len()).map(|i| self.idf_of(i, bg)).collect();
        self.idf = idf;
    }

    fn renumber(&mut self) {
        let mut order: Vec<u32> = (0..self.names.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.names[a as usize].cmp(&self.names[b as usize]));
        let names: Vec<Box<str>> = order
            .iter()
            .map(|&o| std::mem::take(&mut self.names[o as usize]))
            .collect();
        self.df = order.iter().map(|&o| self.df[o as usize]).collect();
        for (id, name) in names.iter().enumerate() {
            self.ids.insert(name.clone(), id as u32);
        }
        self.names = names;
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
        let stem = match Kind::of(feature) {
            Kind::Term => text.to_owned(),
            _ => stemmed(algorithm(None), text),
        };
        let p = bg.stem_probability(&stem);
        1.0 - (-f64::from(self.cfg.background_doc_words) * p).exp()
    }

    /// The weighted vector of a bag, its `max_features` strongest entries divided by the
    /// norm of the whole vector (features unknown to the model count as
    /// seen in no document; they cannot match anything and only dilute the norm).
    pub fn vector(&self, bag: &Bag) -> SparseVec {
        let avg = (self.words / self.docs.max(1) as f64).max(1.0) as f32;
        let norm = self.cfg.bm25_k1 * (1.0 - self.cfg.bm25_b + self.cfg.bm25_b * bag.len / avg);
        let mut entries = Vec::with_capacity(bag.features.len());
        let mut unknown = 0.0;
        for (f, tf) in &bag.features {
            let w = tf * (self.cfg.bm25_k1 + 1.0) / (tf + norm) * Kind::of(f).multiplier(&self.cfg);
            match self.ids.get(f.as_str()) {
                Some(&id) => entries.push((id, w * self.idf[id as usize])),
                None => unknown += (w * self.unseen_idf()).powi(2),
            }
        }
        let full: f32 = entries.iter().map(|e| e.1 * e.1).sum::<f32>() + unknown;
        divide(
            SparseVec::from_unsorted(entries).top(self.cfg.max_features),
            full.sqrt(),
        )
    }

    fn unseen_idf(&self) -> f32 {
        idf(self.docs as f64, 0.0, 0.0, &self.cfg)
    }

    /// The feature string of an id (tagged: see [`Kind`]).
    pub fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
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

    fn bag(words: &[&str]) -> Bag {
        Bag {
            features: words.iter().map(|w| (w.to_string(), 1.0)).collect(),
            len: words.len() as f32,
        }
    }

    #[test]
    fn background_makes_common_words_weak() {
        let mut m = Model::new(&StoryConfig::default());
        m.count(&bag(&["govern", "kuleba"]));
        m.count(&bag(&["weather"]));
        m.finish();
        let v = m.vector(&bag(&["govern", "kuleba"]));
        let w = |name: &str| v.0.iter().find(|e| m.name(e.0) == name).unwrap().1;
        assert!(w("kuleba") > 2.0 * w("govern"));
        assert!((v.norm() - 1.0).abs() < 1e-5);
    }
}
