//! Leader clustering over term sets, the one way statements are grouped across documents:
//! items arrive in a fixed order; each joins the best-matching existing cluster's leader (its
//! first item) when the caller's rule accepts the pair, else leads a new cluster. An
//! inverted index over the leaders' terms finds candidates; a term already held by more than
//! [`MAX_POSTING`] leaders is too common to find anything and is not looked up, so the cost
//! stays linear in the items however large a story grows. Candidates are then checked on
//! the full term sets, so that limit never changes a decision the rule makes — it only
//! leaves out leaders that share nothing but common terms.
//!
//! Must not: know what the items are (quotes, sentences, quantities).

use samestory_core::KeyMap;

/// Leaders one term can point to before it stops being used to find candidates.
const MAX_POSTING: usize = 64;

/// The leaders so far and the index over their terms.
#[derive(Default)]
pub struct Leaders {
    terms: Vec<Vec<u64>>,
    /// Term → its posting list, kept in `entries` (one arena, not a vector per term).
    postings: KeyMap<u64, Posting>,
    /// Posting list entries: `(leader, next entry)`, each list linked from its newest.
    entries: Vec<(u32, u32)>,
    /// Per leader, the terms found shared so far in the current search.
    hits: Vec<u32>,
    /// Leaders with a hit in the current search.
    touched: Vec<u32>,
}

/// One term's posting list: its newest entry and its length. (Leaders are visited newest
/// first; the choice among them does not depend on the order.)
#[derive(Clone, Copy)]
struct Posting {
    newest: u32,
    len: u32,
}

/// The end of a posting list.
const END: u32 = u32::MAX;

impl Leaders {
    /// The leader `score(leader, leader's terms)` rates highest among those it rates at
    /// all (`Some`), ties to the earliest; `None` when it rates none. Leaders that cannot
    /// share `min_shared` terms with `terms` are not rated.
    pub fn best(
        &mut self,
        terms: &[u64],
        min_shared: usize,
        mut score: impl FnMut(usize, &[u64]) -> Option<f64>,
    ) -> Option<usize> {
        let mut unlooked = 0;
        for t in terms {
            match self.postings.get(t) {
                Some(list) if list.len as usize <= MAX_POSTING => {
                    let mut at = list.newest;
                    while at != END {
                        let (leader, next) = self.entries[at as usize];
                        let h = &mut self.hits[leader as usize];
                        if *h == 0 {
                            self.touched.push(leader);
                        }
                        *h += 1;
                        at = next;
                    }
                }
                Some(_) => unlooked += 1,
                None => {}
            }
        }
        let mut best: Option<(usize, f64)> = None;
        for &leader in &self.touched {
            let leader = leader as usize;
            let hits = std::mem::take(&mut self.hits[leader]) as usize;
            if hits + unlooked < min_shared {
                continue;
            }
            let Some(s) = score(leader, &self.terms[leader]) else {
                continue;
            };
            if best.is_none_or(|(b, bs)| s > bs || (s == bs && leader < b)) {
                best = Some((leader, s));
            }
        }
        self.touched.clear();
        best.map(|(leader, _)| leader)
    }

    /// Makes `terms` a new leader; returns its index.
    pub fn add(&mut self, terms: Vec<u64>) -> usize {
        let index = self.terms.len();
        for &t in &terms {
            let list = self.postings.entry(t).or_insert(Posting {
                newest: END,
                len: 0,
            });
            self.entries.push((index as u32, list.newest));
            list.newest = (self.entries.len() - 1) as u32;
            list.len += 1;
        }
        self.terms.push(terms);
        self.hits.push(0);
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::across::terms::shared;

    #[test]
    fn joins_the_leader_sharing_most_and_leads_otherwise() {
        let mut leaders = Leaders::default();
        let a = leaders.add(vec![1, 2, 3]);
        let b = leaders.add(vec![3, 4, 5, 6]);
        let mut best = |query: &[u64]| {
            let q = query.to_vec();
            leaders.best(query, 1, move |_, own| {
                let n = shared(&q, own) as f64;
                (n >= 2.0).then_some(n)
            })
        };
        assert_eq!(best(&[3, 4, 5, 9]), Some(b));
        assert_eq!(best(&[1, 2, 9]), Some(a));
        assert_eq!(best(&[3, 9]), None);
        assert_eq!(best(&[]), None);
    }

    #[test]
    fn a_term_shared_by_too_many_leaders_finds_none_of_them() {
        let mut leaders = Leaders::default();
        for i in 0..=MAX_POSTING as u64 {
            leaders.add(vec![0, 1000 + i]);
        }
        let any = |_: usize, _: &[u64]| Some(1.0);
        assert_eq!(leaders.best(&[0], 1, any), None);
        assert_eq!(leaders.best(&[0, 1003], 1, any), Some(3));
        assert_eq!(
            leaders.best(&[0, 1003], 3, any),
            None,
            "1003 and the unlooked-up 0 make two terms at most"
        );
    }
}
