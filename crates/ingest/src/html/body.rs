//! Article body of an HTML page: dom_smoothie (a Readability.js port) picks the main content
//! subtree, then [`render`] turns it into paragraphs and [`keep_blocks`] drops what is left of
//! the boilerplate (link lists; kicker, byline and dateline lines before the text).
//!
//! Output: paragraphs separated by `"\n\n"`, no markup, whitespace collapsed; empty when the
//! page has no readable text. Never panics on malformed HTML.

use super::render::{render, Block};
use dom_query::Document;
use dom_smoothie::{Config, Readability};

/// Extracts the article body of an HTML page as plain paragraphs joined by `"\n\n"`.
pub fn extract_body(html: &str) -> String {
    body_of(Document::from(html))
}

/// Extracts the article body from a parsed page (consumed: extraction rewrites the DOM).
pub fn body_of(doc: Document) -> String {
    join(&keep_blocks(readable_blocks(doc)))
}

/// Blocks of the main-content subtree chosen by dom_smoothie; when it finds none (a page too
/// small or too odd to score), the blocks of the whole `<body>`.
fn readable_blocks(doc: Document) -> Vec<Block> {
    let cfg = Config {
        keep_classes: true,
        ..Config::default()
    };
    let Ok(mut reader) = Readability::with_document(doc, None, Some(cfg)) else {
        return Vec::new();
    };
    let root = match reader.parse() {
        Ok(_) => "#readability-page-1",
        Err(_) => "body",
    };
    let selection = reader.doc.select_single(root);
    selection.nodes().first().map(render).unwrap_or_default()
}

/// Drops boilerplate blocks: link-heavy lines and short non-sentence lines before the first
/// paragraph. Repeated blocks stay (recipes, tables and lists repeat lines on purpose).
pub fn keep_blocks(blocks: Vec<Block>) -> Vec<Block> {
    let kept: Vec<Block> = blocks.into_iter().filter(|b| !is_link_block(b)).collect();
    trim_head(kept)
}

fn is_link_block(block: &Block) -> bool {
    block.link_density() > 0.5 && block.size() < 40
}

/// At most this many leading blocks are trimmed: more short lines in a row are content (a
/// list, a table), not a kicker and a byline.
const MAX_HEAD_JUNK: usize = 4;

/// Removes short, non-sentence blocks (kickers, bylines, "Updated …") from the start.
fn trim_head(mut blocks: Vec<Block>) -> Vec<Block> {
    let start = blocks.iter().position(|b| !is_edge_junk(b)).unwrap_or(0);
    if start <= MAX_HEAD_JUNK {
        blocks.drain(..start);
    }
    blocks
}

/// A short line that is no sentence: a kicker, a byline, a dateline.
fn is_edge_junk(block: &Block) -> bool {
    block.size() < 10 && !is_prose(block)
}

/// A block that reads like article prose: a sentence of some length.
fn is_prose(block: &Block) -> bool {
    !block.heading && block.size() >= 8 && ends_sentence(&block.text)
}

fn ends_sentence(text: &str) -> bool {
    let last = text
        .trim_end_matches(['"', '\'', '”', '’', ')', '»', ' '])
        .chars()
        .last();
    matches!(last, Some('.' | '!' | '?' | '…' | ':' | '。' | '！' | '？'))
}

fn join(blocks: &[Block]) -> String {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    texts.join("\n\n")
}
