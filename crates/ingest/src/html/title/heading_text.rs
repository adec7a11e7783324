//! The words of a heading as a reader sees them: a nested `itemprop=headline` element when
//! there is one; a kicker, roofline, date or subtitle inside the heading (`<small>`, `<time>`,
//! or an element whose class says so) and ruby readings (`<rt>`) left out; a space wherever a
//! line break or a block element separates two runs of text. Reads the heading's subtree
//! only; the recursion is bounded by [`MAX_NESTING`].

use dom_query::{NodeRef, Selection};

/// Elements deeper than this below the heading are not read.
const MAX_NESTING: usize = 8;
/// Class parts of the kickers, rooflines, dates and subtitles set inside a heading.
const KICKER_CLASSES: &[&str] = &[
    "kicker",
    "roofline",
    "topline",
    "toptitle",
    "badge",
    "overline",
    "eyebrow",
    "subhead",
    "subtitle",
    "subline",
    "dachzeile",
    "spitzmarke",
    "date",
];
/// Elements whose text runs on with their neighbours'.
const INLINE: &[&str] = &[
    "b", "i", "em", "strong", "a", "u", "mark", "abbr", "q", "cite", "code", "s", "sub", "sup",
    "font", "bdi", "bdo", "wbr", "span", "ruby", "rb",
];
/// Elements with no readable text.
const SILENT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "button", "small", "time", "rt", "rp",
];

/// The heading's text without its kicker, collapsed; the whole text spaced out when nothing
/// else is left.
pub fn visible_text(heading: &NodeRef) -> String {
    let own = Selection::from(*heading).select("[itemprop=headline]");
    let root = own.nodes().first().copied().unwrap_or(*heading);
    let mut text = String::new();
    push_text(&root, 0, true, &mut text);
    if text.trim().is_empty() {
        push_text(&root, 0, false, &mut text);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Appends the text below `node`; with `skip_kickers`, kicker-like elements are left out.
fn push_text(node: &NodeRef, depth: usize, skip_kickers: bool, out: &mut String) {
    for child in node.children_it(false) {
        if child.is_text() {
            out.push_str(&child.text());
            continue;
        }
        if !child.is_element() || depth >= MAX_NESTING {
            continue;
        }
        let name = child.node_name().unwrap_or_default();
        if skip_kickers && is_kicker(&child, &name) {
            continue;
        }
        if SILENT.contains(&&*name) && !matches!(&*name, "small" | "time") {
            continue;
        }
        let inline = INLINE.contains(&&*name);
        if !inline {
            out.push(' ');
        }
        push_text(&child, depth + 1, skip_kickers, out);
        if !inline {
            out.push(' ');
        }
    }
}

/// `<small>`, `<time>`, or an element whose class names a kicker, date or subtitle.
fn is_kicker(el: &NodeRef, name: &str) -> bool {
    if matches!(name, "small" | "time") {
        return true;
    }
    el.attr("class").is_some_and(|class| {
        let class = class.to_ascii_lowercase();
        KICKER_CLASSES.iter().any(|part| class.contains(part))
    })
}
