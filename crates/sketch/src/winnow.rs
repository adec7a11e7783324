//! Winnowing (Schleimer et al. 2003): from every window of `w` consecutive shingle hashes
//! keep the minimum (rightmost on ties). Any run of `w` shared shingles between two texts
//! yields at least one shared fingerprint (shingle hashes are already uniform, so they
//! rank themselves), with density about `2 / (w + 1)`. This is the
//! containment path's sample: short reprints inside long articles still share fingerprints.

/// A selected shingle: its hash and its position (shingle index) in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fingerprint {
    /// The shingle hash.
    pub hash: u64,
    /// Index of the shingle in the text's shingle sequence.
    pub pos: u32,
}

/// Winnowed fingerprints of a shingle sequence, in position order, one per selected
/// position. Fewer than `w` shingles: the minimum of all of them. `w == 0` is treated as 1.
pub fn winnow(shingles: &[u64], w: usize) -> Vec<Fingerprint> {
    let w = w.max(1);
    if shingles.is_empty() {
        return Vec::new();
    }
    let ranks = shingles;
    let mut out: Vec<Fingerprint> = Vec::with_capacity(2 * shingles.len() / (w + 1) + 1);
    let mut deque: std::collections::VecDeque<usize> = Default::default();
    for i in 0..ranks.len() {
        while deque.back().is_some_and(|&j| ranks[j] >= ranks[i]) {
            deque.pop_back();
        }
        deque.push_back(i);
        if deque[0] + w <= i {
            deque.pop_front();
        }
        if i + 1 >= w.min(ranks.len()) {
            push_new(&mut out, deque[0], shingles);
        }
    }
    out
}

/// Records position `pos` unless it was the last one recorded.
fn push_new(out: &mut Vec<Fingerprint>, pos: usize, shingles: &[u64]) {
    if out.last().is_none_or(|f| f.pos as usize != pos) {
        out.push(Fingerprint {
            hash: shingles[pos],
            pos: pos as u32,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_window_has_a_fingerprint() {
        let s: Vec<u64> = (0..1000u64).map(crate::mix64).collect();
        let f = winnow(&s, 16);
        let pos: Vec<usize> = f.iter().map(|f| f.pos as usize).collect();
        for start in 0..=s.len() - 16 {
            assert!(
                pos.iter().any(|&p| p >= start && p < start + 16),
                "window {start}"
            );
        }
        assert!(f.len() < 200 && f.len() > 60, "density {}", f.len());
    }

    #[test]
    fn shared_run_shares_a_fingerprint() {
        let shared: Vec<u64> = (500..520).collect();
        let mut a: Vec<u64> = (0..100).collect();
        a.extend(&shared);
        let mut b: Vec<u64> = (9000..9033).collect();
        b.extend(&shared);
        b.extend(9100..9200);
        let fa: Vec<u64> = winnow(&a, 16).iter().map(|f| f.hash).collect();
        assert!(winnow(&b, 16).iter().any(|f| fa.contains(&f.hash)));
    }

    #[test]
    fn short_input() {
        assert_eq!(winnow(&[5, 3, 9], 16).len(), 1);
        assert!(winnow(&[], 16).is_empty());
    }
}
