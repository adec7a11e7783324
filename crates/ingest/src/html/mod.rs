//! HTML pages → article body + metadata, as an [`Extracted`].
//!
//! The page is parsed once (html5ever via `dom_query`). [`metadata`] reads title, date, url,
//! byline, outlet and declared language from JSON-LD ([`jsonld`]), `<meta>` tags, links and
//! `<time>`; then [`body`] hands the same DOM to dom_smoothie (a Readability.js port) and
//! [`render`]s the chosen subtree as paragraphs, dropping what boilerplate survives.
//!
//! Never touches ids, language detection or URL canonicalisation (see [`crate::assemble`]);
//! never panics or prints, whatever the HTML. Body paragraphs are separated by `"\n\n"`.

pub mod body;
pub mod jsonld;
pub mod metadata;
pub mod render;
pub mod title;
#[cfg(feature = "trafilatura")]
pub mod trafilatura;

#[cfg(test)]
mod tests;

use crate::Extracted;
use dom_query::Document;
use samestory_core::IngestConfig;

/// Extracts the article body and metadata from an HTML page.
pub fn extract(html: &str, _cfg: &IngestConfig) -> Extracted {
    let doc = Document::from(html);
    let meta = metadata::read(&doc);
    Extracted {
        title: meta.title,
        date: meta.date,
        url: meta.url,
        byline: meta.byline,
        outlet: meta.outlet,
        declared_lang: meta.lang,
        body: body::body_of(doc),
        removed: Vec::new(),
    }
}
