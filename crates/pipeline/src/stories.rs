//! The story stage as the pipeline runs it: story features built from the spilled bodies,
//! and stories clustered with the relation engine's links (the story crate's rules, which
//! also mark every engine relation as same-story).

use crate::error::PipelineError;
use crate::related::Related;
use samestory_story::{
    build_with, link_relations, stories_from, CorpusCounts, CountedFeatures, DocMeta, Model,
    Stories,
};

/// Clusters `r`'s documents into stories and marks each engine relation as same-story.
pub fn cluster_stories(r: &mut Related) -> Result<Stories, PipelineError> {
    Ok(cluster(r, None, |_| ())?.0)
}

/// [`cluster_stories`], and the document frequencies it weighed the features by (counted
/// over `r`'s documents, as [`crate::counted_features`] counts them): what an index that
/// re-derives everything stores, without extracting every document's features again.
pub fn cluster_stories_counted(
    r: &mut Related,
) -> Result<(Stories, CountedFeatures), PipelineError> {
    cluster(r, None, Model::counted)
}

/// [`cluster_stories`] with features weighted by `corpus`'s document frequencies (an
/// index re-clustering some of the documents it holds lends the counts over all of them).
pub fn cluster_stories_with(
    r: &mut Related,
    corpus: Option<&dyn CorpusCounts>,
) -> Result<Stories, PipelineError> {
    Ok(cluster(r, corpus, |_| ())?.0)
}

/// The stories of `r` (features weighted by `corpus`, or by `r`'s own counts), and what
/// `take` takes from the weighting model.
fn cluster<T>(
    r: &mut Related,
    corpus: Option<&dyn CorpusCounts>,
    take: impl FnOnce(&Model) -> T,
) -> Result<(Stories, T), PipelineError> {
    let cfg = &r.config.story;
    let meta: Vec<DocMeta<'_>> = r
        .corpus
        .docs
        .iter()
        .zip(&r.relations.group_of)
        .map(|(d, g)| DocMeta::of(d, g))
        .collect();
    let links = link_relations(&meta, &mut r.relations.relations)?;
    let feats = build_with(&meta, &r.corpus.bodies, cfg, corpus)?;
    let taken = take(&feats.model);
    Ok((stories_from(feats, &meta, &links, cfg)?, taken))
}
