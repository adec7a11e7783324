//! Sums of many sparse vectors that can give "all but some" cheaply: [`Sum`] keeps, per
//! feature, the total weight (f64) and how many vectors had it, so subtracting a part
//! leaves exactly the features the other vectors have (no rounding residue) — a story's
//! `why` compares each member with the rest in linear, not quadratic, time.

use crate::vector::SparseVec;

/// `(feature id, summed weight, vectors having it)`, sorted by id; plus the vector count.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sum {
    entries: Vec<(u32, f64, u32)>,
    vectors: usize,
}

impl Sum {
    /// The sum of `vecs` (added in the order given).
    pub fn of<'a>(vecs: impl Iterator<Item = &'a SparseVec>) -> Sum {
        let mut all: Vec<(u32, f32)> = Vec::new();
        let mut vectors = 0;
        for v in vecs {
            all.extend_from_slice(&v.0);
            vectors += 1;
        }
        all.sort_by_key(|e| e.0);
        let mut entries: Vec<(u32, f64, u32)> = Vec::with_capacity(all.len());
        for (id, w) in all {
            match entries.last_mut() {
                Some(last) if last.0 == id => {
                    last.1 += f64::from(w);
                    last.2 += 1;
                }
                _ => entries.push((id, f64::from(w), 1)),
            }
        }
        Sum { entries, vectors }
    }

    /// Number of vectors summed.
    pub fn vectors(&self) -> usize {
        self.vectors
    }

    /// The mean vector.
    pub fn mean(&self) -> SparseVec {
        self.mean_without(&Sum::default())
    }

    /// The mean of the vectors of `self` that are not in `part` (a sub-sum of it).
    pub fn mean_without(&self, part: &Sum) -> SparseVec {
        let n = self.vectors.saturating_sub(part.vectors).max(1) as f64;
        let mut out = Vec::with_capacity(self.entries.len());
        let mut j = 0;
        for &(id, w, c) in &self.entries {
            while j < part.entries.len() && part.entries[j].0 < id {
                j += 1;
            }
            let (pw, pc) = match part.entries.get(j) {
                Some(p) if p.0 == id => (p.1, p.2),
                _ => (0.0, 0),
            };
            if c > pc {
                out.push((id, ((w - pw) / n) as f32));
            }
        }
        SparseVec(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mean_without_a_part_is_the_mean_of_the_rest() {
        let a = SparseVec(vec![(1, 0.1), (2, 0.7)]);
        let b = SparseVec(vec![(2, 0.3), (3, 0.4)]);
        let c = SparseVec(vec![(1, 0.5), (3, 0.2)]);
        let all = Sum::of([&a, &b, &c].into_iter());
        let rest = all.mean_without(&Sum::of([&b].into_iter()));
        assert_eq!(rest.0.iter().map(|e| e.0).collect::<Vec<_>>(), [1, 2, 3]);
        assert!((rest.0[0].1 - 0.3).abs() < 1e-6);
        assert!((rest.0[1].1 - 0.35).abs() < 1e-6);
        let only_b = all.mean_without(&Sum::of([&a, &c].into_iter()));
        assert_eq!(only_b.0.iter().map(|e| e.0).collect::<Vec<_>>(), [2, 3]);
        assert_eq!(all.vectors(), 3);
        assert!((all.mean().0[0].1 - 0.2).abs() < 1e-6);
    }
}
