//! The candidate index: strongest feature → stories that posted it. A document asks it for
//! the stories sharing most of its strongest features, so clustering never compares all
//! pairs. Posting lists drop stories that fell out of the time window, and a feature still
//! too common to discriminate (`max_posting`) is not used.

use std::collections::HashMap;

/// Feature id → story indices (ascending, unique).
#[derive(Debug, Default)]
pub struct StoryIndex {
    postings: HashMap<u32, Vec<u32>>,
}

impl StoryIndex {
    /// Posts `features` for `story`.
    pub fn post(&mut self, features: &[u32], story: u32) {
        for &f in features {
            let list = self.postings.entry(f).or_default();
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
        let mut hits: HashMap<u32, u32> = HashMap::new();
        for f in features {
            let Some(list) = self.postings.get_mut(f) else {
                continue;
            };
            if list.len() > max_posting {
                list.retain(|&s| live(s));
            }
            if list.len() <= max_posting {
                list.iter()
                    .filter(|&&s| live(s))
                    .for_each(|&s| *hits.entry(s).or_default() += 1);
            }
        }
        let mut ranked: Vec<(u32, u32)> = hits.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().take(max).map(|(s, _)| s).collect()
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
