//! Union-find with path halving, where the root of a set is always its smallest element:
//! merging never depends on the order of unions, which keeps clustering deterministic.

/// Disjoint sets over `0..n`.
#[derive(Clone, Debug)]
pub struct UnionFind(Vec<u32>);

impl UnionFind {
    /// `n` singletons.
    pub fn new(n: usize) -> Self {
        UnionFind((0..n as u32).collect())
    }

    /// Root (smallest element) of `x`'s set.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] as usize != x {
            self.0[x] = self.0[self.0[x] as usize];
            x = self.0[x] as usize;
        }
        x
    }

    /// Joins the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.0[hi] = lo as u32;
    }

    /// The sets, ordered by root, members ascending, as one [`Partition`] (no allocation
    /// per set: a million singletons cost three flat lists).
    pub fn partition(&mut self) -> Partition {
        let n = self.0.len();
        // Set number per root, in order of roots; then each set's size.
        let mut set_of = vec![u32::MAX; n];
        let mut sizes: Vec<usize> = Vec::new();
        for x in 0..n {
            let r = self.find(x);
            if set_of[r] == u32::MAX {
                set_of[r] = sizes.len() as u32;
                sizes.push(0);
            }
            sizes[set_of[r] as usize] += 1;
        }
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut at = 0;
        for size in &sizes {
            starts.push(at);
            at += size;
        }
        starts.push(at);
        let mut next = starts[..sizes.len()].to_vec();
        let mut members = vec![0; n];
        for x in 0..n {
            let k = set_of[self.find(x)] as usize;
            members[next[k]] = x;
            next[k] += 1;
        }
        Partition { members, starts }
    }
}

/// Sets over `0..n` as one flat list: set `k` is `members[starts[k]..starts[k + 1]]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Partition {
    /// Every set's members, set after set.
    pub members: Vec<usize>,
    /// Where each set starts in `members`, and (last) where the last one ends.
    pub starts: Vec<usize>,
}

impl Partition {
    /// Number of sets.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there is no set.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends a set (its members in the order given).
    pub fn push(&mut self, members: impl IntoIterator<Item = usize>) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        self.members.extend(members);
        self.starts.push(self.members.len());
    }

    /// The members of set `k`.
    pub fn set(&self, k: usize) -> &[usize] {
        &self.members[self.starts[k]..self.starts[k + 1]]
    }

    /// The members of set `k`, to reorder them.
    pub fn set_mut(&mut self, k: usize) -> &mut [usize] {
        &mut self.members[self.starts[k]..self.starts[k + 1]]
    }

    /// Every set in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &[usize]> + '_ {
        self.starts.windows(2).map(|w| &self.members[w[0]..w[1]])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_are_smallest() {
        let mut uf = UnionFind::new(5);
        uf.union(4, 2);
        uf.union(2, 3);
        assert_eq!(uf.find(4), 2);
        let sets = uf.partition();
        assert_eq!(sets.len(), 3);
        assert_eq!(
            sets.iter().collect::<Vec<_>>(),
            [&[0][..], &[1], &[2, 3, 4]]
        );
        assert_eq!(sets.set(2), [2, 3, 4]);
    }

    #[test]
    fn sets_are_ordered_by_root_with_members_ascending() {
        let mut uf = UnionFind::new(7);
        uf.union(6, 1);
        uf.union(3, 5);
        uf.union(5, 0);
        let sets = uf.partition();
        assert_eq!(
            sets.iter().collect::<Vec<_>>(),
            [&[0, 3, 5][..], &[1, 6], &[2], &[4]]
        );
        assert_eq!(sets.starts, [0, 3, 5, 6, 7]);
        assert!(UnionFind::new(0).partition().is_empty());
        let mut pushed = Partition::default();
        for set in sets.iter() {
            pushed.push(set.iter().copied());
        }
        assert_eq!(pushed, sets);
    }
}
