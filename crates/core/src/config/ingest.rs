//! Ingestion settings: input limits, JSONL field names, cleaning switches.

use serde::{Deserialize, Serialize};

/// Field names looked up in JSONL records and Parquet columns, first match wins.
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
                "pubDate",
                "datePublished",
                "date_published",
                "published_date",
                "publish_date",
                "publishedAt",
                "timestamp",
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
    /// Files (after decompression) larger than this are rejected as bad input. JSON Lines
    /// are streamed instead, in blocks of `stream_block_bytes`, and have no size limit.
    pub max_file_bytes: u64,
    /// Bytes of whole lines per block when a JSON Lines input is streamed (its records are
    /// extracted a block at a time, in parallel).
    pub stream_block_bytes: usize,
    /// JSONL field names, also the Parquet column names (`ingest.jsonl.text = ["content"]`).
    pub jsonl: JsonlFields,
    /// Remove boilerplate lines (READ MORE, credits, share prompts…) from text bodies.
    pub clean_boilerplate: bool,
    /// Paragraphs shorter than this many words with no sentence punctuation count as stray
    /// fragments when they end the body.
    pub stray_fragment_max_words: usize,
    /// How many non-blank lines at the top of a text are read as a metadata header (title,
    /// date, URL, byline lines) before the body is assumed to have begun.
    pub header_max_lines: usize,
    /// A first line of text longer than this many words is never taken as a title.
    pub title_max_words: usize,
    /// A paragraph repeating the one right before it verbatim is dropped as a duplicate only
    /// when it has at least this many words, so short real sentences may recur.
    pub duplicate_min_words: usize,
    /// A line directly above a photo credit, without final punctuation and at most this many
    /// words long, is dropped as a caption (a caption that repeats a paragraph always is).
    pub caption_max_words: usize,
    /// Identify each body's language (whatlang). About 60 % of the CPU of `samestory dedup`
    /// on plain-text dumps; when false, `lang` is only what an HTML page declares.
    pub detect_language: bool,
    /// Minimum body chars for language detection to be attempted.
    pub lang_min_chars: usize,
    /// Language detection first reads this many chars from the start of the body and keeps
    /// the answer when whatlang calls it reliable; only otherwise does it read
    /// `lang_sample_chars`. Its cost grows with the sample, and on `bench/langid` the two
    /// stages are as accurate as the long sample alone at about half the cost.
    pub lang_quick_chars: usize,
    /// Language detection reads at most this many chars from the start of the body.
    pub lang_sample_chars: usize,
    /// A text line longer than this many bytes means the file is not article text (a dump,
    /// minified data or a runaway line) and is rejected.
    pub max_line_bytes: usize,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_file_bytes: 256 * 1024 * 1024,
            stream_block_bytes: 8 * 1024 * 1024,
            jsonl: JsonlFields::default(),
            clean_boilerplate: true,
            stray_fragment_max_words: 3,
            header_max_lines: 6,
            title_max_words: 25,
            duplicate_min_words: 8,
            caption_max_words: 25,
            detect_language: true,
            lang_min_chars: 40,
            lang_quick_chars: 200,
            lang_sample_chars: 1000,
            max_line_bytes: 4 * 1024 * 1024,
        }
    }
}
