//! The `Document`: one article after ingestion — cleaned body plus the metadata found for it.

use serde::{Deserialize, Serialize};

/// The input shape a document was read from (sniffed from content, not trusted from names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// An HTML page.
    Html,
    /// Plain text (hard-wrapped or one paragraph per line).
    Text,
    /// Markdown.
    Markdown,
    /// One record of a JSON Lines file.
    Jsonl,
    /// One response record of a WARC file.
    Warc,
    /// One row of a Parquet file.
    Parquet,
}

impl Format {
    /// The lowercase name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Jsonl => "jsonl",
            Format::Warc => "warc",
            Format::Parquet => "parquet",
        }
    }
}

/// A line that cleaning removed from the body, with its 1-based line number in the source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovedLine {
    /// 1-based line number in the (decoded) source text; 0 when the source has no lines.
    pub line: usize,
    /// The removed text, trimmed.
    pub text: String,
    /// Why it was removed (a short stable tag such as `read-more` or `photo-credit`).
    pub reason: String,
}

/// What the input says about an article beside its id, shape and body: the metadata fields,
/// written out once here and shared by every output row (`#[serde(flatten)]`). Nulls mean "the
/// input does not say".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Headline.
    pub title: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Publication time, RFC 3339 (`2022-02-15T09:30:00+01:00`, or `…Z`), when the input
    /// gives a time of day (HTML meta, JSON-LD, JSON Lines timestamps); else `None`. Its day
    /// is `date`'s. Used to order documents published on the same day.
    #[serde(default)]
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Byline: the persons who wrote it, as one string ("A, B and C"); `None` when the input
    /// names no person.
    pub byline: Option<String>,
    /// The persons who wrote it, each once, in byline order (`byline` split into names).
    #[serde(default)]
    pub authors: Vec<String>,
    /// An organisation credited instead of (or beside) a person: a wire agency ("AFP"), a
    /// desk ("Staff Reports"); what the relation engine reads for wire credit beside `byline`.
    #[serde(default)]
    pub credit: Option<String>,
    /// Outlet / site name, else the URL's host.
    pub outlet: Option<String>,
    /// ISO 639-3 language code, when detection is reliable.
    pub lang: Option<String>,
}

impl Metadata {
    /// The line that credits an organisation, else the byline: where wire credit is read.
    pub fn credit_line(&self) -> Option<&str> {
        self.credit.as_deref().or(self.byline.as_deref())
    }
}

/// One article: its id and shape, its [`Metadata`], the cleaned body, and what cleaning removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id (see DESIGN.md: file name, relative path, JSONL id or `FILE:LINE`, WARC record id).
    pub id: String,
    /// Where it came from: the path as given (plus `:LINE` for JSONL records).
    pub source: String,
    /// The sniffed input shape.
    pub format: Format,
    /// Title, date, URL, byline, outlet, language …
    #[serde(flatten)]
    pub meta: Metadata,
    /// Cleaned body: paragraphs separated by a blank line (`"\n\n"`).
    #[serde(default)]
    pub body: String,
    /// Lines removed from the body by cleaning, in source order.
    #[serde(default)]
    pub removed: Vec<RemovedLine>,
}

impl Document {
    /// A document with only an id (also its source), a shape and a body; no metadata.
    pub fn new(id: impl Into<String>, format: Format, body: impl Into<String>) -> Document {
        let id = id.into();
        Document {
            source: id.clone(),
            id,
            format,
            meta: Metadata::default(),
            body: body.into(),
            removed: Vec::new(),
        }
    }

    /// Body length in chars (the unit of every offset).
    pub fn chars(&self) -> usize {
        self.body.chars().count()
    }
}
