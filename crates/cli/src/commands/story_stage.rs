//! The story stage as the pipeline runs it: stories clustered with the relation engine's
//! links, and `story_score` filled into every engine relation — 1 for each, since a
//! duplicate or reprint is always the same story (DESIGN.md, same_story).

use super::pipeline::Related;
use anyhow::Context;
use samestory_story::{stories, Stories};
use std::collections::HashMap;

/// Clusters `r`'s documents into stories and marks each engine relation as same-story.
pub fn run_story_stage(r: &mut Related) -> anyhow::Result<Stories> {
    let links = relation_links(r);
    let found = stories(&r.docs, &r.relations.group_of, &links, &r.config.story)
        .context("clustering stories")?;
    for rel in &mut r.relations.relations {
        rel.story_score = Some(1.0);
    }
    Ok(found)
}

/// Each engine relation as a pair of document indices.
fn relation_links(r: &Related) -> Vec<(usize, usize)> {
    let index: HashMap<&str, usize> = r
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    r.relations
        .relations
        .iter()
        .map(|rel| (index[rel.a.as_str()], index[rel.b.as_str()]))
        .collect()
}
