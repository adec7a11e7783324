//! The candidate index: strongest feature → stories that posted it. A document asks it for
//! the stories sharing most of its strongest features, so clustering never compares all
//! pairs. Posting lists drop stories that fell out of the time window, and a feature still
//! too common to discriminate (`max_posting`) is not used. Dropping is amortised: a long
//! list is pruned again only after `max_posting / 2` more stories were posted to it, so a
//! feature common in every window (a million documents a year) costs O(1) per posting,
//! not a scan of its list per document.

use samestory_core::KeyMap;

/// Feature id → story indices (ascending, unique).
#[derive(Debug, Default)]
pub struct StoryIndex {
    postings: KeyMap<u32, Posting>,
    /// Scratch, per story index: features shared with the current query (0 between
    /// queries).
    shared: Vec<u32>,
    /// Scratch: the stories met in one query, each once.
    met: Vec<u32>,
    /// Scratch: the query's features whose lists are short enough to use.
    usable: Vec<u32>,
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
        if self.shared.len() <= story as usize {
            self.shared.resize(story as usize + 1, 0);
        }
        for &f in features {
            let list = &mut self.postings.entry(f).or_default().stories;
            if let Err(at) = list.binary_search(&story) {
                list.insert(at, story);
            }
        }
    }

    /// Up to `max` stories sharing the most of `features` (ties: lower index), keeping only
    /// stories for which `live` holds; lists longer than `max_posting` after pruning are
    /// skipped. Counts in a dense per-story table without a branch per posting (`live` is
    /// asked once per story met, after counting), so a query costs the length of the lists
    /// it reads, not a sort of them.
    pub fn candidates(
        &mut self,
        features: &[u32],
        max: usize,
        max_posting: usize,
        live: impl Fn(u32) -> bool,
    ) -> Vec<u32> {
        self.met.clear();
        self.usable.clear();
        // First every list is found (and pruned): the lookups do not wait on each other,
        // and reading each list's first story starts loading it while the next is found.
        // On a large index the lists are cold, so this is most of a query's time.
        let mut first_stories = 0u32;
        for &f in features {
            let Some(list) = self.postings.get_mut(&f) else {
                continue;
            };
            if list.prune(max_posting, &live) {
                self.usable.push(f);
                first_stories ^= list.stories.first().copied().unwrap_or(0);
            }
        }
        std::hint::black_box(first_stories);
        for f in &self.usable {
            let Some(list) = self.postings.get(f) else {
                continue;
            };
            // Each story is written at the end of `met`, which grows only when the story
            // is met for the first time.
            let mut met = self.met.len();
            self.met.resize(met + list.stories.len(), 0);
            for &s in &list.stories {
                let count = &mut self.shared[s as usize];
                self.met[met] = s;
                met += usize::from(*count == 0);
                *count += 1;
            }
            self.met.truncate(met);
        }
        self.ranked.clear();
        for &s in &self.met {
            let count = std::mem::take(&mut self.shared[s as usize]);
            if live(s) {
                self.ranked.push((count, s));
            }
        }
        let order = |a: &(u32, u32), b: &(u32, u32)| b.0.cmp(&a.0).then(a.1.cmp(&b.1));
        if self.ranked.len() > max && max > 0 {
            self.ranked.select_nth_unstable_by(max - 1, order);
            self.ranked.truncate(max);
        }
        self.ranked.sort_unstable_by(order);
        self.ranked.iter().take(max).map(|&(_, s)| s).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What one query on a fresh index must return, by definition: a list longer than
    /// `max_posting` is pruned to its live stories first and is used only if that makes it
    /// short enough; each live story counts the query's features (repeats included) whose
    /// usable list holds it; the `max` best by count, ties to the lower index.
    fn expected(
        posted: &[Vec<u32>],
        query: &[u32],
        max: usize,
        max_posting: usize,
        live: impl Fn(u32) -> bool,
    ) -> Vec<u32> {
        let holds = |f: u32| -> Vec<u32> {
            let list: Vec<u32> = (0..posted.len() as u32)
                .filter(|&s| posted[s as usize].contains(&f))
                .collect();
            if list.len() <= max_posting {
                return list;
            }
            let alive: Vec<u32> = list.into_iter().filter(|&s| live(s)).collect();
            if alive.len() <= max_posting {
                alive
            } else {
                Vec::new()
            }
        };
        let mut count = vec![0u32; posted.len()];
        for &f in query {
            holds(f).into_iter().for_each(|s| count[s as usize] += 1);
        }
        let mut ranked: Vec<(u32, u32)> = (0..posted.len() as u32)
            .filter(|&s| count[s as usize] > 0 && live(s))
            .map(|s| (count[s as usize], s))
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.into_iter().take(max).map(|(_, s)| s).collect()
    }

    proptest! {
        #[test]
        fn a_query_returns_the_best_live_stories_by_definition(
            posted in proptest::collection::vec(proptest::collection::vec(0u32..12, 0..6), 0..40),
            query in proptest::collection::vec(0u32..14, 0..10),
            max in 0usize..30,
            max_posting in 1usize..25,
            dead_every in 1u32..5,
        ) {
            let live = |s: u32| !s.is_multiple_of(dead_every) || dead_every == 1;
            let mut ix = StoryIndex::default();
            for (s, feats) in posted.iter().enumerate() {
                let mut feats = feats.clone();
                feats.sort_unstable();
                feats.dedup();
                ix.post(&feats, s as u32);
            }
            let got = ix.candidates(&query, max, max_posting, live);
            prop_assert_eq!(&got, &expected(&posted, &query, max, max_posting, live));
            // The scratch is left clean: the same query again gives the same answer.
            prop_assert_eq!(ix.candidates(&query, max, max_posting, live), got);
        }
    }

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

    #[test]
    fn keeps_the_best_few_with_ties_to_the_lower_index_and_forgets_between_queries() {
        let mut ix = StoryIndex::default();
        for s in 0..10u32 {
            let feats: Vec<u32> = (0..=s % 3).collect();
            ix.post(&feats, s);
        }
        // Stories 2, 5, 8 share three features, 1, 4, 7 two.
        assert_eq!(ix.candidates(&[0, 1, 2], 4, 100, |_| true), [2, 5, 8, 1]);
        assert_eq!(ix.candidates(&[0, 1, 2], 2, 100, |s| s != 2), [5, 8]);
        assert_eq!(ix.candidates(&[0], 3, 100, |_| true), [0, 1, 2]);
    }
}
