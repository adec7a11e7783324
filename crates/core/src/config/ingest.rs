//! Ingestion settings: input limits, JSONL field names, cleaning switches.

use serde::{Deserialize, Serialize};

/// Field names looked up in JSONL records, first match wins.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct JsonlFields {
    /// Record id.
    pub id: Vec<String>,
    /// Headline.
    pub title: Vec<String>,
    /// Article text (plain text or HTML; HTML is sniffed and extracted).
    pub text: Vec<String>,
    /// Publication date.
    pub date: Vec<String>,
    /// URL.
    pub url: Vec<String>,
    /// Byline / author.
    pub byline: Vec<String>,
    /// Outlet / site name.
    pub outlet: Vec<String>,
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            id: names(&["id", "doc_id", "uuid"]),
            title: names(&["title", "headline"]),
            text: names(&["text", "body", "content", "article", "maintext", "html"]),
            date: names(&[
                "date",
                "published",
                "date_publish",
                "published_at",
                "pubdate",
            ]),
            url: names(&["url", "link", "canonical_url"]),
            byline: names(&["byline", "author", "authors"]),
            outlet: names(&["outlet", "source", "site_name", "publisher"]),
        }
    }
}

/// How inputs are read and cleaned.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IngestConfig {
    /// Files (after decompression) larger than this are rejected as bad input.
    pub max_file_bytes: u64,
    /// JSONL field names.
    pub jsonl: JsonlFields,
    /// Remove boilerplate lines (READ MORE, credits, share prompts…) from text bodies.
    pub clean_boilerplate: bool,
    /// Paragraphs shorter than this many words with no sentence punctuation count as stray
    /// fragments when they end the body.
    pub stray_fragment_max_words: usize,
    /// Minimum body chars for language detection to be attempted.
    pub lang_min_chars: usize,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_file_bytes: 256 * 1024 * 1024,
            jsonl: JsonlFields::default(),
            clean_boilerplate: true,
            stray_fragment_max_words: 3,
            lang_min_chars: 40,
        }
    }
}
