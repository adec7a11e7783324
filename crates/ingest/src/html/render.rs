//! Renders an article subtree into [`Block`]s: one per paragraph-like element, whitespace
//! collapsed, with the share of its characters that sit inside links.
//!
//! Skips subtrees that never hold article prose (figures, captions, forms, media, `aside`)
//! and elements whose `class` / `id` name a boilerplate role (share bars, related links,
//! bylines, credits), unless such an element holds most of the article text. No markup
//! survives; the caller decides which blocks to keep.

use dom_query::NodeRef;

/// One paragraph-like run of text found while walking the DOM.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    /// Collapsed text, no leading or trailing space.
    pub text: String,
    /// Characters of `text` that came from inside `<a>` elements.
    pub link_chars: usize,
    /// The block is a heading (`h1`–`h6`).
    pub heading: bool,
    /// The block is (inside) a list item.
    pub list_item: bool,
}

impl Block {
    /// Share of characters inside links, `0.0` for an empty block.
    pub fn link_density(&self) -> f32 {
        let chars = self.text.chars().count();
        if chars == 0 {
            return 0.0;
        }
        self.link_chars as f32 / chars as f32
    }

    /// Number of whitespace-separated words.
    pub fn words(&self) -> usize {
        self.text.split_whitespace().count()
    }

    /// Length in word equivalents: words, or for scripts written without spaces (CJK, Thai)
    /// one word per two letters, whichever is larger.
    pub fn size(&self) -> usize {
        let dense = self.text.chars().filter(|c| is_unspaced_script(*c)).count();
        self.words().max(dense / 2)
    }
}

/// Elements whose whole subtree is never article prose.
#[rustfmt::skip]
const SKIP_TAGS: &[&str] = &[
    "aside", "audio", "button", "canvas", "figcaption", "figure", "footer", "form", "iframe",
    "img", "input", "label", "map", "nav", "noscript", "object", "option", "picture", "script",
    "select", "style", "svg", "template", "textarea", "video",
];

/// Elements that start and end a paragraph.
#[rustfmt::skip]
const BLOCK_TAGS: &[&str] = &[
    "address", "article", "blockquote", "dd", "details", "div", "dl", "dt", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre", "section", "summary",
    "table", "tr", "ul",
];

/// Words in a `class` or `id` that mark a boilerplate element (matched as substrings).
#[rustfmt::skip]
const JUNK_SUBSTRINGS: &[&str] = &[
    "advert", "breadcrumb", "byline", "caption", "comment", "cookie", "credit", "dateline",
    "disclaimer", "newsletter", "outbrain", "popular", "promo", "recommend", "related", "share",
    "sharing", "signup", "social", "sponsor", "subscribe", "taboola", "timestamp", "toolbar",
    "trending",
];

/// Whole `class` / `id` tokens that mark a boilerplate element.
#[rustfmt::skip]
const JUNK_TOKENS: &[&str] = &[
    "ad", "ads", "author", "date", "hidden", "meta", "more", "tags", "widget",
];

/// Walks `root` and returns its blocks in document order (empty blocks dropped).
pub fn render(root: &NodeRef) -> Vec<Block> {
    let total = root.text().len();
    let mut walker = Walker {
        total,
        blocks: Vec::new(),
        current: Block::default(),
    };
    walker.children(root, Ctx::default());
    walker.flush();
    walker.blocks
}

#[derive(Clone, Copy, Default)]
struct Ctx {
    in_link: bool,
    heading: bool,
    list_item: bool,
}

struct Walker {
    total: usize,
    blocks: Vec<Block>,
    current: Block,
}

impl Walker {
    fn children(&mut self, node: &NodeRef, ctx: Ctx) {
        for child in node.children_it(false) {
            self.node(&child, ctx);
        }
    }

    fn node(&mut self, node: &NodeRef, ctx: Ctx) {
        if node.is_text() {
            self.push_text(&node.text(), ctx);
        } else if let Some(name) = node.node_name() {
            self.element(node, &name, ctx);
        }
    }

    fn element(&mut self, node: &NodeRef, name: &str, ctx: Ctx) {
        if SKIP_TAGS.contains(&name) || self.is_junk(node) {
            return;
        }
        if name == "br" {
            return self.flush();
        }
        if matches!(name, "td" | "th") {
            self.push_text(" ", ctx);
        }
        let block = BLOCK_TAGS.contains(&name);
        if block {
            self.flush();
        }
        let inner = Ctx {
            in_link: ctx.in_link || name == "a",
            heading: ctx.heading || is_heading(name),
            list_item: ctx.list_item || name == "li",
        };
        self.children(node, inner);
        if block {
            self.flush();
        }
    }

    fn is_junk(&self, node: &NodeRef) -> bool {
        if node.has_attr("hidden") || attr_is(node, "aria-hidden", "true") {
            return true;
        }
        let names = [node.class(), node.id_attr()];
        let flagged = names.iter().flatten().any(|n| names_junk(n));
        flagged && node.text().len() * 2 < self.total
    }

    fn push_text(&mut self, text: &str, ctx: Ctx) {
        let before = self.current.text.chars().count();
        append_collapsed(&mut self.current.text, text);
        if ctx.in_link {
            self.current.link_chars += self.current.text.chars().count() - before;
        }
        self.current.heading |= ctx.heading;
        self.current.list_item |= ctx.list_item;
    }

    fn flush(&mut self) {
        let mut block = std::mem::take(&mut self.current);
        let trimmed = block.text.trim_end().len();
        block.text.truncate(trimmed);
        if !block.text.is_empty() {
            self.blocks.push(block);
        }
    }
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn attr_is(node: &NodeRef, name: &str, value: &str) -> bool {
    node.attr(name)
        .is_some_and(|v| v.eq_ignore_ascii_case(value))
}

/// True when a `class` or `id` value names a boilerplate role.
fn names_junk(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if JUNK_SUBSTRINGS.iter().any(|w| lower.contains(w)) {
        return true;
    }
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|token| JUNK_TOKENS.contains(&token))
}

/// Appends `text` to `out`, collapsing every whitespace run to one space and never starting
/// `out` with a space.
fn append_collapsed(out: &mut String, text: &str) {
    let mut pending_space = text.starts_with(char::is_whitespace) && !out.is_empty();
    for word in text.split_whitespace() {
        if pending_space && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
        pending_space = true;
    }
    if text.ends_with(char::is_whitespace) && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// Letters of scripts that do not separate words by spaces.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF // Thai, Lao
        | 0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF // CJK ideographs
        | 0xAC00..=0xD7AF) // Hangul syllables
}
