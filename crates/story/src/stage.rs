//! The story stage end to end: features → units → online clustering + merge → rows.

use crate::assemble::story_row;
use crate::cluster::cluster;
use crate::clusters::Clusters;
use crate::error::StoryError;
use crate::features::{build, Features};
use crate::output::{PairAt, Stories};
use crate::source::DocMeta;
use crate::units::{units, Units};
use crate::vector::SparseVec;
use rayon::prelude::*;
use samestory_core::{Document, Partition, SliceSource, StoryConfig};

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
    stories_from(feats, &meta, links, cfg)
}

/// Clusters documents whose features are already built (see [`crate::build`]). Takes the
/// features: each document's vector is freed once its story's rows are made, so the rows
/// grow as the vectors go.
pub fn stories_from(
    mut feats: Features,
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
    let clusters = clusters(&units, &cluster(&units, &order, cfg), meta);
    drop(units);
    Ok(collect(n, clusters, meta, &mut feats, cfg))
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

/// Dated units by (earliest day, smallest id), then undated units by smallest id (equal
/// keys: unit order). A unit's documents are ordered by id, so its first has the smallest.
fn visiting_order(units: &Units, meta: &[DocMeta<'_>]) -> Vec<usize> {
    let key = |u: usize| {
        let day = units.ranges[u].map(|r| r.0);
        (
            day.is_none(),
            day.unwrap_or(0),
            meta[units.docs(u)[0]].id,
            u,
        )
    };
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_unstable_by(|&a, &b| key(a).cmp(&key(b)));
    order
}

/// Every story's members (as [`Clusters`]: stories in the order of their smallest id),
/// from the stories as sets of units.
fn clusters(units: &Units, stories: &Partition, meta: &[DocMeta<'_>]) -> Clusters {
    let mut members: Vec<(usize, usize)> = Vec::new();
    let mut all = Clusters::default();
    for us in stories.iter() {
        members.clear();
        members.extend(
            us.iter()
                .flat_map(|&u| units.docs(u).iter().map(move |&d| (d, u))),
        );
        members.sort_by(|a, b| meta[a.0].id.cmp(meta[b.0].id));
        all.push(&members);
    }
    all.sort_by_first(|a, b| meta[a].id.cmp(meta[b].id));
    all
}

/// The rows of every cluster: stories in id order, each document's story, and the pairs
/// kept compact, sorted by `(a, b)` (compared as ranks in id order).
fn collect(
    n: usize,
    clusters: Clusters,
    meta: &[DocMeta<'_>],
    feats: &mut Features,
    cfg: &StoryConfig,
) -> Stories {
    let mut out = Stories {
        story_of: vec![String::new(); n],
        names: feats.model.names(),
        ..Stories::default()
    };
    // Rows are made a block of clusters at a time, so the per-pair scratch of one block
    // is all that is held besides the compact result.
    for from in (0..clusters.len()).step_by(ROW_BLOCK) {
        let block = from..clusters.len().min(from + ROW_BLOCK);
        let rows: Vec<_> = {
            let feats = &*feats;
            block
                .clone()
                .into_par_iter()
                .map(|k| story_row(&clusters.get(k), meta, feats, cfg))
                .collect()
        };
        for &d in block.clone().flat_map(|k| clusters.get(k).docs) {
            feats.docs[d].vec = SparseVec::default();
        }
        for (k, (story, pairs)) in block.zip(rows) {
            clusters
                .get(k)
                .docs
                .iter()
                .for_each(|&d| out.story_of[d] = story.story.clone());
            out.stories.push(story);
            for p in pairs {
                out.pairs.push(PairAt {
                    story: k as u32,
                    i: p.i,
                    j: p.j,
                    score: p.score,
                    shared: out.shared.len() as u32,
                    len: p.shared.len() as u32,
                });
                out.shared.extend_from_slice(&p.shared);
            }
        }
    }
    let rank = id_ranks(meta);
    let doc = |p: &PairAt, at: u32| clusters.get(p.story as usize).docs[at as usize];
    out.pairs
        .par_sort_unstable_by_key(|p| (rank[doc(p, p.i)], rank[doc(p, p.j)]));
    out.pairs.shrink_to_fit();
    out.shared.shrink_to_fit();
    out
}

/// Clusters whose rows are made together.
const ROW_BLOCK: usize = 4096;

/// Each document's position in id order (equal ids: input order).
fn id_ranks(meta: &[DocMeta<'_>]) -> Vec<u32> {
    let mut by_id: Vec<u32> = (0..meta.len() as u32).collect();
    by_id.par_sort_unstable_by(|&a, &b| (meta[a as usize].id, a).cmp(&(meta[b as usize].id, b)));
    let mut rank = vec![0; meta.len()];
    by_id
        .iter()
        .enumerate()
        .for_each(|(r, &d)| rank[d as usize] = r as u32);
    rank
}
