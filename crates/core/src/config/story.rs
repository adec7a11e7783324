//! Story-clustering settings: every threshold of `samestory-story` (features, the
//! `story_score` combination, and the online clustering), with its default and meaning.
//! Types only; the story stage reads them.

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// Thresholds of the story stage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StoryConfig {
    /// Strongest weighted features (terms, entities, dates) kept per document; the rest of
    /// its vector is dropped so memory stays bounded. Default 64.
    pub max_features: usize,
    /// Strongest features of each document posted in the candidate index. Default 12.
    pub index_features: usize,
    /// Candidate stories scored per document (those sharing the most indexed features).
    /// Default 24.
    pub max_candidates: usize,
    /// An indexed feature whose posting list already holds this many live stories is not
    /// used to find candidates (too common to discriminate). Default 2000.
    pub max_posting: usize,
    /// BM25 term-frequency saturation `k1`. Default 1.2.
    pub bm25_k1: f32,
    /// BM25 length normalisation `b`. Default 0.75.
    pub bm25_b: f32,
    /// Each title word counts as this many body occurrences. Default 2.
    pub title_weight: f32,
    /// Multiplier of named-entity features (capitalised spans, gazetteer places). An
    /// entity's words also count as terms, so 1 already weights entities up. Default 1.
    pub entity_weight: f32,
    /// Multiplier of mentioned-date features. Default 1.0.
    pub date_weight: f32,
    /// Strength, in pseudo-documents, of the background prior on document frequencies
    /// (shipped common-word table): it keeps IDF sane on small inputs and gives way to
    /// the input's own counts on large ones. Default 1000.
    pub background_docs: f32,
    /// Document length in words assumed when turning a background word frequency into a
    /// document frequency. Default 400.
    pub background_doc_words: f32,
    /// Days apart that cost nothing in `story_score`. Default 2.
    pub time_grace_days: f32,
    /// Beyond the grace, the time factor decays as `exp(-days / time_decay_days)`.
    /// Default 10.
    pub time_decay_days: f32,
    /// Lowest time factor, however far apart the dates. Default 0.2.
    pub time_floor: f32,
    /// A document joins a story only within this many days of the story's date range
    /// (undated documents and stories ignore it). Default 14.
    pub window_days: i32,
    /// `story_score` against a story at or above which a document joins it. Default 0.3.
    pub join_threshold: f32,
    /// `story_score` between two stories' centroids at or above which the batch pass
    /// merges them. Default 0.4.
    pub merge_threshold: f32,
    /// Features kept in a story's centroid. Default 128.
    pub centroid_features: usize,
    /// Stories with more members than this report `same_story` pairs only between each
    /// member and the story's most representative document, not all pairs. Default 50.
    pub max_pair_members: usize,
    /// Shared features named in each member's `why`. Default 5.
    pub why_features: usize,
    /// Directory of the all-MiniLM-L6-v2 model (`config.json`, `model.safetensors`,
    /// `tokenizer.json`), from `--model-dir` / `SAMESTORY_MODEL_DIR`. Used by pair scoring
    /// when the story crate is built with its `embed` feature; ignored otherwise. Default
    /// none.
    pub model_dir: Option<PathBuf>,
    /// Share of the embedding cosine in a pair's content similarity when embeddings are
    /// used: `w · embedding + (1 - w) · entity cosine` (names and places) when both
    /// articles name some, else the embedding alone. Default 0.9: the embedding is the
    /// primary signal, shared or conflicting entities only adjust it (on semeval8-dev
    /// 0.8–0.95 give the same result; 0.5 lets the entity channel's scale dominate).
    pub embed_weight: f32,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            max_features: 64,
            index_features: 12,
            max_candidates: 24,
            max_posting: 2000,
            bm25_k1: 1.2,
            bm25_b: 0.75,
            title_weight: 2.0,
            entity_weight: 1.0,
            date_weight: 1.0,
            background_docs: 1000.0,
            background_doc_words: 400.0,
            time_grace_days: 2.0,
            time_decay_days: 10.0,
            time_floor: 0.2,
            window_days: 14,
            join_threshold: 0.3,
            merge_threshold: 0.4,
            centroid_features: 128,
            max_pair_members: 50,
            why_features: 5,
            model_dir: None,
            embed_weight: 0.9,
        }
    }
}
