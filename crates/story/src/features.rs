//! Story features of a whole input: one parallel pass over a [`DocSource`] extracts every
//! document's compact bag of feature ids (collected in input order); document frequencies
//! are counted from the bags, then each bag becomes its weighted, truncated vector and is
//! dropped. Nothing depends on the thread count (see [`crate::vocab`]).

use crate::dates::day_number;
use crate::extract::counts;
use crate::kind::Kind;
use crate::model::Model;
use crate::packed::Packed;
use crate::source::{DocSource, StoryDoc};
use crate::vector::SparseVec;
use crate::vocab::Vocab;
use rayon::prelude::*;
use samestory_core::StoryConfig;

/// What `story_score` compares: a document's weighted vector and its day number.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocFeatures {
    /// Truncated weighted vector (see [`Model`]).
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
    let vocab = Vocab::default();
    let packed: Vec<(Packed, Option<i32>)> = (0..src.len())
        .into_par_iter()
        .map(|i| src.with_doc(i, |d| (Packed::new(&counts(&d, &vocab)), day(&d))))
        .collect();
    let mut model = Model::new(cfg);
    for (p, _) in &packed {
        model.count(p.len(cfg.title_weight), p.iter().map(|c| c.id));
    }
    model.finish(vocab.into_names());
    let docs = packed
        .into_par_iter()
        .map(|(p, day)| DocFeatures {
            // Every feature was counted: none is unknown, `kind_of` is never asked.
            vec: model.vector(&p.unpack().weighted(cfg.title_weight), |_| Kind::Term),
            day,
        })
        .collect();
    Features { model, docs }
}

fn day(doc: &StoryDoc<'_>) -> Option<i32> {
    doc.date.and_then(day_number)
}
