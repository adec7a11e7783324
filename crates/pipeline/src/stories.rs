//! The story stage as the pipeline runs it: story features built from the spilled bodies,
//! and stories clustered with the relation engine's links (the story crate's rules, which
//! also mark every engine relation as same-story).

use crate::error::PipelineError;
use crate::related::Related;
use samestory_story::{build_with, link_relations, stories_from, CorpusCounts, DocMeta, Stories};

/// Clusters `r`'s documents into stories and marks each engine relation as same-story.
pub fn cluster_stories(r: &mut Related) -> Result<Stories, PipelineError> {
    cluster_stories_with(r, None)
}

/// [`cluster_stories`] with features weighted by `corpus`'s document frequencies (an
/// index re-clustering some of the documents it holds lends the counts over all of them).
pub fn cluster_stories_with(
    r: &mut Related,
    corpus: Option<&dyn CorpusCounts>,
) -> Result<Stories, PipelineError> {
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
    Ok(stories_from(feats, &meta, &links, cfg)?)
}
