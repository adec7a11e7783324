//! Renders an article subtree into [`Block`]s: one per paragraph-like element, whitespace
//! collapsed, with the share of its characters that sit inside links.
//!
//! Skips subtrees that never hold article prose (figures, captions, forms, media, `aside`)
//! and elements whose `class` / `id` name a boilerplate role (share bars, related links,
//! bylines, credits), unless such an element holds most of the article text. No markup
//! survives; the caller decides which blocks to keep.
//!
//! With [`Render::Report`], the text of skipped subtrees a reader would see in the article
//! (figures and captions, `aside`, class-named boilerplate) comes back too, as blocks marked
//! [`Block::dropped`] with a reason tag, in document order; invisible or interface subtrees
//! (scripts, forms, media, `nav`, `footer`, hidden elements) never do.

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
    /// `Some(reason)` when the block is boilerplate left out of the body.
    pub dropped: Option<&'static str>,
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

/// Whether [`render`] returns the text of skipped boilerplate subtrees as dropped blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Render {
    /// Only the body blocks (used on a whole page, where skipped parts are page furniture).
    BodyOnly,
    /// Body blocks plus the skipped boilerplate inside the article, marked `dropped`.
    Report,
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

/// Skipped elements whose text a reader sees inside an article, with the reason reported.
const SEEN_SKIPS: &[(&str, &str)] = &[
    ("aside", "aside"),
    ("figcaption", "caption"),
    ("figure", "caption"),
];

/// Words in a `class` or `id` that mark a boilerplate element (matched as substrings), with
/// the reason reported for its text.
#[rustfmt::skip]
const JUNK_SUBSTRINGS: &[(&str, &str)] = &[
    ("advert", "advert"), ("breadcrumb", "nav"), ("byline", "byline"), ("caption", "caption"),
    ("comment", "comments"), ("cookie", "cookie"), ("credit", "credit"),
    ("dateline", "dateline"), ("disclaimer", "disclaimer"), ("newsletter", "subscribe"),
    ("outbrain", "related"), ("popular", "related"), ("promo", "advert"),
    ("recommend", "related"), ("related", "related"), ("share", "share"), ("sharing", "share"),
    ("signup", "subscribe"), ("social", "share"), ("sponsor", "advert"),
    ("subscribe", "subscribe"), ("taboola", "related"), ("timestamp", "dateline"),
    ("toolbar", "share"), ("trending", "related"),
];

/// Whole `class` / `id` tokens that mark a boilerplate element, with the reason reported.
#[rustfmt::skip]
const JUNK_TOKENS: &[(&str, &str)] = &[
    ("ad", "advert"), ("ads", "advert"), ("author", "byline"), ("date", "dateline"),
    ("hidden", UNSEEN), ("meta", "meta"), ("more", "related"), ("tags", "tags"),
    ("widget", "widget"),
];

/// Reason of a skipped element whose text is never reported: hidden, or interface and page
/// furniture rather than article text (forms, media, `nav`, `footer`).
const UNSEEN: &str = "hidden";

/// Walks `root` and returns its blocks in document order (empty blocks dropped).
pub fn render(root: &NodeRef, mode: Render) -> Vec<Block> {
    let mut walker = Walker::new(root.text().len(), mode, None);
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
    /// Text length of the whole rendered subtree.
    total: usize,
    mode: Render,
    /// `Some(reason)` while walking a skipped subtree for its text: every block is dropped.
    dropping: Option<&'static str>,
    blocks: Vec<Block>,
    current: Block,
    /// Dropped blocks of an inline skipped element, emitted after the block around it.
    pending: Vec<Block>,
}

impl Walker {
    fn new(total: usize, mode: Render, dropping: Option<&'static str>) -> Walker {
        Walker {
            total,
            mode,
            dropping,
            blocks: Vec::new(),
            current: Block::default(),
            pending: Vec::new(),
        }
    }

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
        if let Some(skip) = self.skip(node, name) {
            return self.report(node, name, skip, ctx);
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

    /// Why the element's subtree stays out of the body: `Some(reason)`, [`UNSEEN`] for what
    /// is never reported (also inside a reported subtree: buttons, forms, scripts); `None`
    /// when it is walked.
    fn skip(&self, node: &NodeRef, name: &str) -> Option<&'static str> {
        if is_hidden(node) {
            return Some(UNSEEN);
        }
        if !SKIP_TAGS.contains(&name) {
            return self
                .dropping
                .is_none()
                .then(|| self.junk_reason(node))
                .flatten();
        }
        match (seen_skip(name), self.dropping) {
            // Inside a reported subtree, a figure or aside is walked like the rest of it.
            (Some(_), Some(_)) => None,
            (seen, _) => Some(seen.unwrap_or(UNSEEN)),
        }
    }

    fn junk_reason(&self, node: &NodeRef) -> Option<&'static str> {
        let names = [node.class(), node.id_attr()];
        let reason = names.iter().flatten().find_map(|n| junk_name_reason(n))?;
        (node.text().len() * 2 < self.total).then_some(reason)
    }

    /// Walks a skipped subtree for its text (in [`Render::Report`] mode, when readers see it)
    /// and queues its blocks as dropped.
    fn report(&mut self, node: &NodeRef, name: &str, reason: &'static str, ctx: Ctx) {
        if self.mode == Render::BodyOnly || reason == UNSEEN {
            return;
        }
        let mut sub = Walker::new(self.total, self.mode, Some(reason));
        sub.children(node, ctx);
        sub.flush();
        if BLOCK_TAGS.contains(&name) || seen_skip(name).is_some() {
            self.flush();
            self.blocks.append(&mut sub.blocks);
        } else {
            self.pending.append(&mut sub.blocks);
        }
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
        block.dropped = self.dropping;
        if !block.text.is_empty() {
            self.blocks.push(block);
        }
        self.blocks.append(&mut self.pending);
    }
}

fn seen_skip(name: &str) -> Option<&'static str> {
    SEEN_SKIPS.iter().find(|(t, _)| *t == name).map(|(_, r)| *r)
}

fn is_hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden") || attr_is(node, "aria-hidden", "true")
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn attr_is(node: &NodeRef, name: &str, value: &str) -> bool {
    node.attr(name)
        .is_some_and(|v| v.eq_ignore_ascii_case(value))
}

/// The boilerplate role a `class` or `id` value names, if any.
fn junk_name_reason(value: &str) -> Option<&'static str> {
    let lower = value.to_ascii_lowercase();
    let by_substring = JUNK_SUBSTRINGS.iter().find(|(w, _)| lower.contains(w));
    if let Some((_, reason)) = by_substring {
        return Some(reason);
    }
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find_map(|token| JUNK_TOKENS.iter().find(|(t, _)| *t == token))
        .map(|(_, reason)| *reason)
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
