//! The story stage end to end: features → units → online clustering + merge → rows.

use crate::assemble::{story_row, Cluster};
use crate::cluster::cluster;
use crate::error::StoryError;
use crate::features::{build, Features};
use crate::output::Stories;
use crate::source::DocMeta;
use crate::units::{units, Unit};
use rayon::prelude::*;
use samestory_core::{Document, SliceSource, StoryConfig};

/// Clusters ingested documents into stories.
///
/// `group_of[i]` is document `i`'s duplicate group id; `links` are the relation engine's
/// pairs (duplicates, reprints, same URL) as document indices: linked documents always
/// share a story.
pub fn stories(
    docs: &[Document],
    group_of: &[String],
    links: &[(usize, usize)],
    cfg: &StoryConfig,
) -> Result<Stories, StoryError> {
    check_len("group_of", docs.len(), group_of.len())?;
    let meta: Vec<DocMeta<'_>> = docs
        .iter()
        .zip(group_of)
        .map(|(d, g)| DocMeta::of(d, g))
        .collect();
    let feats = build(&meta, &SliceSource(docs), cfg)?;
    stories_from(&feats, &meta, links, cfg)
}

/// Clusters documents whose features are already built (see [`crate::build`]).
pub fn stories_from(
    feats: &Features,
    meta: &[DocMeta<'_>],
    links: &[(usize, usize)],
    cfg: &StoryConfig,
) -> Result<Stories, StoryError> {
    let n = feats.docs.len();
    check_len("meta", n, meta.len())?;
    check_links(n, links)?;
    let groups: Vec<&str> = meta.iter().map(|m| m.group).collect();
    let ids: Vec<&str> = meta.iter().map(|m| m.id).collect();
    let units = units(&feats.docs, &ids, &groups, links);
    let order = visiting_order(&units, meta);
    let clusters: Vec<Cluster> = cluster(&units, &order, cfg)
        .into_iter()
        .map(|us| to_cluster(&units, &us, meta))
        .collect();
    Ok(collect(n, clusters, meta, feats, cfg))
}

fn check_len(what: &'static str, expected: usize, found: usize) -> Result<(), StoryError> {
    if expected == found {
        return Ok(());
    }
    Err(StoryError::LengthMismatch {
        what,
        expected,
        found,
    })
}

fn check_links(docs: usize, links: &[(usize, usize)]) -> Result<(), StoryError> {
    match links.iter().find(|&&(a, b)| a >= docs || b >= docs) {
        Some(&(a, b)) => Err(StoryError::LinkOutOfRange { a, b, docs }),
        None => Ok(()),
    }
}

/// Dated units by (earliest day, smallest id), then undated units by smallest id.
fn visiting_order(units: &[Unit], meta: &[DocMeta<'_>]) -> Vec<usize> {
    let min_id = |u: &Unit| u.docs.iter().map(|&d| meta[d].id).min().unwrap_or("");
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by_cached_key(|&u| {
        let day = units[u].range.map(|r| r.0);
        (day.is_none(), day.unwrap_or(0), min_id(&units[u]))
    });
    order
}

fn to_cluster(units: &[Unit], us: &[usize], meta: &[DocMeta<'_>]) -> Cluster {
    let mut members: Vec<(usize, usize)> = us
        .iter()
        .flat_map(|&u| units[u].docs.iter().map(move |&d| (d, u)))
        .collect();
    members.sort_by(|a, b| meta[a.0].id.cmp(meta[b.0].id));
    Cluster {
        docs: members.iter().map(|m| m.0).collect(),
        unit_of: members.iter().map(|m| m.1).collect(),
    }
}

fn collect(
    n: usize,
    clusters: Vec<Cluster>,
    meta: &[DocMeta<'_>],
    feats: &Features,
    cfg: &StoryConfig,
) -> Stories {
    let rows: Vec<_> = clusters
        .par_iter()
        .map(|c| story_row(c, meta, feats, cfg))
        .collect();
    let mut out = Stories {
        story_of: vec![String::new(); n],
        ..Stories::default()
    };
    for (c, (story, pairs)) in clusters.iter().zip(rows) {
        c.docs
            .iter()
            .for_each(|&d| out.story_of[d] = story.story.clone());
        out.stories.push(story);
        out.pairs.extend(pairs);
    }
    out.stories.sort_by(|a, b| a.story.cmp(&b.story));
    out.pairs
        .sort_unstable_by(|a, b| (&a.a, &a.b).cmp(&(&b.a, &b.b)));
    out
}
