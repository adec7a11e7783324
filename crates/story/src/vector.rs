//! Sparse feature vectors: `(feature id, weight)` sorted by id. Dot products by merge,
//! sums, and truncation to the strongest entries — all a story needs, nothing allocated per
//! comparison.

/// A sparse vector, entries sorted by feature id, ids unique.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SparseVec(pub Vec<(u32, f32)>);

impl SparseVec {
    /// Builds from unsorted entries with unique ids.
    pub fn from_unsorted(mut entries: Vec<(u32, f32)>) -> SparseVec {
        sort_by_id(&mut entries);
        SparseVec(entries)
    }

    /// Dot product: the products of matching entries summed in id order, as a plain merge
    /// sums them. A branch-free merge: both cursors advance by comparison results, and
    /// every step writes its product into a small buffer whose cursor advances only on a
    /// match, so the float additions (a latency chain) happen apart from the merge, once
    /// per match.
    pub fn dot(&self, other: &SparseVec) -> f32 {
        const BUF: usize = 64;
        let (a, b) = (&self.0, &other.0);
        let mut buf = [0.0f32; BUF];
        let (mut i, mut j, mut k, mut sum) = (0, 0, 0, 0.0f32);
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            buf[k % BUF] = x.1 * y.1;
            k += usize::from(x.0 == y.0);
            i += usize::from(x.0 <= y.0);
            j += usize::from(y.0 <= x.0);
            if k == BUF {
                buf.iter().for_each(|p| sum += p);
                k = 0;
            }
        }
        buf[..k].iter().for_each(|p| sum += p);
        sum
    }

    /// Euclidean norm.
    pub fn norm(&self) -> f32 {
        norm(&self.0)
    }

    /// Cosine similarity (0 when either is empty).
    pub fn cosine(&self, other: &SparseVec) -> f32 {
        let n = self.norm() * other.norm();
        if n > 0.0 {
            (self.dot(other) / n).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }

    /// `self + other`.
    pub fn add(&self, other: &SparseVec) -> SparseVec {
        add(&self.0, &other.0)
    }

    /// Keeps the `k` largest weights (ties: smaller id), still sorted by id; no spare
    /// capacity is kept (vectors live as long as the run).
    pub fn top(mut self, k: usize) -> SparseVec {
        if self.0.len() > k {
            let kept = strongest_keys(&self.0, k);
            self.0.clear();
            self.0.extend(kept.iter().map(|&key| entry_of(key)));
            sort_by_id(&mut self.0);
        }
        self.0.shrink_to_fit();
        self
    }

    /// Scaled to unit length (unchanged when empty).
    pub fn normalized(mut self) -> SparseVec {
        let n = self.norm();
        if n > 0.0 {
            self.0.iter_mut().for_each(|e| e.1 /= n);
        }
        self
    }

    /// Ids of the `k` largest weights, strongest first (ties: smaller id).
    ///
    /// The result holds only its ids: a `collect` of the sorted copy would reuse the copy's
    /// allocation (every entry's 8 bytes), and a million stories' lists are held at once.
    pub fn strongest(&self, k: usize) -> Vec<u32> {
        let mut keys = strongest_keys(&self.0, k);
        keys.sort_unstable();
        let mut ids = Vec::with_capacity(keys.len());
        ids.extend(keys.iter().map(|&key| key as u32));
        ids
    }

    /// Shared ids ranked by the product of their weights, strongest first.
    pub fn shared(&self, other: &SparseVec, k: usize) -> Vec<u32> {
        let mut both: Vec<(u32, f32)> = Vec::new();
        let mut j = 0;
        for &(id, w) in &self.0 {
            while j < other.0.len() && other.0[j].0 < id {
                j += 1;
            }
            if j < other.0.len() && other.0[j].0 == id {
                both.push((id, w * other.0[j].1));
            }
        }
        SparseVec(both).strongest(k)
    }
}

/// Euclidean norm of sorted entries (what [`SparseVec::norm`] returns for them).
pub fn norm(entries: &[(u32, f32)]) -> f32 {
    entries.iter().map(|e| e.1 * e.1).sum::<f32>().sqrt()
}

/// `a + b` for sorted entries (what [`SparseVec::add`] returns for them).
pub fn add(a: &[(u32, f32)], b: &[(u32, f32)]) -> SparseVec {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let take_a = j == b.len() || (i < a.len() && a[i].0 <= b[j].0);
        let take_b = i == a.len() || (j < b.len() && b[j].0 <= a[i].0);
        let w = if take_a { a[i].1 } else { 0.0 } + if take_b { b[j].1 } else { 0.0 };
        out.push((if take_a { a[i].0 } else { b[j].0 }, w));
        i += usize::from(take_a);
        j += usize::from(take_b);
    }
    SparseVec(out)
}

/// One vector's entries in a small open-addressing table, for the dot products of that
/// vector with many others (a unit against its candidate stories). Each entry of the other
/// vector is one probe, independent of the last, where a merge is a chain of dependent
/// comparisons. Sums equal [`SparseVec::dot`]'s bit for bit: the products of matching
/// entries, this vector's weight times the other's, added in id order. Feature ids must be
/// below `u32::MAX` (the empty slot's mark); they are vocabulary indices.
#[derive(Debug, Default)]
pub struct DotTable {
    slots: Vec<(u32, f32)>,
    /// `32 - log2(slots.len())`: a hash's top bits pick the slot.
    shift: u32,
}

/// The id of an empty slot.
const EMPTY: u32 = u32::MAX;

impl DotTable {
    /// Holds `v`'s entries (and only those), in a table at most an eighth full (a probe
    /// seldom meets another id).
    pub fn load(&mut self, v: &SparseVec) {
        let len = (v.0.len() * 8).next_power_of_two().max(16);
        self.slots.clear();
        self.slots.resize(len, (EMPTY, 0.0));
        self.shift = 32 - len.trailing_zeros();
        let mask = len - 1;
        for &(id, w) in &v.0 {
            debug_assert_ne!(id, EMPTY, "feature id u32::MAX");
            let mut at = self.slot_of(id);
            while self.slots[at].0 != EMPTY {
                at = (at + 1) & mask;
            }
            self.slots[at] = (id, w);
        }
    }

    /// The dot product of the loaded vector with the sorted entries `other`. The first probe
    /// settles most entries and is read without a branch (a miss adds `0 × w`, which leaves
    /// the sum as it was: weights are finite, and a sum that starts at `+0` is never `-0`);
    /// only an entry whose first slot holds another id probes on.
    pub fn dot(&self, other: &[(u32, f32)]) -> f32 {
        let mut sum = 0.0f32;
        if self.slots.is_empty() {
            return sum;
        }
        for &(id, w) in other {
            let at = self.slot_of(id);
            let (key, x) = self.slots[at];
            let mut x = if key == id { x } else { 0.0 };
            if key != id && key != EMPTY {
                x = self.probe_on(id, at);
            }
            sum += x * w;
        }
        sum
    }

    /// The weight of `id` (0 when absent), probing on from slot `at`.
    #[cold]
    fn probe_on(&self, id: u32, mut at: usize) -> f32 {
        let mask = self.slots.len() - 1;
        loop {
            at = (at + 1) & mask;
            match self.slots[at] {
                (key, x) if key == id => return x,
                (EMPTY, _) => return 0.0,
                _ => {}
            }
        }
    }

    fn slot_of(&self, id: u32) -> usize {
        (id.wrapping_mul(0x9E37_79B1) >> self.shift) as usize
    }
}

/// Sorts entries with unique ids by id. They are sorted as `u64`s, the id above the
/// weight's bits: integers compare faster than pairs by a key, and with unique ids the
/// order is the same.
fn sort_by_id(entries: &mut [(u32, f32)]) {
    let mut keys: Vec<u64> = entries
        .iter()
        .map(|&(id, w)| u64::from(id) << 32 | u64::from(w.to_bits()))
        .collect();
    keys.sort_unstable();
    for (e, k) in entries.iter_mut().zip(keys) {
        *e = ((k >> 32) as u32, f32::from_bits(k as u32));
    }
}

/// The strength keys ([`strength_key`]) of the `k` strongest entries (all of them when
/// there are no more), in no particular order.
fn strongest_keys(entries: &[(u32, f32)], k: usize) -> Vec<u64> {
    let mut keys: Vec<u64> = entries.iter().map(|&e| strength_key(e)).collect();
    if keys.len() > k && k > 0 {
        keys.select_nth_unstable(k - 1);
    }
    keys.truncate(k);
    keys
}

/// An entry as a `u64` that sorts in the order of strength: larger weight first (in
/// `f32::total_cmp`'s order), then smaller id — the weight's order reversed, above the id.
/// Ids are unique, so the order is total and the `k` strongest are the same however they
/// are found.
fn strength_key((id, w): (u32, f32)) -> u64 {
    u64::from(!total_order_bits(w)) << 32 | u64::from(id)
}

/// The entry a [`strength_key`] was made from.
fn entry_of(key: u64) -> (u32, f32) {
    let w = !(key >> 32) as u32;
    let bits = if w & 0x8000_0000 != 0 {
        w & 0x7fff_ffff
    } else {
        !w
    };
    (key as u32, f32::from_bits(bits))
}

/// `w`'s bits mapped so that unsigned order is `f32::total_cmp`'s order: a positive
/// weight gets its sign bit set, a negative one all its bits flipped.
fn total_order_bits(w: f32) -> u32 {
    let bits = w.to_bits();
    if bits & 0x8000_0000 != 0 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(e: &[(u32, f32)]) -> SparseVec {
        SparseVec(e.to_vec())
    }

    #[test]
    fn dot_add_top() {
        let a = v(&[(1, 1.0), (3, 2.0)]);
        let b = v(&[(2, 5.0), (3, 1.0)]);
        assert_eq!(a.dot(&b), 2.0);
        assert_eq!(a.add(&b), v(&[(1, 1.0), (2, 5.0), (3, 3.0)]));
        assert_eq!(a.add(&b).top(2), v(&[(2, 5.0), (3, 3.0)]));
        assert_eq!(a.shared(&b, 3), [3]);
        assert!((a.cosine(&a) - 1.0).abs() < 1e-6);
    }

    /// The plain merge `dot` must equal bit for bit.
    fn plain_dot(a: &SparseVec, b: &SparseVec) -> f32 {
        let mut sum = 0.0f32;
        for x in &a.0 {
            if let Some(y) = b.0.iter().find(|y| y.0 == x.0) {
                sum += x.1 * y.1;
            }
        }
        sum
    }

    #[test]
    fn dot_sums_in_id_order_like_a_plain_merge() {
        let mut r = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            r ^= r << 13;
            r ^= r >> 7;
            r ^= r << 17;
            r
        };
        for len in [0usize, 1, 5, 63, 64, 65, 130, 300] {
            let mut vec = |n: usize| {
                let mut e: Vec<(u32, f32)> = (0..n)
                    .map(|_| ((next() % 200) as u32, (next() % 1000) as f32 / 997.0))
                    .collect();
                e.sort_by_key(|x| x.0);
                e.dedup_by_key(|x| x.0);
                SparseVec(e)
            };
            let (a, b) = (vec(len), vec(len / 2 + 3));
            assert_eq!(a.dot(&b).to_bits(), plain_dot(&a, &b).to_bits());
            assert_eq!(a.dot(&a).to_bits(), plain_dot(&a, &a).to_bits());
            let mut table = DotTable::default();
            table.load(&a);
            assert_eq!(table.dot(&b.0).to_bits(), a.dot(&b).to_bits());
            assert_eq!(table.dot(&a.0).to_bits(), a.dot(&a).to_bits());
            table.load(&b);
            assert_eq!(table.dot(&a.0).to_bits(), b.dot(&a).to_bits());
        }
    }

    #[test]
    fn dot_table_walks_on_past_other_ids_to_a_hit_or_a_miss() {
        // Ids whose first slot is the same in a table of 16 (a vector of two entries).
        let mut table = DotTable::default();
        table.load(&v(&[(0, 1.0), (1, 1.0)]));
        let first = |id: u32| table.slot_of(id);
        let same: Vec<u32> = (2..100_000)
            .filter(|&id| first(id) == first(2))
            .take(3)
            .collect();
        let [a, b, c] = [same[0], same[1], same[2]];
        // `b` lies one slot past `a`; `c` is looked for past both, and a weight is negative.
        let loaded = v(&[(a, 0.5), (b, -2.0)]);
        table.load(&loaded);
        assert_eq!(table.slots.len(), 16);
        for other in [
            v(&[(a, 3.0), (b, 0.25), (c, 7.0)]),
            v(&[(b, 1.0), (c, -1.0)]),
            v(&[(c, 2.0)]),
        ] {
            let want = loaded.dot(&other);
            assert_eq!(table.dot(&other.0).to_bits(), want.to_bits(), "{other:?}");
        }
        assert_eq!(table.dot(&[(b, 1.0)]), -2.0);
        assert_eq!(table.dot(&[(c, 1.0)]), 0.0);
    }

    #[test]
    fn strongest_and_top_break_ties_by_id() {
        let a = v(&[(1, 1.0), (2, 3.0), (3, 1.0), (4, 3.0), (5, 2.0)]);
        assert_eq!(a.strongest(3), [2, 4, 5]);
        assert_eq!(a.strongest(4), [2, 4, 5, 1]);
        assert_eq!(a.strongest(9), [2, 4, 5, 1, 3]);
        assert!(a.strongest(0).is_empty());
        assert_eq!(a.strongest(3).capacity(), 3, "no spare capacity kept");
        assert_eq!(
            a.clone().top(4),
            v(&[(1, 1.0), (2, 3.0), (4, 3.0), (5, 2.0)])
        );
        assert_eq!(a.top(0), v(&[]));
    }

    /// Strongest first, ties by smaller id: the order `top` and `strongest` keep.
    fn stronger(a: &(u32, f32), b: &(u32, f32)) -> std::cmp::Ordering {
        b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
    }

    /// `top` and `strongest` as the entries' comparator defines them.
    fn top_by_comparator(mut e: Vec<(u32, f32)>, k: usize) -> Vec<(u32, f32)> {
        e.sort_by(stronger);
        e.truncate(k);
        e.sort_by_key(|x| x.0);
        e
    }

    fn strongest_by_comparator(mut e: Vec<(u32, f32)>, k: usize) -> Vec<u32> {
        e.sort_by(stronger);
        e.iter().take(k).map(|x| x.0).collect()
    }

    proptest::proptest! {
        /// The integer keys rank entries exactly as the comparator does: weights of either
        /// sign, zeros of both signs, infinities and ties.
        #[test]
        fn keys_rank_as_the_comparator_does(
            entries in proptest::collection::btree_map(
                0u32..400,
                proptest::prop_oneof![
                    proptest::num::f32::ANY,
                    proptest::sample::select(vec![0.0f32, -0.0, 1.0, -1.0, 2.5]),
                ],
                0..80,
            ),
            k in 0usize..90,
        ) {
            let sorted: Vec<(u32, f32)> = entries.into_iter().collect();
            let bits = |e: &[(u32, f32)]| e.iter().map(|x| (x.0, x.1.to_bits())).collect::<Vec<_>>();
            let top = SparseVec(sorted.clone()).top(k);
            proptest::prop_assert_eq!(bits(&top.0), bits(&top_by_comparator(sorted.clone(), k)));
            let s = SparseVec(sorted.clone());
            proptest::prop_assert_eq!(s.strongest(k), strongest_by_comparator(sorted.clone(), k));
            let mut shuffled = sorted.clone();
            shuffled.reverse();
            shuffled.rotate_left(sorted.len() / 3);
            proptest::prop_assert_eq!(bits(&SparseVec::from_unsorted(shuffled).0), bits(&sorted));
            for &e in &sorted {
                let back = entry_of(strength_key(e));
                proptest::prop_assert_eq!((back.0, back.1.to_bits()), (e.0, e.1.to_bits()));
            }
        }
    }
}
