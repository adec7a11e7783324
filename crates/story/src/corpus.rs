//! Document frequencies kept outside one build. A batch run counts them over its own input;
//! an index that re-clusters a few stories counts them over every document it holds, so the
//! few are weighted as a batch run over the whole index would weight them. The index keeps
//! the counts ([`counted_features`] gives what one document adds to them) and lends them to
//! [`crate::build_with`] through [`CorpusCounts`].
//!
//! Must not: read or write anything but the documents it is given.

use crate::extract::{counts, release_cache, weighted};
use crate::source::{DocMeta, StoryDoc};
use crate::vocab::Vocab;
use rayon::prelude::*;
use samestory_core::StoryConfig;

/// Document frequencies over a corpus larger than one build's input.
pub trait CorpusCounts {
    /// Documents counted, and their lengths summed (title words weighted as
    /// [`counted_features`] gives them).
    fn totals(&self) -> (u64, f64);
    /// The document frequency of each named feature, in order (0 when never counted).
    fn df(&self, names: &[Box<str>]) -> Result<Vec<u32>, Box<dyn std::error::Error + Send + Sync>>;
}

/// What some documents add to the counts: how many they are, their lengths summed (title
/// words weighted), and how many of them hold each feature (tagged names, see
/// [`crate::Kind`], sorted).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountedFeatures {
    /// Documents counted.
    pub docs: u64,
    /// Their lengths as the model counts them, summed.
    pub words: f64,
    /// Each feature held by any of them, with how many hold it, sorted by name.
    pub df: Vec<(Box<str>, u32)>,
}

/// The counts `docs` (metadata and body) add, their features extracted in parallel exactly
/// as [`crate::build`] extracts them.
pub fn counted_features(docs: &[(DocMeta<'_>, &str)], cfg: &StoryConfig) -> CountedFeatures {
    let vocab = Vocab::default();
    let found: Vec<(f32, Vec<u32>)> = docs
        .par_iter()
        .map(|(meta, body)| {
            let c = counts(&StoryDoc::new(meta, body), &vocab);
            let len = weighted(c.body_words, c.title_words, cfg.title_weight);
            (len, c.features.iter().map(|f| f.id).collect())
        })
        .collect();
    rayon::broadcast(|_| release_cache());
    release_cache();
    let mut df = vec![0u32; 0];
    let mut words = 0.0;
    for (len, ids) in &found {
        words += f64::from(*len);
        for &id in ids {
            let id = id as usize;
            if id >= df.len() {
                df.resize(id + 1, 0);
            }
            df[id] += 1;
        }
    }
    let mut df: Vec<(Box<str>, u32)> = vocab
        .into_names()
        .into_iter()
        .zip(df.into_iter().chain(std::iter::repeat(0)))
        .filter(|(_, n)| *n > 0)
        .collect();
    df.sort_unstable();
    CountedFeatures {
        docs: found.len() as u64,
        words,
        df,
    }
}
