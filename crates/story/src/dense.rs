//! The dense side of pair scoring: with the `embed` feature and a configured
//! `model_dir`, every article of a pairs file is embedded once (see [`crate::embed`]) and
//! [`Dense::cosine`] gives two articles' embedding cosine; otherwise there is no dense
//! evidence and pair scores are lexical only.

use crate::error::StoryError;
use crate::pair::PairDoc;
use samestory_core::StoryConfig;

#[cfg(feature = "embed")]
mod on {
    use super::*;
    use crate::embed::{cosine, Embedder};
    use std::collections::HashMap;
    use xxhash_rust::xxh3::xxh3_64;

    /// Embeddings of the articles of a pairs file, by content hash.
    #[derive(Debug, Default)]
    pub struct Dense {
        embedder: Option<Embedder>,
        known: HashMap<u64, Vec<f32>>,
    }

    impl Dense {
        /// No dense evidence.
        pub fn none() -> Dense {
            Dense::default()
        }

        /// Loads the model named by `cfg.model_dir` (none: no dense evidence) and embeds
        /// every article.
        pub fn load(articles: &[&PairDoc], cfg: &StoryConfig) -> Result<Dense, StoryError> {
            let Some(dir) = &cfg.model_dir else {
                return Ok(Dense::default());
            };
            let embedder = Embedder::load(dir)?;
            let mut known = HashMap::new();
            for doc in articles {
                let text = text_of(doc);
                if let std::collections::hash_map::Entry::Vacant(e) = known.entry(key(&text)) {
                    e.insert(embedder.embed(&text)?);
                }
            }
            Ok(Dense {
                embedder: Some(embedder),
                known,
            })
        }

        /// Whether a model is loaded.
        pub fn is_loaded(&self) -> bool {
            self.embedder.is_some()
        }

        /// Embedding cosine of two articles, if a model is loaded (and runs).
        pub fn cosine(&self, a: &PairDoc, b: &PairDoc) -> Option<f32> {
            Some(cosine(&self.vector(a)?, &self.vector(b)?))
        }

        fn vector(&self, doc: &PairDoc) -> Option<Vec<f32>> {
            let text = text_of(doc);
            match self.known.get(&key(&text)) {
                Some(v) => Some(v.clone()),
                None => self.embedder.as_ref()?.embed(&text).ok(),
            }
        }
    }

    /// What is embedded of an article: its title, then its text.
    fn text_of(doc: &PairDoc) -> String {
        match &doc.title {
            Some(t) => format!("{t}\n{}", doc.text),
            None => doc.text.clone(),
        }
    }

    fn key(text: &str) -> u64 {
        xxh3_64(text.as_bytes())
    }
}

#[cfg(not(feature = "embed"))]
mod on {
    use super::*;

    /// No dense evidence (built without the `embed` feature).
    #[derive(Debug, Default)]
    pub struct Dense;

    impl Dense {
        /// No dense evidence.
        pub fn none() -> Dense {
            Dense
        }

        /// Nothing to load: `cfg.model_dir` is ignored without the `embed` feature.
        pub fn load(_: &[&PairDoc], _: &StoryConfig) -> Result<Dense, StoryError> {
            Ok(Dense)
        }

        /// Never.
        pub fn is_loaded(&self) -> bool {
            false
        }

        /// Always `None`.
        pub fn cosine(&self, _: &PairDoc, _: &PairDoc) -> Option<f32> {
            None
        }
    }
}

pub use on::Dense;
