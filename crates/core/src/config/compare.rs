//! Comparison settings: which per-document facts `samestory-compare` extracts, and the
//! rules that line them up across a story's documents. Types only; the compare stage reads
//! them.

use serde::{Deserialize, Serialize};

/// What the compare stage extracts from each document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompareConfig {
    /// Extract quotes and their speakers (`quotes` in documents.jsonl). Default true.
    pub quotes: bool,
    /// Extract quantities (`numbers` in documents.jsonl). Default true.
    pub numbers: bool,
    /// When no named person or organisation fits a quote, report its speaker as the text
    /// describes it ("a spokesperson", "some voters"; confidence 0.3), as newsroom
    /// annotation does; false gives `null`. Default true.
    pub describe_unnamed_speakers: bool,
    /// Compare each story's documents (`quotes`, `conflicts`, `numbers`, `agreed`, `unique`
    /// in stories.jsonl). Default true.
    pub stories: bool,
    /// Documents of one duplicate group compared at most (its representative first): copies
    /// state nothing new, and 20,000 copies must not cost 20,000 readings. Default 8.
    pub group_docs: usize,
    /// Documents of one story compared at most (every group's representative first): a
    /// story of 100,000 groups in a dense dump must not hold them all at once. Default 1000.
    pub story_docs: usize,
    /// Two quotes are one statement when they share at least this many content words…
    /// Default 2.
    pub quote_min_shared: usize,
    /// …making at least this share of the shorter one's… Default 0.5.
    pub quote_overlap: f64,
    /// …and this share of the longer one's. Default 0.2.
    pub quote_cover: f64,
    /// A sentence is a claim when it has at least this many content words. Default 5.
    pub claim_min_terms: usize,
    /// Two sentences state one claim when they share at least this many content words and
    /// numbers… Default 4.
    pub claim_min_shared: usize,
    /// …making at least this share of the shorter one's; and when both name entities (words
    /// capitalised inside the sentence) they share one, and when both state numbers they
    /// share one. Default 0.5.
    pub claim_overlap: f64,
    /// Two numbers of one unit are one quantity only when the larger is at most this many
    /// times the smaller (sources that disagree rarely do by more). Default 5.
    pub number_ratio: f64,
    /// Half-width of "about", "an estimated", "roughly" as a share of the value, when
    /// deciding whether qualified values are `compatible`. Default 0.1.
    pub about_margin: f64,
}

impl Default for CompareConfig {
    fn default() -> Self {
        CompareConfig {
            quotes: true,
            numbers: true,
            describe_unnamed_speakers: true,
            stories: true,
            group_docs: 8,
            story_docs: 1000,
            quote_min_shared: 2,
            quote_overlap: 0.5,
            quote_cover: 0.2,
            claim_min_terms: 5,
            claim_min_shared: 4,
            claim_overlap: 0.5,
            number_ratio: 5.0,
            about_margin: 0.1,
        }
    }
}
