//! [`Clusters`]: every story's member documents, and each member's unit, as the row stage
//! reads them — flat lists, story after story, so a million stories of one document cost
//! a few lists, not two allocations each. [`Cluster`] is one story's view.

use samestory_core::Partition;
use std::cmp::Ordering;

/// One cluster: member documents, and the unit (link component) of each.
#[derive(Clone, Copy, Debug)]
pub struct Cluster<'a> {
    /// Document indices sorted by id.
    pub docs: &'a [usize],
    /// Unit index per member (same order).
    pub unit_of: &'a [usize],
}

/// Every cluster's members, cluster after cluster.
#[derive(Clone, Debug, Default)]
pub struct Clusters {
    docs: Partition,
    /// Each member's unit, in the order of `docs.members`.
    unit_of: Vec<usize>,
}

impl Clusters {
    /// Appends a cluster of `(document, unit)` members, in member order.
    pub fn push(&mut self, members: &[(usize, usize)]) {
        self.docs.push(members.iter().map(|m| m.0));
        self.unit_of.extend(members.iter().map(|m| m.1));
    }

    /// Number of clusters.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Cluster `k`.
    pub fn get(&self, k: usize) -> Cluster<'_> {
        let (from, to) = (self.docs.starts[k], self.docs.starts[k + 1]);
        Cluster {
            docs: &self.docs.members[from..to],
            unit_of: &self.unit_of[from..to],
        }
    }

    /// Orders the clusters by their first documents under `cmp` (stable: equal ones keep
    /// their order).
    pub fn sort_by_first(&mut self, cmp: impl Fn(usize, usize) -> Ordering) {
        let mut order: Vec<usize> = (0..self.len()).collect();
        order.sort_by(|&a, &b| cmp(self.get(a).docs[0], self.get(b).docs[0]));
        let mut sorted = Clusters::default();
        for k in order {
            let c = self.get(k);
            sorted.docs.push(c.docs.iter().copied());
            sorted.unit_of.extend_from_slice(c.unit_of);
        }
        *self = sorted;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clusters_keep_their_members_and_sort_stably_by_first_document() {
        let mut c = Clusters::default();
        assert_eq!(c.len(), 0);
        c.push(&[(5, 0), (7, 1)]);
        c.push(&[(2, 2)]);
        c.push(&[(5, 3), (1, 3), (0, 4)]);
        assert_eq!(c.len(), 3);
        assert_eq!(c.get(2).docs, [5, 1, 0]);
        assert_eq!(c.get(2).unit_of, [3, 3, 4]);
        c.sort_by_first(|a, b| a.cmp(&b));
        let firsts: Vec<&[usize]> = (0..c.len()).map(|k| c.get(k).docs).collect();
        assert_eq!(firsts, [&[2][..], &[5, 7], &[5, 1, 0]]);
        assert_eq!(c.get(1).unit_of, [0, 1]);
    }
}
