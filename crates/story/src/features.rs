//! Story features of a whole input: two passes over a [`DocSource`] — document frequencies,
//! then one weighted vector per document — in parallel chunks, collected in input order so
//! the result does not depend on the thread count. Only the truncated vectors are kept.

use crate::dates::day_number;
use crate::extract::{extract, Bag};
use crate::model::Model;
use crate::source::{DocSource, StoryDoc};
use crate::vector::SparseVec;
use rayon::prelude::*;
use samestory_core::StoryConfig;

/// Documents per parallel chunk (bounds the bags alive at once).
const CHUNK: usize = 4096;

/// What `story_score` compares: a document's weighted vector and its day number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocFeatures {
    /// Truncated weighted vector (see [`Model::vector`]).
    pub vec: SparseVec,
    /// Publication day (days since 1970-01-01), if dated.
    pub day: Option<i32>,
}

/// Every document's features plus the model that weighted them.
#[derive(Debug)]
pub struct Features {
    /// Document frequencies, IDF and feature names.
    pub model: Model,
    /// Per input document, in input order.
    pub docs: Vec<DocFeatures>,
}

/// Builds the model and every document's features.
pub fn build<S: DocSource + ?Sized>(src: &S, cfg: &StoryConfig) -> Features {
    let mut model = Model::new(cfg);
    for_chunks(src, cfg, |bags| bags.iter().for_each(|b| model.count(b)));
    model.finish();
    let mut docs = Vec::with_capacity(src.len());
    for start in (0..src.len()).step_by(CHUNK) {
        let end = (start + CHUNK).min(src.len());
        let chunk: Vec<DocFeatures> = (start..end)
            .into_par_iter()
            .map(|i| src.with_doc(i, |d| features_of(&model, &d, cfg)))
            .collect();
        docs.extend(chunk);
    }
    Features { model, docs }
}

/// The features of one document under `model`.
pub fn features_of(model: &Model, doc: &StoryDoc<'_>, cfg: &StoryConfig) -> DocFeatures {
    DocFeatures {
        vec: model.vector(&extract(doc, cfg)),
        day: doc.date.and_then(day_number),
    }
}

/// Calls `f` with the bags of each chunk of documents, in order.
fn for_chunks<S: DocSource + ?Sized>(src: &S, cfg: &StoryConfig, mut f: impl FnMut(&[Bag])) {
    for start in (0..src.len()).step_by(CHUNK) {
        let end = (start + CHUNK).min(src.len());
        let bags: Vec<Bag> = (start..end)
            .into_par_iter()
            .map(|i| src.with_doc(i, |d| extract(&d, cfg)))
            .collect();
        f(&bags);
    }
}
