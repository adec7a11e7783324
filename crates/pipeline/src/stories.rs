//! The story stage as the pipeline runs it: story features built from the spilled bodies,
//! and stories clustered with the relation engine's links (the story crate's rules, which
//! also mark every engine relation as same-story).

use crate::error::PipelineError;
use crate::facts::extract_ahead;
use crate::related::Related;
use samestory_story::{
    build_with, link_relations, stories_from, CorpusCounts, CountedFeatures, DocMeta, Model,
    Stories,
};
use std::sync::atomic::{AtomicBool, Ordering};

/// Clusters `r`'s documents into stories and marks each engine relation as same-story.
pub fn cluster_stories(r: &mut Related) -> Result<Stories, PipelineError> {
    Ok(cluster(r, None, Ahead::No, |_| ())?.0)
}

/// [`cluster_stories`] for a whole run, whose rows need every document's quotes and
/// numbers: clustering is mostly one thread's work, so meanwhile another thread extracts
/// the facts of as many documents as it can (in id order) into `r.facts`, where the
/// comparison and the documents' rows find them. The stories and every row are the same
/// as without it.
pub fn cluster_stories_for_run(r: &mut Related) -> Result<Stories, PipelineError> {
    Ok(cluster(r, None, Ahead::Facts, |_| ())?.0)
}

/// Whether to extract facts ahead while clustering.
#[derive(Clone, Copy, PartialEq)]
enum Ahead {
    No,
    Facts,
}

/// [`cluster_stories`], and the document frequencies it weighed the features by (counted
/// over `r`'s documents, as [`crate::counted_features`] counts them): what an index that
/// re-derives everything stores, without extracting every document's features again.
pub fn cluster_stories_counted(
    r: &mut Related,
) -> Result<(Stories, CountedFeatures), PipelineError> {
    cluster(r, None, Ahead::No, Model::counted)
}

/// [`cluster_stories`] with features weighted by `corpus`'s document frequencies (an
/// index re-clustering some of the documents it holds lends the counts over all of them).
pub fn cluster_stories_with(
    r: &mut Related,
    corpus: Option<&dyn CorpusCounts>,
) -> Result<Stories, PipelineError> {
    Ok(cluster(r, corpus, Ahead::No, |_| ())?.0)
}

/// The stories of `r` (features weighted by `corpus`, or by `r`'s own counts), and what
/// `take` takes from the weighting model; `r.facts` filled meanwhile when `ahead` asks for
/// it and the comparison extracts any.
fn cluster<T>(
    r: &mut Related,
    corpus: Option<&dyn CorpusCounts>,
    ahead: Ahead,
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
    let compare = &r.config.compare;
    let ahead = ahead == Ahead::Facts && (compare.quotes || compare.numbers);
    let stop = AtomicBool::new(false);
    let (stories, facts) = std::thread::scope(|scope| {
        let corpus = &r.corpus;
        // Without a thread (the system refused one) the facts are extracted later.
        let side = ahead
            .then(|| {
                let thread = std::thread::Builder::new().name("facts-ahead".into());
                thread
                    .spawn_scoped(scope, || extract_ahead(corpus, compare, &stop))
                    .ok()
            })
            .flatten();
        let stories = stories_from(feats, &meta, &links, cfg);
        stop.store(true, Ordering::Relaxed);
        // A panic there would come again where the facts are extracted after all.
        let facts = side.and_then(|side| side.join().ok()).flatten();
        (stories, facts)
    });
    drop(meta);
    r.facts = facts;
    Ok((stories?, taken))
}
