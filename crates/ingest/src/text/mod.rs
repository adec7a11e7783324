//! Plain text and markdown → body + metadata from header lines, bylines and footers, with
//! hard wraps repaired and boilerplate lines removed (each reported in `removed`).

use crate::Extracted;
use samestory_core::{Format, IngestConfig};

/// Extracts body and metadata from plain text or markdown.
pub fn extract(text: &str, _format: Format, _cfg: &IngestConfig) -> Extracted {
    // Placeholder: replaced by the real parser.
    Extracted {
        body: text.trim().to_string(),
        ..Extracted::default()
    }
}

/// True when the text looks like markdown rather than plain text.
pub fn looks_like_markdown(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("# ") || l.contains("](http"))
}
