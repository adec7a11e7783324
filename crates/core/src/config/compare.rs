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
}

impl Default for CompareConfig {
    fn default() -> Self {
        CompareConfig {
            quotes: true,
            numbers: true,
        }
    }
}
