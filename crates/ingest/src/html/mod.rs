//! HTML pages → article body (readability-style extraction) + metadata (JSON-LD, og:, meta, <time>).
//!
//! Returns an [`Extracted`]; never touches ids, language detection or URL canonicalisation.

use crate::Extracted;
use samestory_core::IngestConfig;

/// Extracts the article body and metadata from an HTML page.
pub fn extract(html: &str, _cfg: &IngestConfig) -> Extracted {
    // Placeholder: replaced by the real extractor.
    Extracted {
        body: html.to_string(),
        ..Extracted::default()
    }
}
