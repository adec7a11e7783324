//! Story features of a whole input: one parallel pass over the documents' metadata and their
//! bodies (from a [`BodySource`]) extracts every document's compact bag of feature ids
//! (collected in input order); document frequencies
//! are counted from the bags, then each bag becomes its weighted, truncated vector and is
//! dropped. Nothing depends on the thread count (see [`crate::vocab`]).

use crate::corpus::CorpusCounts;
use crate::dates::day_number;
use crate::error::StoryError;
use crate::extract::{counts, release_cache};
use crate::kind::Kind;
use crate::model::Model;
use crate::packed::Packed;
use crate::source::{DocMeta, StoryDoc};
use crate::vector::SparseVec;
use crate::vocab::Vocab;
use rayon::prelude::*;
use samestory_core::{BodySource, StoryConfig};

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

/// Builds the model and every document's features; `bodies` gives document `i`'s body
/// (`meta[i]` is the rest of it). Fails on the first document (by index) whose body cannot
/// be fetched.
pub fn build<S: BodySource>(
    meta: &[DocMeta<'_>],
    bodies: &S,
    cfg: &StoryConfig,
) -> Result<Features, StoryError> {
    build_with(meta, bodies, cfg, None)
}

/// [`build`], weighting features by `corpus`'s document frequencies (a corpus holding
/// these documents and more: an index's) instead of the ones counted over `meta`.
pub fn build_with<S: BodySource>(
    meta: &[DocMeta<'_>],
    bodies: &S,
    cfg: &StoryConfig,
    corpus: Option<&dyn CorpusCounts>,
) -> Result<Features, StoryError> {
    let vocab = Vocab::default();
    let packed: Vec<Result<(Packed, Option<i32>), StoryError>> = (0..meta.len())
        .into_par_iter()
        .map(|i| {
            let body = bodies.body(i, meta[i].id).map_err(|e| StoryError::Body {
                index: i,
                id: meta[i].id.to_string(),
                source: Box::new(e),
            })?;
            let doc = StoryDoc::new(&meta[i], &body);
            Ok((Packed::new(&counts(&doc, &vocab)), day(&doc)))
        })
        .collect();
    // Every thread's word cache is done with; the rest of the stage needs the memory.
    rayon::broadcast(|_| release_cache());
    release_cache();
    let packed: Vec<(Packed, Option<i32>)> = packed.into_iter().collect::<Result<_, _>>()?;
    let mut model = Model::new(cfg);
    for (p, _) in &packed {
        model.count(p.len(cfg.title_weight), p.iter().map(|c| c.id));
    }
    match corpus {
        Some(corpus) => model.finish_with(vocab.into_names(), corpus)?,
        None => model.finish(vocab.into_names()),
    }
    let docs = packed
        .into_par_iter()
        .map(|(p, day)| DocFeatures {
            // Every feature was counted: none is unknown, `kind_of` is never asked.
            vec: model.vector(&p.weighted(cfg.title_weight), |_| Kind::Term),
            day,
        })
        .collect();
    Ok(Features { model, docs })
}

fn day(doc: &StoryDoc<'_>) -> Option<i32> {
    doc.date.and_then(day_number)
}
