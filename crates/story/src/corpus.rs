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

/// What one document adds to the counts: its length (title words weighted) and the names of
/// its distinct features, sorted.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountedFeatures {
    /// Its length as the model counts it.
    pub len: f32,
    /// Its distinct features (tagged names, see [`crate::Kind`]), sorted.
    pub names: Vec<Box<str>>,
}

/// The counted features of each of `docs` (metadata and body), in order, extracted in
/// parallel exactly as [`crate::build`] extracts them.
pub fn counted_features(docs: &[(DocMeta<'_>, &str)], cfg: &StoryConfig) -> Vec<CountedFeatures> {
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
    let names = vocab.into_names();
    found
        .into_iter()
        .map(|(len, ids)| {
            let mut names: Vec<Box<str>> = ids.iter().map(|&i| names[i as usize].clone()).collect();
            names.sort_unstable();
            names.dedup();
            CountedFeatures { len, names }
        })
        .collect()
}
