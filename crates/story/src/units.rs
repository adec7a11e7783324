//! Units: the documents that must share a story whatever their content — connected
//! components of the relation engine's links (duplicates, reprints, same URL) and of equal
//! duplicate-group ids. Clustering places units, never splits them.

use crate::features::DocFeatures;
use crate::vector::SparseVec;
use samestory_core::{Partition, UnionFind};
use std::borrow::Cow;
use std::collections::HashMap;

/// Every unit: its documents, mean vector and date range, unit `u` at index `u` of each.
/// Flat lists, not a struct per unit: most of a big corpus's units are one document each.
#[derive(Clone, Debug, Default)]
pub struct Units<'a> {
    /// Each unit's document indices, ordered by document id.
    docs: Partition,
    /// Mean of each unit's members' vectors (borrowed for a single document).
    pub vecs: Vec<Cow<'a, SparseVec>>,
    /// Earliest and latest publication day of each unit's dated members.
    pub ranges: Vec<Option<(i32, i32)>>,
}

impl Units<'_> {
    /// Number of units.
    pub fn len(&self) -> usize {
        self.vecs.len()
    }

    /// Unit `u`'s documents, ordered by id.
    pub fn docs(&self, u: usize) -> &[usize] {
        self.docs.set(u)
    }
}

/// Builds the units from links and group ids (`group_of[i]` is document `i`'s group);
/// each unit's documents are ordered by `ids` so sums do not depend on input order.
pub fn units<'a>(
    feats: &'a [DocFeatures],
    ids: &[&str],
    group_of: &[&str],
    links: &[(usize, usize)],
) -> Units<'a> {
    let mut uf = UnionFind::new(feats.len());
    links.iter().for_each(|&(a, b)| uf.union(a, b));
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (i, g) in group_of.iter().enumerate() {
        let f = *first.entry(g).or_insert(i);
        uf.union(f, i);
    }
    drop(first);
    let mut docs = uf.partition();
    (0..docs.len()).for_each(|u| docs.set_mut(u).sort_by_key(|&d| ids[d]));
    let vecs = docs
        .iter()
        .map(|members| match members {
            [one] => Cow::Borrowed(&feats[*one].vec),
            _ => Cow::Owned(mean(members.iter().map(|&d| &feats[d].vec))),
        })
        .collect();
    let ranges = docs
        .iter()
        .map(|members| span(members.iter().filter_map(|&d| feats[d].day)))
        .collect();
    Units { docs, vecs, ranges }
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
