//! Passage alignment: which runs of words two texts share, in any order, tolerating small
//! edits. Seeds are equal shingles (repetitive ones skipped); seeds on nearly the same
//! diagonal with small gaps chain into one passage (a changed word breaks `k` shingles, an
//! inserted or deleted word shifts the diagonal); chains too short, or made mostly of
//! boilerplate fingerprints, are dropped; overlapping passages keep the longest.
//! Works on shingle indices and returns word ranges; [`to_chars`] maps them to char offsets.

use crate::features::WordSpan;
use std::ops::Range;

/// Mark of a shingle of the first text: plain, a winnowed fingerprint, or a fingerprint
/// frequent across the corpus (boilerplate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// An ordinary shingle.
    Plain,
    /// A winnowed fingerprint.
    Fingerprint,
    /// A fingerprint found in too many documents.
    Frequent,
}

/// Alignment parameters (from `RelateConfig`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlignParams {
    /// Words per shingle.
    pub k: usize,
    /// Largest gap in words between consecutive seeds of one passage.
    pub max_gap: usize,
    /// Largest diagonal shift (inserted/deleted words) between consecutive seeds.
    pub max_shift: usize,
    /// Shortest passage in words, on both sides.
    pub min_words: usize,
    /// Seeds whose shingle occurs more often than this in the second text are skipped.
    pub max_repeats: usize,
}

/// One side of the alignment: shingle hashes plus the word count.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// Shingle hashes in text order.
    pub shingles: &'a [u64],
    /// Number of words (shingle `i` covers words `i .. min(i + k, words)`).
    pub words: usize,
}

/// A shared passage as word ranges in both texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordPassage {
    /// Words of the first text.
    pub a: Range<usize>,
    /// Words of the second text.
    pub b: Range<usize>,
}

#[derive(Clone, Copy, Debug)]
struct Chain {
    a0: usize,
    b0: usize,
    a1: usize,
    b1: usize,
    fingerprints: u32,
    frequent: u32,
}

/// Shared passages of `a` and `b`, disjoint on both sides, sorted by position in `a`.
/// `marks` (one per shingle of `a`, or empty) lets boilerplate chains be dropped.
pub fn align(a: Side, b: Side, marks: &[Mark], p: &AlignParams) -> Vec<WordPassage> {
    align_indexed(a, b, &ShingleIndex::new(b.shingles), marks, p)
}

/// [`align`] with `b`'s [`ShingleIndex`] given (callers aligning many texts against one
/// build it once).
pub fn align_indexed(
    a: Side,
    b: Side,
    b_index: &ShingleIndex,
    marks: &[Mark],
    p: &AlignParams,
) -> Vec<WordPassage> {
    let seeds = seeds(a.shingles, b_index, p.max_repeats);
    let chains = chain(&seeds, marks, p);
    let mut passages: Vec<WordPassage> = chains
        .iter()
        .filter(|c| !is_boilerplate(c))
        .map(|c| to_words(c, a.words, b.words, p.k))
        .filter(|w| w.a.len() >= p.min_words && w.b.len() >= p.min_words)
        .collect();
    passages = disjoint(passages);
    passages.sort_by_key(|w| (w.a.start, w.b.start));
    passages
}

/// Where each shingle hash occurs in a text: an open-addressing table from hash to the
/// first position and count, positions of one hash chained in ascending order, and the
/// distinct hashes in a list (what a set intersection walks).
#[derive(Clone, Debug)]
pub struct ShingleIndex {
    slots: Vec<Slot>,
    next: Vec<u32>,
    distinct: Vec<u64>,
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    hash: u64,
    first: u32,
    count: u32,
}

impl ShingleIndex {
    /// The index of a shingle sequence.
    pub fn new(shingles: &[u64]) -> Self {
        let mut ix = ShingleIndex {
            slots: Vec::new(),
            next: Vec::new(),
            distinct: Vec::new(),
        };
        ix.rebuild(shingles);
        ix
    }

    /// Makes this the index of `shingles`, reusing its buffers.
    pub fn rebuild(&mut self, shingles: &[u64]) {
        let cap = (shingles.len() + shingles.len() / 2 + 1)
            .next_power_of_two()
            .max(16);
        self.slots.clear();
        self.slots.resize(cap, Slot::default());
        self.next.clear();
        self.next.resize(shingles.len(), u32::MAX);
        self.distinct.clear();
        for (j, &h) in shingles.iter().enumerate().rev() {
            let s = self.slot(h);
            let slot = &mut self.slots[s];
            self.next[j] = if slot.count == 0 {
                u32::MAX
            } else {
                slot.first
            };
            if slot.count == 0 {
                self.distinct.push(h);
            }
            *slot = Slot {
                hash: h,
                first: j as u32,
                count: slot.count + 1,
            };
        }
    }

    /// The slot holding `h`, or the empty slot where it would go.
    #[inline]
    fn slot(&self, h: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut s = (h >> 32) as usize & mask;
        while self.slots[s].count != 0 && self.slots[s].hash != h {
            s = (s + 1) & mask;
        }
        s
    }

    /// Number of distinct hashes.
    pub fn distinct(&self) -> usize {
        self.distinct.len()
    }

    /// The distinct hashes (last occurrences first).
    pub fn hashes(&self) -> impl Iterator<Item = u64> + '_ {
        self.distinct.iter().copied()
    }

    /// How many of this index's distinct hashes occur in `other` (counted without a branch
    /// on the answer, which is unpredictable for partial overlaps).
    pub fn count_in(&self, other: &ShingleIndex) -> usize {
        self.distinct
            .iter()
            .map(|&h| usize::from(other.contains(h)))
            .sum()
    }

    /// Whether `h` occurs.
    #[inline]
    pub fn contains(&self, h: u64) -> bool {
        self.slots[self.slot(h)].count != 0
    }

    /// Positions of `h`, ascending, and how many there are.
    pub fn positions(&self, h: u64) -> (impl Iterator<Item = usize> + '_, usize) {
        let slot = self.slots[self.slot(h)];
        let first = (slot.count > 0).then_some(slot.first);
        let walk = std::iter::successors(first, |&j| {
            Some(self.next[j as usize]).filter(|&n| n != u32::MAX)
        })
        .map(|j| j as usize);
        (walk, slot.count as usize)
    }
}

/// Equal-shingle positions `(i, j)`, ordered by `i` then `j`, skipping shingles found more
/// than `max_repeats` times in `b`.
fn seeds(a: &[u64], b: &ShingleIndex, max_repeats: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, &h) in a.iter().enumerate() {
        let (js, n) = b.positions(h);
        if n > 0 && n <= max_repeats {
            out.extend(js.map(|j| (i, j)));
        }
    }
    out
}

/// Greedy chaining of seeds into near-diagonal runs.
fn chain(seeds: &[(usize, usize)], marks: &[Mark], p: &AlignParams) -> Vec<Chain> {
    let mut chains: Vec<Chain> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    for &(i, j) in seeds {
        active.retain(|&c| chains[c].a1 + p.max_gap >= i);
        let mark = marks.get(i).copied().unwrap_or(Mark::Plain);
        match best_chain(&chains, &active, i, j, p) {
            Some(c) => extend(&mut chains[c], i, j, mark),
            None => {
                active.push(chains.len());
                chains.push(new_chain(i, j, mark));
            }
        }
    }
    chains
}

/// The active chain that `(i, j)` continues best (smallest diagonal change), if any.
fn best_chain(
    chains: &[Chain],
    active: &[usize],
    i: usize,
    j: usize,
    p: &AlignParams,
) -> Option<usize> {
    let diag = j as isize - i as isize;
    active
        .iter()
        .copied()
        .filter(|&c| continues(&chains[c], i, j, p))
        .min_by_key(|&c| ((chains[c].b1 as isize - chains[c].a1 as isize) - diag).abs())
}

/// Whether `(i, j)` may extend chain `c`.
fn continues(c: &Chain, i: usize, j: usize, p: &AlignParams) -> bool {
    let shift = (j as isize - i as isize) - (c.b1 as isize - c.a1 as isize);
    i > c.a1
        && j > c.b1
        && i - c.a1 <= p.max_gap
        && j - c.b1 <= p.max_gap + p.max_shift
        && shift.unsigned_abs() <= p.max_shift
}

fn new_chain(i: usize, j: usize, mark: Mark) -> Chain {
    let mut c = Chain {
        a0: i,
        b0: j,
        a1: i,
        b1: j,
        fingerprints: 0,
        frequent: 0,
    };
    count_mark(&mut c, mark);
    c
}

fn extend(c: &mut Chain, i: usize, j: usize, mark: Mark) {
    c.a1 = i;
    c.b1 = j;
    count_mark(c, mark);
}

fn count_mark(c: &mut Chain, mark: Mark) {
    c.fingerprints += u32::from(mark != Mark::Plain);
    c.frequent += u32::from(mark == Mark::Frequent);
}

/// A chain whose fingerprints are at least half frequent ones is boilerplate.
fn is_boilerplate(c: &Chain) -> bool {
    c.frequent > 0 && c.frequent * 2 >= c.fingerprints
}

/// The words a chain covers on both sides.
fn to_words(c: &Chain, words_a: usize, words_b: usize, k: usize) -> WordPassage {
    WordPassage {
        a: c.a0..(c.a1 + k).min(words_a),
        b: c.b0..(c.b1 + k).min(words_b),
    }
}

/// Longest-first selection of passages that overlap nothing already selected, on either side.
fn disjoint(mut passages: Vec<WordPassage>) -> Vec<WordPassage> {
    passages.sort_by_key(|w| {
        (
            std::cmp::Reverse(w.a.len() + w.b.len()),
            w.a.start,
            w.b.start,
        )
    });
    let mut kept: Vec<WordPassage> = Vec::new();
    for w in passages {
        if !kept
            .iter()
            .any(|k| overlaps(&k.a, &w.a) || overlaps(&k.b, &w.b))
        {
            kept.push(w);
        }
    }
    kept
}

fn overlaps(x: &Range<usize>, y: &Range<usize>) -> bool {
    x.start < y.end && y.start < x.end
}

/// `[a_start, a_end, b_start, b_end]` char offsets of a word passage.
pub fn to_chars(w: &WordPassage, a: &[WordSpan], b: &[WordSpan]) -> [usize; 4] {
    [
        a[w.a.start].start,
        a[w.a.end - 1].end,
        b[w.b.start].start,
        b[w.b.end - 1].end,
    ]
    .map(|c| c as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: AlignParams = AlignParams {
        k: 5,
        max_gap: 12,
        max_shift: 4,
        min_words: 20,
        max_repeats: 4,
    };

    fn shingles(words: &[u64]) -> Vec<u64> {
        samestory_text::shingles_of(words, 5)
    }

    fn run(a: &[u64], b: &[u64]) -> Vec<WordPassage> {
        let (sa, sb) = (shingles(a), shingles(b));
        align(
            Side {
                shingles: &sa,
                words: a.len(),
            },
            Side {
                shingles: &sb,
                words: b.len(),
            },
            &[],
            &P,
        )
    }

    #[test]
    fn index_finds_every_position_in_order() {
        let s = [7u64, 3, 7, 9, 7, 3];
        let ix = ShingleIndex::new(&s);
        let at = |h| ix.positions(h).0.collect::<Vec<_>>();
        assert_eq!(
            (at(7), at(3), at(9), at(4)),
            (vec![0, 2, 4], vec![1, 5], vec![3], vec![])
        );
        assert_eq!(ix.positions(7).1, 3);
        assert_eq!(
            (ix.distinct(), ix.contains(9), ix.contains(4)),
            (3, true, false)
        );
    }

    #[test]
    fn copied_run_inside_other_text() {
        let shared: Vec<u64> = (1000..1040).collect();
        let a: Vec<u64> = (0..30)
            .chain(shared.iter().copied())
            .chain(30..60)
            .collect();
        let b: Vec<u64> = (500..510).chain(shared.iter().copied()).collect();
        assert_eq!(
            run(&a, &b),
            vec![WordPassage {
                a: 30..70,
                b: 10..50
            }]
        );
    }

    #[test]
    fn one_changed_word_keeps_one_passage() {
        let a: Vec<u64> = (0..60).collect();
        let mut b = a.clone();
        b[30] = 9999;
        assert_eq!(run(&a, &b), vec![WordPassage { a: 0..60, b: 0..60 }]);
    }

    #[test]
    fn inserted_words_and_reordered_paragraphs() {
        let (p1, p2): (Vec<u64>, Vec<u64>) = ((0..30).collect(), (100..130).collect());
        let a: Vec<u64> = p1.iter().chain(&p2).copied().collect();
        let mut p2b = p2.clone();
        p2b.insert(15, 7777);
        let b: Vec<u64> = p2b.iter().chain(&p1).copied().collect();
        assert_eq!(
            run(&a, &b),
            vec![
                WordPassage {
                    a: 0..30,
                    b: 31..61
                },
                WordPassage {
                    a: 30..60,
                    b: 0..31
                }
            ]
        );
    }

    #[test]
    fn short_runs_and_boilerplate_are_dropped() {
        let a: Vec<u64> = (0..10).chain(50..100).collect();
        let b: Vec<u64> = (0..10).chain(200..250).collect();
        assert!(run(&a, &b).is_empty());
        let s: Vec<u64> = shingles(&(0..40).collect::<Vec<_>>());
        let marks = vec![Mark::Frequent; s.len()];
        let side = Side {
            shingles: &s,
            words: 40,
        };
        assert!(align(side, side, &marks, &P).is_empty());
    }
}
