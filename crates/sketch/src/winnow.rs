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
    let mut out: Vec<Fingerprint> = Vec::with_capacity(2 * shingles.len() / (w + 1) + 1);
    for_each_winnowed(shingles, w, |f| out.push(f));
    out
}

/// Calls `f` with each fingerprint [`winnow()`] returns, in order, allocating nothing. Keeps
/// the window's rightmost minimum and rescans the window only when it expires (about once
/// per selected fingerprint), so a shingle costs about two compares.
#[inline]
pub fn for_each_winnowed(shingles: &[u64], w: usize, mut f: impl FnMut(Fingerprint)) {
    let w = w.max(1);
    if shingles.is_empty() {
        return;
    }
    let first = w.min(shingles.len());
    let (mut min, mut value) = rightmost_min(shingles, 0, first);
    f(fingerprint(shingles, min));
    for (i, &v) in shingles.iter().enumerate().skip(first) {
        // Either branch moves the minimum to a new position, so either emits.
        if v <= value {
            (min, value) = (i, v);
        } else if min + w <= i {
            (min, value) = rightmost_min(shingles, i + 1 - w, i + 1);
        } else {
            continue;
        }
        f(fingerprint(shingles, min));
    }
}

/// Position and value of the rightmost minimum of `s[from..to]` (non-empty).
#[inline]
fn rightmost_min(s: &[u64], from: usize, to: usize) -> (usize, u64) {
    let window = &s[from..to];
    // Selects, not branches: which element wins is data-dependent, so a branch here
    // mispredicts often.
    let (mut best, mut value) = (0, window[0]);
    for (j, &v) in window.iter().enumerate().skip(1) {
        let take = v <= value;
        best = if take { j } else { best };
        value = if take { v } else { value };
    }
    (from + best, value)
}

fn fingerprint(s: &[u64], pos: usize) -> Fingerprint {
    Fingerprint {
        hash: s[pos],
        pos: pos as u32,
    }
}

/// Streaming winnowing: [`Winnower::push`] each shingle hash in order, then
/// [`Winnower::finish`]; together they yield exactly [`winnow()`]'s fingerprints. The window's
/// candidates live in a fixed ring (a monotone deque), so a push costs a few compares.
#[derive(Clone, Debug)]
pub struct Winnower {
    w: usize,
    ring: Vec<Fingerprint>,
    head: usize,
    len: usize,
    pos: u32,
    last: Option<u32>,
}

impl Winnower {
    /// A winnower with window `w` (`w == 0` is treated as 1).
    pub fn new(w: usize) -> Self {
        let w = w.max(1);
        let cap = (w + 1).next_power_of_two();
        Winnower {
            w,
            ring: vec![Fingerprint { hash: 0, pos: 0 }; cap],
            head: 0,
            len: 0,
            pos: 0,
            last: None,
        }
    }

    /// Forgets everything pushed, ready for the next text.
    pub fn reset(&mut self) {
        (self.head, self.len, self.pos, self.last) = (0, 0, 0, None);
    }

    /// Adds the next shingle hash; returns a newly selected fingerprint, if any.
    #[inline]
    pub fn push(&mut self, hash: u64) -> Option<Fingerprint> {
        let mask = self.ring.len() - 1;
        while self.len > 0 && self.ring[(self.head + self.len - 1) & mask].hash >= hash {
            self.len -= 1;
        }
        let pos = self.pos;
        self.ring[(self.head + self.len) & mask] = Fingerprint { hash, pos };
        self.len += 1;
        if self.ring[self.head].pos as usize + self.w <= pos as usize {
            self.head = (self.head + 1) & mask;
            self.len -= 1;
        }
        self.pos += 1;
        (self.pos as usize >= self.w)
            .then(|| self.select())
            .flatten()
    }

    /// After the last push: the minimum of a sequence shorter than the window, if any.
    pub fn finish(&mut self) -> Option<Fingerprint> {
        (self.pos > 0 && (self.pos as usize) < self.w)
            .then(|| self.select())
            .flatten()
    }

    /// The window's minimum, unless it was the last one selected.
    #[inline]
    fn select(&mut self) -> Option<Fingerprint> {
        let f = self.ring[self.head];
        (self.last != Some(f.pos)).then(|| {
            self.last = Some(f.pos);
            f
        })
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

    /// The original deque formulation, kept as the reference for the streaming one.
    fn reference(shingles: &[u64], w: usize) -> Vec<Fingerprint> {
        let mut out: Vec<Fingerprint> = Vec::new();
        let mut deque: std::collections::VecDeque<usize> = Default::default();
        for i in 0..shingles.len() {
            while deque.back().is_some_and(|&j| shingles[j] >= shingles[i]) {
                deque.pop_back();
            }
            deque.push_back(i);
            if deque[0] + w <= i {
                deque.pop_front();
            }
            if i + 1 >= w.min(shingles.len())
                && out.last().is_none_or(|f| f.pos as usize != deque[0])
            {
                out.push(Fingerprint {
                    hash: shingles[deque[0]],
                    pos: deque[0] as u32,
                });
            }
        }
        out
    }

    #[test]
    fn streaming_equals_reference() {
        for (n, w, modulus) in [
            (1000, 12, u64::MAX),
            (300, 5, 7),
            (40, 16, 3),
            (7, 12, 100),
            (64, 1, 9),
        ] {
            let s: Vec<u64> = (0..n as u64).map(|i| crate::mix64(i) % modulus).collect();
            assert_eq!(winnow(&s, w), reference(&s, w), "n {n} w {w}");
            let mut win = Winnower::new(w);
            let mut streamed: Vec<Fingerprint> = s.iter().filter_map(|&h| win.push(h)).collect();
            streamed.extend(win.finish());
            assert_eq!(streamed, reference(&s, w), "streaming, n {n} w {w}");
        }
    }

    #[test]
    fn short_input() {
        assert_eq!(winnow(&[5, 3, 9], 16).len(), 1);
        assert!(winnow(&[], 16).is_empty());
    }
}
