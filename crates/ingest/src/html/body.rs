//! Article body of an HTML page: dom_smoothie (a Readability.js port) picks the main content
//! subtree, then [`render`] turns it into paragraphs and [`keep_blocks`] drops what is left of
//! the boilerplate: lines the text cleaning rules recognise ("READ MORE: …", "Advertisement",
//! lone credits, share prompts; see `crate::plain::clean`), paragraphs repeating a figure
//! caption, link lists, kicker, byline and dateline lines before the text, and a stray tail
//! of fragments (the text path's rule, `crate::plain::paragraphs::stray_tail`).
//!
//! Reasons: the text rules' tags (`read-more`, `advert`, `credit`, `stray-fragment`…), the
//! renderer's (`caption`, `share`, `related`… from the element's tag or class), `links` and
//! `head` for the two HTML-only rules.
//!
//! Output: paragraphs separated by `"\n\n"`, no markup, whitespace collapsed; empty when the
//! page has no readable text; plus the dropped blocks inside the article, each with its
//! reason, in document order. When dom_smoothie finds no article (the whole `<body>` is
//! rendered) only the blocks the text rules drop are reported, never the page's furniture.
//! React's streamed segments (`<div hidden id="S:0">`, moved into place by a script) are
//! shown first, as a browser shows them. Never panics on malformed HTML.

use super::render::{render, Block, Render};
use crate::plain::{clean, paragraphs};
use dom_query::Document;
use dom_smoothie::{Config, Readability};
use samestory_core::IngestConfig;
use std::collections::HashSet;

/// The body text, and its blocks with the reported boilerplate among them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Body {
    /// Paragraphs joined by `"\n\n"`.
    pub text: String,
    /// Kept blocks and reported dropped ones (`dropped` set), in document order.
    pub blocks: Vec<Block>,
}

/// Extracts the article body of an HTML page as plain paragraphs joined by `"\n\n"`.
pub fn extract_body(html: &str) -> String {
    body_of(Document::from(html), &IngestConfig::default()).text
}

/// Extracts the article body from a parsed page (consumed: extraction rewrites the DOM);
/// with `cfg.clean_boilerplate` the text cleaning rules apply to the rendered blocks.
pub fn body_of(doc: Document, cfg: &IngestConfig) -> Body {
    reveal_streamed(&doc);
    let (blocks, mode) = readable_blocks(doc);
    finish(blocks, mode, cfg)
}

/// The body of a page whose article kept no text, read from the whole `<body>` of `html`
/// parsed afresh: dom_smoothie rewrites the DOM it reads, and on a short post it may settle on
/// a cookie notice (that the renderer drops) or strip the page before giving up. A page's own
/// few lines are text; no text at all leaves its metadata unread.
pub fn whole_page_body(html: &str, cfg: &IngestConfig) -> Body {
    let doc = Document::from(html);
    reveal_streamed(&doc);
    let body = doc.select_single("body");
    let blocks = body
        .nodes()
        .first()
        .map(|n| render(n, Render::BodyOnly))
        .unwrap_or_default();
    finish(blocks, Render::BodyOnly, cfg)
}

/// React's streamed segments (`<div hidden id="S:0">`): the page's content, sent after the
/// shell and moved into place by a script. Shown, as a browser shows them; otherwise a page
/// rendered that way has no text to read.
const STREAMED: &str = r#"div[hidden][id^="S:"]"#;

/// Removes `hidden` from the page's streamed segments ([`STREAMED`]).
fn reveal_streamed(doc: &Document) {
    doc.select(STREAMED).remove_attr("hidden");
}

/// Cleans rendered blocks and joins the kept ones.
fn finish(blocks: Vec<Block>, mode: Render, cfg: &IngestConfig) -> Body {
    let mut blocks = keep_blocks(blocks, cfg);
    blocks.retain(|b| b.dropped.is_none() || reported(b, mode));
    Body {
        text: join(blocks.iter().filter(|b| b.dropped.is_none())),
        blocks,
    }
}

/// Whether a dropped block is listed: always inside an article, only for a text rule's
/// reason when the whole page was rendered.
fn reported(block: &Block, mode: Render) -> bool {
    mode == Render::Report || !matches!(block.dropped, Some(LINKS | HEAD))
}

/// Reason of a short link-dominated block (a related-stories list).
const LINKS: &str = "links";
/// Reason of a short non-sentence block before the text (kicker, byline, dateline).
const HEAD: &str = "head";
/// Reason of a figure caption, and of a paragraph repeating one.
const CAPTION: &str = "caption";

/// Blocks of the main-content subtree chosen by dom_smoothie; when it finds none (a page too
/// small or too odd to score), the blocks of the whole `<body>`.
fn readable_blocks(doc: Document) -> (Vec<Block>, Render) {
    let cfg = Config {
        keep_classes: true,
        ..Config::default()
    };
    let Ok(mut reader) = Readability::with_document(doc, None, Some(cfg)) else {
        return (Vec::new(), Render::BodyOnly);
    };
    let (root, mode) = match reader.parse() {
        Ok(_) => ("#readability-page-1", Render::Report),
        Err(_) => ("body", Render::BodyOnly),
    };
    let selection = reader.doc.select_single(root);
    let blocks = selection.nodes().first().map(|n| render(n, mode));
    (blocks.unwrap_or_default(), mode)
}

/// Marks boilerplate blocks as dropped: lines the text rules recognise and copies of a
/// figure caption (with `cfg.clean_boilerplate`), link-heavy lines, short non-sentence lines
/// before the first paragraph, and a stray tail (with `cfg.clean_boilerplate`). Repeated blocks stay (recipes, tables and lists repeat lines
/// on purpose). A block the renderer dropped takes a text rule's reason when one matches.
pub fn keep_blocks(mut blocks: Vec<Block>, cfg: &IngestConfig) -> Vec<Block> {
    let clean = cfg.clean_boilerplate;
    for block in blocks.iter_mut() {
        let by_rule = clean.then(|| clean::line_reason(&block.text)).flatten();
        block.dropped = by_rule.or(block.dropped).or_else(|| link_reason(block));
    }
    if clean {
        drop_caption_copies(&mut blocks);
    }
    trim_head(&mut blocks);
    if clean {
        trim_tail(&mut blocks, cfg);
    }
    blocks
}

/// Marks kept blocks that repeat a dropped caption (a caption shown again as a paragraph).
fn drop_caption_copies(blocks: &mut [Block]) {
    let captions: HashSet<String> = blocks
        .iter()
        .filter(|b| b.dropped == Some(CAPTION))
        .map(|b| b.text.to_lowercase())
        .collect();
    if captions.is_empty() {
        return;
    }
    for block in blocks.iter_mut().filter(|b| b.dropped.is_none()) {
        if captions.contains(&block.text.to_lowercase()) {
            block.dropped = Some(CAPTION);
        }
    }
}

fn link_reason(block: &Block) -> Option<&'static str> {
    is_link_block(block).then_some(LINKS)
}

/// Marks the stray fragments ending the body, by the text path's rule.
fn trim_tail(blocks: &mut [Block], cfg: &IngestConfig) {
    let live = live_indices(blocks);
    let run = paragraphs::stray_tail(live.iter().map(|&i| blocks[i].text.as_str()), cfg);
    for &i in &live[live.len() - run..] {
        blocks[i].dropped = Some("stray-fragment");
    }
}

fn live_indices(blocks: &[Block]) -> Vec<usize> {
    (0..blocks.len())
        .filter(|&i| blocks[i].dropped.is_none())
        .collect()
}

fn is_link_block(block: &Block) -> bool {
    block.link_density() > 0.5 && block.size() < 40
}

/// At most this many leading blocks are trimmed: more short lines in a row are content (a
/// list, a table), not a kicker and a byline.
const MAX_HEAD_JUNK: usize = 4;

/// Marks short, non-sentence blocks (kickers, bylines, "Updated …") at the start as dropped.
fn trim_head(blocks: &mut [Block]) {
    let live = live_indices(blocks);
    let start = live
        .iter()
        .position(|&i| !is_edge_junk(&blocks[i]))
        .unwrap_or(0);
    if start <= MAX_HEAD_JUNK {
        for &i in &live[..start] {
            blocks[i].dropped = Some(HEAD);
        }
    }
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

fn join<'a>(blocks: impl Iterator<Item = &'a Block>) -> String {
    let texts: Vec<&str> = blocks.map(|b| b.text.as_str()).collect();
    texts.join("\n\n")
}
