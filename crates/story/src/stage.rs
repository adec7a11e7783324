//! The story stage end to end: features → units → online clustering + merge → rows.

use crate::assemble::{story_row, Cluster};
use crate::cluster::cluster;
use crate::error::StoryError;
use crate::features::{build, Features};
use crate::output::{PairAt, Stories};
use crate::source::DocMeta;
use crate::units::{units, Unit};
use crate::vector::SparseVec;
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
    let clusters: Vec<Cluster> = cluster(&units, &order, cfg)
        .into_iter()
        .map(|us| to_cluster(&units, &us, meta))
        .collect();
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

/// The rows of every cluster: stories in id order, each document's story, and the pairs
/// kept compact, sorted by `(a, b)` (compared as ranks in id order).
fn collect(
    n: usize,
    mut clusters: Vec<Cluster>,
    meta: &[DocMeta<'_>],
    feats: &mut Features,
    cfg: &StoryConfig,
) -> Stories {
    clusters.sort_by(|a, b| meta[a.docs[0]].id.cmp(meta[b.docs[0]].id));
    let mut out = Stories {
        story_of: vec![String::new(); n],
        names: feats.model.names(),
        ..Stories::default()
    };
    // Rows are made a block of clusters at a time, so the per-pair scratch of one block
    // is all that is held besides the compact result.
    for (b, block) in clusters.chunks(ROW_BLOCK).enumerate() {
        let rows: Vec<_> = {
            let feats = &*feats;
            block
                .par_iter()
                .map(|c| story_row(c, meta, feats, cfg))
                .collect()
        };
        for &d in block.iter().flat_map(|c| &c.docs) {
            feats.docs[d].vec = SparseVec::default();
        }
        for (k, (c, (story, pairs))) in block.iter().zip(rows).enumerate() {
            c.docs
                .iter()
                .for_each(|&d| out.story_of[d] = story.story.clone());
            out.stories.push(story);
            for p in pairs {
                out.pairs.push(PairAt {
                    story: (b * ROW_BLOCK + k) as u32,
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
    let doc = |p: &PairAt, at: u32| clusters[p.story as usize].docs[at as usize];
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
