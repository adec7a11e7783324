//! Story clustering: which documents report the same real-world event.
//!
//! Owns: story features (stemmed content terms, named-entity-like spans, gazetteer places,
//! mentioned dates; BM25-weighted with document frequencies from the whole input, smoothed
//! by a shipped background table — see [`background`](crate) docs in `background.rs`:
//! SymSpell's MIT-licensed English frequency list), [`story_score`], the time-aware online
//! clustering with a merge pass, and the story rows. Uses `samestory-text`'s tokeniser; no
//! other.
//!
//! Must not: print, read files, or split what the relation engine joined — duplicates and
//! reprints (the `links` input) and duplicate groups always share a story.
//!
//! Invariants: output is a pure function of the inputs and [`StoryConfig`] — independent of
//! input order and thread count; a story's id is its smallest member id; candidate stories
//! come from an inverted index over each document's strongest features, never from all
//! pairs.
//!
//! # API
//! - [`stories`]`(docs, group_of, links, cfg) -> Result<`[`Stories`]`, `[`StoryError`]`>`:
//!   the whole stage. `Stories::story_of[i]` is document `i`'s story id; `stories` are the
//!   `stories.jsonl` rows ([`Story`]: `story`, `title`, `first_date`, `last_date`,
//!   `documents`, `groups`, `why` per member); `pairs()` gives the `same_story` rows for
//!   `relations.jsonl` ([`SameStoryPair`]: `a`, `b`, `kind`, `story_score`, `why`), each
//!   made when handed out (held compact: a million documents give millions of pairs).
//! - [`link_relations`]`(meta, relations)`: the relation engine's rows as links (every
//!   duplicate and reprint is the same story), each row's `story_score` set to 1.
//! - [`build`]`(meta, bodies, cfg) -> Result<`[`Features`]`, _>` and
//!   [`stories_from`]`(features, meta, links, cfg)`: the same in two steps, for callers that
//!   hold metadata ([`DocMeta`]) but not the text: bodies come from a
//!   [`BodySource`](samestory_core::BodySource), the trait the relation engine reads too (a
//!   spill file, a database, a generator).
//! - [`story_score`]`(a, b, cfg)` over two [`DocFeatures`]: cosine of the weighted vectors
//!   × time factor, in `[0, 1]`.
//! - [`PairContext::new`]`(articles, cfg)` (lexical) or [`PairContext::try_new`] (also
//!   embeddings, when built with the `embed` feature and `cfg.model_dir` is set) and
//!   [`pair_score`]`(a, b, &ctx)` over [`PairDoc`]s, for `samestory similarity --pairs
//!   FILE`: `story_score` over untruncated vectors; with embeddings, the embedding cosine
//!   adjusted by the entity channel (see `pair.rs`).
//!
//! # Features
//! - `embed` (off by default): all-MiniLM-L6-v2 through candle (`Embedder`,
//!   `embedding_cosine`); pair scores use the embedding cosine, adjusted by the cosine of
//!   the two articles' names and places. Clustering ([`stories`]) stays lexical:
//!   embedding every document is too slow at scale.
//!
//! ```
//! use samestory_core::{Document, Format, StoryConfig};
//! let doc = |id: &str, date: &str, body: &str| {
//!     let mut d = Document::new(id, Format::Text, body);
//!     d.meta.date = Some(date.into());
//!     d
//! };
//! let docs = [
//!     doc("a", "2022-02-15", "Russia pulls troops back from the Ukrainian border, Kremlin says."),
//!     doc("b", "2022-02-16", "The Kremlin said Russian troops were pulling back from Ukraine's border."),
//!     doc("c", "2022-02-15", "Heavy snowfall closed schools across Minnesota on Tuesday."),
//! ];
//! let groups: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
//! let out = samestory_story::stories(&docs, &groups, &[], &StoryConfig::default()).unwrap();
//! assert_eq!(out.story_of, ["a", "a", "c"]);
//! ```

mod assemble;
mod background;
mod cluster;
mod clusters;
mod corpus;
mod dates;
mod dense;
#[cfg(feature = "embed")]
mod embed;
mod entities;
mod error;
mod extract;
mod features;
mod gazetteer;
mod index;
mod kind;
pub mod lexicon;
mod links;
mod model;
mod output;
mod packed;
mod pair;
mod score;
mod source;
mod spill;
mod stage;
mod sum;
mod units;
mod vector;
mod vocab;
mod words;

pub use corpus::{counted_features, CorpusCounts, CountedFeatures};
#[cfg(feature = "embed")]
pub use embed::{cosine as embedding_cosine, Embedder};
pub use error::StoryError;
pub use features::{build, build_with, DocFeatures, Features};
pub use kind::Kind;
pub use links::link_relations;
pub use model::Model;
pub use output::{FeatureNames, MemberWhy, SameStoryPair, Stories, Story};
pub use pair::{pair_score, scores_against, PairContext, PairDoc};
pub use samestory_core::StoryConfig;
pub use score::story_score;
pub use source::DocMeta;
pub use stage::{stories, stories_from};
pub use vector::SparseVec;
