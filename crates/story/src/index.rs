//! The candidate index: strongest feature → stories that posted it. A document asks it for
//! the stories sharing most of its strongest features, so clustering never compares all
//! pairs. Posting lists drop stories that fell out of the time window, and a feature still
//! too common to discriminate (`max_posting`) is not used. Dropping is amortised: a long
//! list is pruned again only after `max_posting / 2` more stories were posted to it, so a
//! feature common in every window (a million documents a year) costs O(1) per posting,
//! not a scan of its list per document.

use std::collections::HashMap;

/// Feature id → story indices (ascending, unique).
#[derive(Debug, Default)]
pub struct StoryIndex {
    postings: HashMap<u32, Posting>,
    /// Scratch: the live stories met in one query, one entry per shared feature.
    met: Vec<u32>,
    /// Scratch: `(shared features, story)` of one query.
    ranked: Vec<(u32, u32)>,
}

/// The stories of one feature, and the list's length after its last pruning.
#[derive(Debug, Default)]
struct Posting {
    stories: Vec<u32>,
    pruned_len: usize,
}

impl Posting {
    /// Drops dead stories if the list is long and grew enough since the last pruning;
    /// returns whether the list is short enough to use.
    fn prune(&mut self, max_posting: usize, live: impl Fn(u32) -> bool) -> bool {
        let len = self.stories.len();
        if len > max_posting && len >= self.pruned_len + max_posting.div_ceil(2) {
            self.stories.retain(|&s| live(s));
            self.pruned_len = self.stories.len();
        }
        self.stories.len() <= max_posting
    }
}

impl StoryIndex {
    /// Posts `features` for `story`.
    pub fn post(&mut self, features: &[u32], story: u32) {
        for &f in features {
            let list = &mut self.postings.entry(f).or_default().stories;
            if let Err(at) = list.binary_search(&story) {
                list.insert(at, story);
            }
        }
    }

    /// Up to `max` stories sharing the most of `features` (ties: lower index), keeping only
    /// stories for which `live` holds; lists longer than `max_posting` after pruning are
    /// skipped.
    pub fn candidates(
        &mut self,
        features: &[u32],
        max: usize,
        max_posting: usize,
        live: impl Fn(u32) -> bool,
    ) -> Vec<u32> {
        self.met.clear();
        for f in features {
            let Some(list) = self.postings.get_mut(f) else {
                continue;
            };
            if list.prune(max_posting, &live) {
                self.met
                    .extend(list.stories.iter().copied().filter(|&s| live(s)));
            }
        }
        self.met.sort_unstable();
        self.ranked.clear();
        for &s in &self.met {
            match self.ranked.last_mut() {
                Some(last) if last.1 == s => last.0 += 1,
                _ => self.ranked.push((1, s)),
            }
        }
        self.ranked
            .sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.ranked.iter().take(max).map(|&(_, s)| s).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_by_shared_features() {
        let mut ix = StoryIndex::default();
        ix.post(&[1, 2, 3], 0);
        ix.post(&[3, 4], 1);
        ix.post(&[3], 2);
        assert_eq!(ix.candidates(&[3, 4], 10, 100, |_| true), [1, 0, 2]);
        assert_eq!(ix.candidates(&[3, 4], 10, 100, |s| s != 1), [0, 2]);
        assert_eq!(ix.candidates(&[3], 10, 2, |_| true), Vec::<u32>::new());
    }
}
