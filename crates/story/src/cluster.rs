//! Online clustering with a batch merge pass.
//!
//! Units (see [`crate::units`]) are visited in date order — dated units by (earliest day,
//! smallest document id), then undated units by smallest id. Each asks the candidate index
//! for the stories sharing its strongest features, keeps those within `window_days` of its
//! dates, and joins the best one whose score (content against the story centroid × time
//! factor) reaches `join_threshold`; otherwise it opens a new story. A batch pass then
//! merges stories whose centroids score `merge_threshold` or more (stories split early,
//! before their common features were known). Deterministic: every choice breaks ties by
//! index, and indices follow the visiting order. Both passes keep the stories' date ranges
//! in a packed array beside the drafts: the index tests one for every story it meets.

use crate::index::StoryIndex;
use crate::score::{combine, range_gap};
use crate::units::{join_ranges, Units};
use crate::vector::{self, DotTable, SparseVec};
use rayon::prelude::*;
use samestory_core::StoryConfig;
use samestory_core::{Partition, UnionFind};
use std::borrow::Cow;
use std::ops::Range;

/// A story being built. A story of one unit borrows the unit's vector as its centroid (the
/// sum of one vector, cut to `centroid_features`, is that vector when it is no longer): most
/// stories of a big corpus are single units, and a copy each would double the vectors held.
/// The centroid's entries (sorted by id) are held as a slice, one pointer away from the
/// draft, not two.
#[derive(Clone, Debug)]
struct Draft<'u> {
    centroid: Cow<'u, [(u32, f32)]>,
    /// Norm of `centroid`.
    norm: f32,
    range: Option<(i32, i32)>,
    /// The first and the last unit joined ([`NONE`] before any): the others are chained
    /// in [`Chain`].
    first: u32,
    last: u32,
}

/// No unit.
const NONE: u32 = u32::MAX;

/// The units of every draft as chains, in the order they joined: `next[u]` is the unit
/// that joined `u`'s draft after `u`. A list per draft would be an allocation each.
struct Chain {
    next: Vec<u32>,
}

impl Chain {
    fn units<'c>(&'c self, d: &Draft<'_>) -> impl Iterator<Item = usize> + 'c {
        let mut at = d.first;
        std::iter::from_fn(move || {
            let u = (at != NONE).then_some(at as usize)?;
            at = self.next[u];
            Some(u)
        })
    }
}

/// Clusters `units` (visited in `order`); returns stories as sets of unit indices.
pub fn cluster(units: &Units, order: &[usize], cfg: &StoryConfig) -> Partition {
    cluster_in(units, order, cfg, BLOCK)
}

/// [`cluster`], with work done in parallel in blocks of `block` units or drafts (the
/// stories are the same whatever the block).
fn cluster_in(units: &Units, order: &[usize], cfg: &StoryConfig, block: usize) -> Partition {
    let mut drafts: Vec<Draft<'_>> = Vec::new();
    let mut chain = Chain {
        next: vec![NONE; units.len()],
    };
    // Each draft's date range again, packed: the candidate index asks it of every story it
    // meets, and a draft (with its centroid) is a cache miss away.
    let mut ranges: Vec<Option<(i32, i32)>> = Vec::new();
    let mut index = StoryIndex::default();
    let mut table = DotTable::default();
    for block in order.chunks(block) {
        let strongest: Vec<Vec<u32>> = block
            .par_iter()
            .map(|&u| units.vecs[u].strongest(cfg.index_features))
            .collect();
        for (&u, strongest) in block.iter().zip(strongest) {
            let unit = (units.vecs[u].as_ref(), units.ranges[u]);
            let at = (&drafts[..], &ranges[..]);
            let best = best_story(unit, &strongest, at, (&mut index, &mut table), cfg);
            let s = best.unwrap_or_else(|| open(&mut drafts, &mut ranges));
            join(&mut drafts[s], &mut chain, u, unit, cfg);
            ranges[s] = drafts[s].range;
            index.post(&strongest, s as u32);
        }
    }
    // The merge pass builds an index of its own.
    drop((index, ranges));
    merge(&drafts, &chain, cfg, block)
}

/// Units whose indexed features are found in parallel before they are placed in turn, and
/// drafts whose merge candidates are scored in parallel.
const BLOCK: usize = 4096;

fn open(drafts: &mut Vec<Draft<'_>>, ranges: &mut Vec<Option<(i32, i32)>>) -> usize {
    ranges.push(None);
    drafts.push(Draft {
        centroid: Cow::Owned(Vec::new()),
        norm: 0.0,
        range: None,
        first: NONE,
        last: NONE,
    });
    drafts.len() - 1
}

/// A unit as clustering reads it: its mean vector and date range.
type UnitAt<'u> = (&'u SparseVec, Option<(i32, i32)>);

fn join<'u>(d: &mut Draft<'u>, chain: &mut Chain, u: usize, unit: UnitAt<'u>, cfg: &StoryConfig) {
    let (vec, range) = unit;
    d.centroid = if d.first == NONE && vec.0.len() <= cfg.centroid_features {
        Cow::Borrowed(&vec.0)
    } else {
        let sum = vector::add(&d.centroid, &vec.0);
        Cow::Owned(sum.top(cfg.centroid_features).0)
    };
    d.norm = vector::norm(&d.centroid);
    d.range = join_ranges(d.range, range);
    match d.last {
        NONE => d.first = u as u32,
        last => chain.next[last as usize] = u as u32,
    }
    d.last = u as u32;
}

/// The drafts so far and their date ranges.
type DraftsAt<'d, 'u> = (&'d [Draft<'u>], &'d [Option<(i32, i32)>]);

/// The best story for `unit` among the index's candidates, if any clears the threshold
/// (`table` is scratch: the unit's vector, loaded when there is a candidate to score).
fn best_story(
    unit: UnitAt<'_>,
    strongest: &[u32],
    (drafts, ranges): DraftsAt<'_, '_>,
    (index, table): (&mut StoryIndex, &mut DotTable),
    cfg: &StoryConfig,
) -> Option<usize> {
    let (vec, range) = unit;
    // An undated unit is within every story's window: no story's range is read.
    let live = |s: u32| range.is_none() || within(range, ranges[s as usize], cfg);
    let cands = index.candidates(strongest, cfg.max_candidates, cfg.max_posting, live);
    if cands.is_empty() {
        return None;
    }
    touch(&cands, drafts);
    table.load(vec);
    let scored = cands
        .into_iter()
        .map(|s| (score(table, range, &drafts[s as usize], cfg), s));
    let best = scored.fold(None, |best: Option<(f32, u32)>, c| match best {
        Some(b) if b.0 > c.0 || (b.0 == c.0 && b.1 < c.1) => Some(b),
        _ => Some(c),
    })?;
    (best.0 >= cfg.join_threshold).then_some(best.1 as usize)
}

/// Reads each candidate's draft and the first entry of its centroid before any is scored:
/// these loads do not depend on one another, so their cache misses overlap, where scoring
/// one candidate after another would wait for each in turn (a third less time scoring).
fn touch(candidates: &[u32], drafts: &[Draft<'_>]) {
    let first = |s: &u32| drafts[*s as usize].centroid.first().map_or(0.0, |e| e.1);
    std::hint::black_box(candidates.iter().map(first).sum::<f32>());
}

/// Whether two date ranges are within the window (always, when either is undated).
fn within(a: Option<(i32, i32)>, b: Option<(i32, i32)>, cfg: &StoryConfig) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => range_gap(a, b) <= cfg.window_days,
        _ => true,
    }
}

/// Score of a vector (loaded in `v`) with a date range against a draft story.
fn score(v: &DotTable, range: Option<(i32, i32)>, d: &Draft<'_>, cfg: &StoryConfig) -> f32 {
    let gap = range.zip(d.range).map(|(a, b)| range_gap(a, b));
    let content = if d.norm > 0.0 {
        v.dot(&d.centroid) / d.norm
    } else {
        0.0
    };
    combine(content, gap, cfg)
}

/// The batch pass: merges drafts whose centroids agree; returns unit lists per story. Each
/// draft's normalised centroid is made again where it is scored (only its strongest
/// features are kept for all drafts at once), so the pass holds no second copy of every
/// centroid. Drafts go in blocks: the candidate index is queried and posted in draft
/// order on one thread (its lists are pruned as it is asked), the block's candidates are
/// scored in parallel while the next block is queried, and the unions follow in the order
/// a single pass would make them.
fn merge(drafts: &[Draft<'_>], chain: &Chain, cfg: &StoryConfig, block: usize) -> Partition {
    let strongest: Vec<Vec<u32>> = drafts
        .par_iter()
        .map(|d| normalized(d).strongest(cfg.index_features))
        .collect();
    let ranges: Vec<Option<(i32, i32)>> = drafts.iter().map(|d| d.range).collect();
    let mut index = StoryIndex::default();
    let mut uf = UnionFind::new(drafts.len());
    // One block's candidates are scored (in parallel) while the next block's are queried:
    // the queries depend only on the drafts before them, never on a merge.
    let mut scored: Option<Queried> = None;
    let mut starts = (0..drafts.len()).step_by(block).peekable();
    while starts.peek().is_some() || scored.is_some() {
        let next = starts
            .next()
            .map(|start| start..drafts.len().min(start + block));
        let query = |index: &mut StoryIndex| {
            next.map(|b| query_block(b, &strongest, &ranges, drafts, index, cfg))
        };
        let score = || scored.as_ref().map(|q| merges_of(q, drafts, cfg));
        let (queried, merged) = rayon::join(|| query(&mut index), score);
        if let (Some(q), Some(merged)) = (&scored, merged) {
            for (s, merged) in q.block.clone().zip(merged) {
                merged.into_iter().for_each(|t| uf.union(s, t as usize));
            }
        }
        scored = queried;
    }
    let sets = uf.partition();
    let mut stories = Partition::default();
    for set in sets.iter() {
        stories.push(set.iter().flat_map(|&s| chain.units(&drafts[s])));
    }
    stories
}

/// One block of drafts and their candidate lists, one after another: draft
/// `block.start + k`'s are `candidates[ends[k]..ends[k + 1]]`.
struct Queried {
    block: Range<usize>,
    candidates: Vec<u32>,
    ends: Vec<usize>,
}

/// Asks the merge index for the candidates of each draft of `block` in turn, posting each
/// after its query.
fn query_block(
    block: Range<usize>,
    strongest: &[Vec<u32>],
    ranges: &[Option<(i32, i32)>],
    drafts: &[Draft<'_>],
    index: &mut StoryIndex,
    cfg: &StoryConfig,
) -> Queried {
    let (mut candidates, mut ends) = (Vec::new(), vec![0usize]);
    for s in block.clone() {
        let range = drafts[s].range;
        let live = |t: u32| within(range, ranges[t as usize], cfg);
        let strongest = &strongest[s];
        candidates.extend(index.candidates(strongest, cfg.max_candidates, cfg.max_posting, live));
        ends.push(candidates.len());
        index.post(strongest, s as u32);
    }
    Queried {
        block,
        candidates,
        ends,
    }
}

/// The drafts each draft of a queried block merges with, scored in parallel.
fn merges_of(q: &Queried, drafts: &[Draft<'_>], cfg: &StoryConfig) -> Vec<Vec<u32>> {
    q.block
        .clone()
        .into_par_iter()
        .map_init(DotTable::default, |table, s| {
            let k = s - q.block.start;
            let candidates = &q.candidates[q.ends[k]..q.ends[k + 1]];
            merged_with(s, candidates, drafts, table, cfg)
        })
        .collect()
}

/// A draft's centroid scaled to unit length.
fn normalized(d: &Draft<'_>) -> SparseVec {
    SparseVec(d.centroid.to_vec()).normalized()
}

/// The candidates of draft `s` whose score against it reaches `merge_threshold`, in
/// candidate order.
fn merged_with(
    s: usize,
    candidates: &[u32],
    drafts: &[Draft<'_>],
    table: &mut DotTable,
    cfg: &StoryConfig,
) -> Vec<u32> {
    if candidates.is_empty() {
        return Vec::new();
    }
    let d = &drafts[s];
    touch(candidates, drafts);
    table.load(&normalized(d));
    let scores = |&&t: &&u32| score(table, d.range, &drafts[t as usize], cfg);
    candidates
        .iter()
        .filter(|t| scores(t) >= cfg.merge_threshold)
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` units over 40 topics of a 2,000-feature vocabulary (each unit most of one
    /// topic's features and a few others), a third undated, the rest over 60 days.
    fn units(n: usize) -> Units<'static> {
        let mut r = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |m: u64| {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            r % m
        };
        let mut units = Units::default();
        for _ in 0..n {
            let topic = next(40) as u32;
            let mut entries: Vec<(u32, f32)> = (0..24)
                .map(|k| match k % 5 {
                    4 => (next(2000) as u32, 1.0),
                    _ => (topic * 50 + next(30) as u32, 1.0 + next(100) as f32 / 50.0),
                })
                .collect();
            entries.sort_by_key(|e| e.0);
            entries.dedup_by_key(|e| e.0);
            let vec = SparseVec(entries).normalized();
            let day = next(60) as i32;
            units.vecs.push(Cow::Owned(vec));
            units
                .ranges
                .push((next(3) > 0).then_some((day, day + next(3) as i32)));
        }
        units
    }

    #[test]
    fn blocks_change_no_story() {
        let units = units(3000);
        let order: Vec<usize> = (0..units.len()).collect();
        let cfg = StoryConfig::default();
        let one_by_one = cluster_in(&units, &order, &cfg, 1);
        assert!(
            one_by_one.len() > 40 && one_by_one.len() < 1500,
            "{}",
            one_by_one.len()
        );
        for block in [2, 7, 1000, BLOCK] {
            assert_eq!(
                cluster_in(&units, &order, &cfg, block),
                one_by_one,
                "block {block}"
            );
        }
        // The merge pass joins drafts here: without it the stories differ.
        let no_merge = StoryConfig {
            merge_threshold: 2.0,
            ..cfg.clone()
        };
        assert_ne!(cluster_in(&units, &order, &no_merge, 7), one_by_one);
    }
}
