//! Comparison settings: which per-document facts `samestory-compare` extracts. Types only;
//! the compare stage reads them.

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
}

impl Default for CompareConfig {
    fn default() -> Self {
        CompareConfig {
            quotes: true,
            numbers: true,
            describe_unnamed_speakers: true,
        }
    }
}
