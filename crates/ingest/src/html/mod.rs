//! HTML pages → article body + metadata, as an [`Extracted`].
//!
//! The page is parsed once (html5ever via `dom_query`). [`metadata`] reads title, date,
//! publication time, url, byline, outlet and declared language from JSON-LD ([`jsonld`]),
//! `<meta>` tags, links and `<time>`; then [`body`] hands the same DOM to dom_smoothie (a
//! Readability.js port) and [`render`]s the chosen subtree as paragraphs, dropping what
//! boilerplate survives. A page whose article yields no text (dom_smoothie settled on a
//! consent notice, or stripped the page) is read whole from a fresh parse, so that a short
//! post keeps its lines and its metadata.
//! What it drops inside the article goes to `removed` with a reason and the source line found
//! by [`lines`] (0 when unknown).
//!
//! Never touches ids, language detection or URL canonicalisation (see [`crate::assemble`]);
//! never panics or prints, whatever the HTML. Body paragraphs are separated by `"\n\n"`.

pub mod authors;
pub mod body;
pub mod dates;
pub mod jsonld;
pub mod lines;
pub mod metadata;
pub mod render;
pub mod title;
#[cfg(feature = "trafilatura")]
pub mod trafilatura;

#[cfg(test)]
mod published_tests;
#[cfg(test)]
mod removed_tests;
#[cfg(test)]
mod tests;

use crate::Extracted;
use dom_query::Document;
use lines::SourceText;
use samestory_core::{IngestConfig, RemovedLine};

/// Extracts the article body and metadata from an HTML page.
pub fn extract(html: &str, cfg: &IngestConfig) -> Extracted {
    let doc = Document::from(html);
    let meta = metadata::read(&doc);
    let mut body = body::body_of(doc, cfg);
    if body.text.is_empty() {
        body = body::whole_page_body(html, cfg);
    }
    Extracted {
        title: meta.title,
        date: meta.date,
        published: meta.published,
        url: meta.url,
        byline: meta.byline,
        authors: meta.authors,
        credit: meta.credit,
        outlet: meta.outlet,
        declared_lang: meta.lang,
        removed: removed_lines(html, &body),
        body: body.text,
    }
}

/// The dropped blocks as [`RemovedLine`]s, located in the source (see [`lines`]).
fn removed_lines(html: &str, body: &body::Body) -> Vec<RemovedLine> {
    let Some(last) = body.blocks.iter().rposition(|b| b.dropped.is_some()) else {
        return Vec::new();
    };
    let mut source = SourceText::new(html);
    body.blocks[..=last]
        .iter()
        .filter_map(|block| match block.dropped {
            None => {
                source.pass(&block.text);
                None
            }
            Some(reason) => Some(RemovedLine {
                line: source.line_of(&block.text),
                text: block.text.clone(),
                reason: reason.to_string(),
            }),
        })
        .collect()
}
