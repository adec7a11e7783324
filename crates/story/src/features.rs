//! Story features of a whole input: one parallel pass over the documents' metadata and their
//! bodies (from a [`BodySource`]) extracts every document's compact bag of feature ids
//! (packed, in input order, into a [`CountsSpill`]); document frequencies are counted
//! from the bags, then each bag is read back and becomes its weighted, truncated vector. Nothing depends on the thread count (see [`crate::vocab`]).

use crate::corpus::CorpusCounts;
use crate::dates::day_number;
use crate::error::StoryError;
use crate::extract::{counts, release_cache};
use crate::kind::Kind;
use crate::model::Model;
use crate::packed::{pack, Head, Packed};
use crate::source::{DocMeta, StoryDoc};
use crate::spill::CountsSpill;
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
    let mut model = Model::new(cfg);
    let mut spill = CountsSpill::default();
    let mut days = Vec::with_capacity(meta.len());
    let counted = count_all(meta, bodies, &vocab, cfg, &mut model, &mut spill, &mut days);
    // Every thread's word cache is done with; the rest of the stage needs the memory.
    rayon::broadcast(|_| release_cache());
    release_cache();
    counted?;
    match corpus {
        Some(corpus) => model.finish_with(vocab.into_names(), corpus)?,
        None => model.finish(vocab.into_names()),
    }
    let mut docs = Vec::with_capacity(meta.len());
    let mut buf = Vec::new();
    for k in 0..spill.chunks() {
        let packed = spill.chunk(k, &mut buf).map_err(spilled)?;
        let first = docs.len();
        docs.par_extend(
            packed
                .into_par_iter()
                .enumerate()
                .map(|(j, p)| DocFeatures {
                    // Every feature was counted: none is unknown, `kind_of` is never asked.
                    vec: model.vector(&p.weighted(cfg.title_weight), |_| Kind::Term),
                    day: days[first + j],
                }),
        );
    }
    Ok(Features { model, docs })
}

/// Documents whose counts are extracted in parallel, then packed, counted into the model
/// and spilled in order.
const CHUNK: usize = 8192;

/// One document's packed counts, what reading them needs, and its day.
type PackedDoc = (Vec<u8>, Head, Option<i32>);

/// The extraction pass: every document's counts packed into `spill` and counted into
/// `model` (in input order), its day into `days`.
fn count_all<S: BodySource>(
    meta: &[DocMeta<'_>],
    bodies: &S,
    vocab: &Vocab,
    cfg: &StoryConfig,
    model: &mut Model,
    spill: &mut CountsSpill,
    days: &mut Vec<Option<i32>>,
) -> Result<(), StoryError> {
    let (mut bytes, mut heads) = (Vec::new(), Vec::new());
    for from in (0..meta.len()).step_by(CHUNK) {
        let packed: Vec<Result<PackedDoc, StoryError>> = (from..meta.len().min(from + CHUNK))
            .into_par_iter()
            .map(|i| {
                let body = bodies.body(i, meta[i].id).map_err(|e| StoryError::Body {
                    index: i,
                    id: meta[i].id.to_string(),
                    source: Box::new(e),
                })?;
                let doc = StoryDoc::new(&meta[i], &body);
                let mut bytes = Vec::new();
                let head = pack(&counts(&doc, vocab), &mut bytes);
                Ok((bytes, head, day(&doc)))
            })
            .collect();
        bytes.clear();
        heads.clear();
        for p in packed {
            let (doc_bytes, head, day) = p?;
            let p = Packed::new(&doc_bytes, head);
            model.count(p.len(cfg.title_weight), p.iter().map(|c| c.id));
            bytes.extend_from_slice(&doc_bytes);
            heads.push(head);
            days.push(day);
        }
        spill.push(&bytes, &heads).map_err(spilled)?;
    }
    Ok(())
}

fn spilled(source: std::io::Error) -> StoryError {
    StoryError::Spill { source }
}

fn day(doc: &StoryDoc<'_>) -> Option<i32> {
    doc.date.and_then(day_number)
}
