//! Units: the documents that must share a story whatever their content — connected
//! components of the relation engine's links (duplicates, reprints, same URL) and of equal
//! duplicate-group ids. Clustering places units, never splits them.

use crate::features::DocFeatures;
use crate::vector::SparseVec;
use samestory_core::UnionFind;
use std::borrow::Cow;
use std::collections::HashMap;

/// Documents that are one block for clustering.
#[derive(Clone, Debug)]
pub struct Unit<'a> {
    /// Document indices, ordered by document id.
    pub docs: Vec<usize>,
    /// Mean of the members' vectors (borrowed for a single document).
    pub vec: Cow<'a, SparseVec>,
    /// Earliest and latest publication day of dated members.
    pub range: Option<(i32, i32)>,
}

/// Builds the units from links and group ids (`group_of[i]` is document `i`'s group);
/// each unit's documents are ordered by `ids` so sums do not depend on input order.
pub fn units<'a>(
    feats: &'a [DocFeatures],
    ids: &[&str],
    group_of: &[&str],
    links: &[(usize, usize)],
) -> Vec<Unit<'a>> {
    let mut uf = UnionFind::new(feats.len());
    links.iter().for_each(|&(a, b)| uf.union(a, b));
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, g) in group_of.iter().enumerate() {
        let f = *first.entry(g).or_insert(i);
        uf.union(f, i);
    }
    let mut sets = uf.sets();
    sets.iter_mut().for_each(|s| s.sort_by_key(|&d| ids[d]));
    sets.into_iter().map(|docs| unit(feats, docs)).collect()
}

fn unit(feats: &[DocFeatures], docs: Vec<usize>) -> Unit<'_> {
    let vec = match docs[..] {
        [one] => Cow::Borrowed(&feats[one].vec),
        _ => Cow::Owned(mean(docs.iter().map(|&d| &feats[d].vec))),
    };
    let range = span(docs.iter().filter_map(|&d| feats[d].day));
    Unit { docs, vec, range }
}

/// Mean of vectors (the vector itself for one).
pub fn mean<'a>(vecs: impl Iterator<Item = &'a SparseVec>) -> SparseVec {
    let mut n = 0.0;
    let mut sum = SparseVec::default();
    for v in vecs {
        sum = if n == 0.0 { v.clone() } else { sum.add(v) };
        n += 1.0;
    }
    if n > 1.0 {
        sum.0.iter_mut().for_each(|e| e.1 /= n);
    }
    sum
}

/// `(min, max)` of some days.
pub fn span(days: impl Iterator<Item = i32>) -> Option<(i32, i32)> {
    days.fold(None, |acc, d| match acc {
        None => Some((d, d)),
        Some((lo, hi)) => Some((lo.min(d), hi.max(d))),
    })
}

/// Joins two optional ranges.
pub fn join_ranges(a: Option<(i32, i32)>, b: Option<(i32, i32)>) -> Option<(i32, i32)> {
    span(a.into_iter().chain(b).flat_map(|(lo, hi)| [lo, hi]))
}
