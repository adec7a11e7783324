//! Story features of a whole input: one parallel pass over a [`DocSource`] extracts every
//! document's compact bag of feature ids (collected in input order); document frequencies
//! are counted from the bags, then each bag becomes its weighted, truncated vector and is
//! dropped. Nothing depends on the thread count (see [`crate::vocab`]).

use crate::dates::day_number;
use crate::extract::{extract, Bag};
use crate::kind::Kind;
use crate::model::Model;
use crate::source::DocSource;
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
    let bags: Vec<(Bag, Option<i32>)> = (0..src.len())
        .into_par_iter()
        .map(|i| {
            src.with_doc(i, |d| {
                (extract(&d, cfg, &vocab), d.date.and_then(day_number))
            })
        })
        .collect();
    let mut model = Model::new(cfg);
    bags.iter().for_each(|b| model.count(&b.0));
    model.finish(vocab.into_names());
    let docs = bags
        .into_par_iter()
        .map(|(bag, day)| DocFeatures {
            // Every feature was counted: none is unknown, `kind_of` is never asked.
            vec: model.vector(&bag, |_| Kind::Term),
            day,
        })
        .collect();
    Features { model, docs }
}
