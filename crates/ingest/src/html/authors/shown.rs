//! The authors a page shows: one walk over `<body>` in document order, looking at
//! - elements marked as a byline: `itemprop=author` (its nested `itemprop=name` if any),
//!   `rel=author`, a class or id naming `byline` or `author`, a link to an author or
//!   contributor-profile page;
//! - text that opens with a byline label ("By", "Von", "Par", "Por", "Door", "Written by",
//!   "Article by", "Author:" …), with the names in the same text or the next node; a
//!   lower-case "by" that goes on from a link or words before it is inside a sentence.
//!
//! Candidates inside navigation, sidebars, footers, comments, related-link lists, teaser
//! cards and figure captions (a picture's credit) are skipped, and so is a candidate right
//! after a credit for other work ("Reviewed by," over an author box: the reviewer). The first candidate naming a person after the first `<h1>` wins, else the first
//! before it. Work is bounded: at most [`MAX_CANDIDATES`] candidates are read.

use crate::meta::people::{ends_with_other_role, parse_byline, Credits, SiteNames};
use dom_query::{Document, NodeData, NodeRef, Selection};
use regex::Regex;
use std::sync::LazyLock;

/// Most candidates read on one page.
const MAX_CANDIDATES: usize = 40;
/// Longest text read as a byline candidate (chars); longer elements are containers or bios.
const MAX_TEXT: usize = 200;
/// Ancestors inspected for a skipped region.
const MAX_DEPTH: usize = 16;

/// A text node that opens with a byline label; group 1 = what follows it.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^\s*(?:
            (?i:(?:written|posted|published|reported|words|story|article|reporting|escrito|publicado
                 |geschrieben|verfasst|erstellt|veröffentlicht|écrit|publié|rédigé|scritto|geschreven)\s+
                (?:by|von|par|por|door|da|di))
            |By|BY|by|Von|Par|Por|Door|Av|Di|di
            |(?i:authors?|autor(?:in|es|en)?|auteurs?|contributors?|verfasser(?:in)?)\s*[:：]
          )\s*[:：]?(?:\s+(.*))?$",
    )
    .expect("valid regex")
});

/// What the page shows.
#[derive(Default)]
pub struct Shown {
    /// The persons and credit.
    pub credits: Credits,
}

/// The persons (and credit) of the byline the page shows.
pub fn credits(doc: &Document, site: &SiteNames) -> Shown {
    let body = doc.select("body");
    let Some(body) = body.nodes().first() else {
        return Shown::default();
    };
    let mut after_h1 = false;
    let mut before_h1: Option<Shown> = None;
    let mut credit: Option<String> = None;
    let mut read = 0;
    for node in body.descendants_it() {
        match first_look(&node) {
            Look::Pass => continue,
            Look::Headline => {
                after_h1 = true;
                continue;
            }
            Look::Candidate => {}
        }
        let Some(text) = candidate_text(&node) else {
            continue;
        };
        read += 1;
        if read > MAX_CANDIDATES {
            break;
        }
        if in_skipped_region(&node) || after_other_role(&node) {
            continue;
        }
        let found = parse_byline(&text, site);
        credit = credit.or(found.credit.clone());
        if found.persons.is_empty() || (node.is_text() && one_word_names(&found)) {
            continue;
        }
        let shown = Shown { credits: found };
        if after_h1 {
            return with_credit(shown, credit);
        }
        before_h1 = before_h1.or(Some(shown));
    }
    with_credit(before_h1.unwrap_or_default(), credit)
}

/// Sibling or ancestor steps taken back from a candidate to find the text before it.
const MAX_STEPS_BACK: usize = 24;

/// True when the text the page shows right before the candidate (in document order) is a
/// credit for other work ending in its label: "Reviewed by", "Edited by:", "Fact checked by,"
/// as a heading over an author box names the reviewer, not the writer.
fn after_other_role(node: &NodeRef) -> bool {
    for prev in preceding(node, MAX_STEPS_BACK) {
        if prev.is_element() && !is_shown(&prev) {
            continue;
        }
        let text = prev.text();
        if text.trim().is_empty() {
            continue;
        }
        return ends_with_other_role(&text);
    }
    false
}

/// The nodes before `node` in document order, nearest first: its earlier siblings, then its
/// ancestors' earlier siblings, at most `steps` moves (a move up to a parent counts one).
pub(super) fn preceding<'a>(node: &NodeRef<'a>, steps: usize) -> impl Iterator<Item = NodeRef<'a>> {
    let mut current = *node;
    let mut left = steps;
    std::iter::from_fn(move || {
        while left > 0 {
            left -= 1;
            match current.prev_sibling() {
                Some(prev) => {
                    current = prev;
                    return Some(prev);
                }
                None => match current.parent() {
                    Some(parent) if parent.is_element() => current = parent,
                    _ => return None,
                },
            }
        }
        None
    })
}

/// An element whose text a reader sees (not a script, a style or a template).
fn is_shown(node: &NodeRef) -> bool {
    node.node_name()
        .is_none_or(|t| !["script", "style", "template", "noscript"].contains(&&*t))
}

/// Only one-word names: from labelled text alone ("By Car", "By Tuesday") too weak.
fn one_word_names(found: &Credits) -> bool {
    found
        .persons
        .iter()
        .all(|p| !p.contains(char::is_whitespace))
}

fn with_credit(mut shown: Shown, credit: Option<String>) -> Shown {
    shown.credits.credit = shown.credits.credit.or(credit);
    shown
}

/// True when a text node of `<body>` holds one of `names` (checked only where the declared
/// and the shown authors disagree, so rarely a full walk).
pub fn mentions(doc: &Document, names: &[String]) -> bool {
    let body = doc.select("body");
    let Some(body) = body.nodes().first() else {
        return false;
    };
    let found = body.descendants_it().any(|node| {
        let holds = node
            .query(|n| match &n.data {
                NodeData::Text { contents } => {
                    names.iter().any(|name| contents.contains(name.as_str()))
                }
                _ => false,
            })
            .unwrap_or(false);
        holds && !in_unshown(&node)
    });
    found
}

/// True for a text node inside an element that is never shown (a script's JSON-LD, a
/// style, a template).
fn in_unshown(node: &NodeRef) -> bool {
    node.parent()
        .and_then(|p| p.node_name())
        .is_some_and(|t| ["script", "style", "template", "noscript"].contains(&&*t))
}

/// What a first look at a node (without copying its text or attributes) says.
enum Look {
    /// Nothing to read.
    Pass,
    /// The headline (`<h1>`).
    Headline,
    /// A possible byline: read it.
    Candidate,
}

fn first_look(node: &NodeRef) -> Look {
    node.query(|n| match &n.data {
        NodeData::Text { contents } if may_be_labelled(contents) => Look::Candidate,
        NodeData::Element(e) if &*e.name.local == "h1" => Look::Headline,
        NodeData::Element(e)
            if e.attrs
                .iter()
                .any(|a| attr_may_mark(&a.name.local, &a.value)) =>
        {
            Look::Candidate
        }
        _ => Look::Pass,
    })
    .unwrap_or(Look::Pass)
}

/// A short text that opens with a byline label.
fn may_be_labelled(text: &str) -> bool {
    text.len() <= MAX_TEXT * 2 && LABELLED.is_match(text)
}

/// An attribute that may mark a byline: a class, id, itemprop or rel naming an author or a
/// byline, or a link to an author page.
fn attr_may_mark(name: &str, value: &str) -> bool {
    match name {
        "class" | "id" | "itemprop" | "rel" => mentions_author(value),
        data if data.starts_with("data-") => mentions_author(value),
        "href" => value.contains("/aut") || value.contains("/profiles/"),
        _ => false,
    }
}

/// The byline text a node offers, if it is a candidate.
fn candidate_text(node: &NodeRef) -> Option<String> {
    if node.is_text() {
        return labelled_text(node);
    }
    if !node.is_element() || !marked_as_author(node) {
        return None;
    }
    if node.attr("itemprop").is_some_and(|p| p.contains("author")) {
        if let Some(name) = microdata_name(node) {
            return Some(name);
        }
    }
    short_text(node)
}

/// The names after a byline label: in the same text, else in the next node.
fn labelled_text(node: &NodeRef) -> Option<String> {
    let text = node.text();
    if text.len() > MAX_TEXT * 2 || continues_sentence(node, &text) {
        return None;
    }
    let caps = LABELLED.captures(&text)?;
    match caps
        .get(1)
        .map(|m| m.as_str().trim())
        .filter(|s| !s.is_empty())
    {
        Some(rest) => Some(rest.to_string()),
        None => next_text(node),
    }
}

/// Inline elements that may stand inside a sentence.
const INLINE: &[&str] = &[
    "a", "em", "strong", "b", "i", "span", "abbr", "code", "mark",
];

/// Whether a text opening with a lower-case label ("by the Central line …") goes on from a
/// link or other inline words just before it: the middle of a sentence ("reached <a>easily
/// </a> by the Central line"), not a byline.
fn continues_sentence(node: &NodeRef, text: &str) -> bool {
    if !text.trim_start().starts_with(char::is_lowercase) {
        return false;
    }
    let Some(before) = node.prev_sibling() else {
        return false;
    };
    if before.is_text() {
        return before.text().chars().any(char::is_alphanumeric);
    }
    before
        .node_name()
        .is_some_and(|n| INLINE.contains(&n.to_ascii_lowercase().as_str()))
        && before.text().chars().any(char::is_alphanumeric)
}

/// The text of the node after `node` (or after its parent, when it is the last child).
fn next_text(node: &NodeRef) -> Option<String> {
    let mut current = *node;
    for _ in 0..3 {
        let mut next = current.next_sibling();
        while let Some(n) = next {
            if n.is_element() || !n.text().trim().is_empty() {
                break;
            }
            next = n.next_sibling();
        }
        if let Some(n) = next {
            return short_text(&n);
        }
        current = current.parent()?;
    }
    None
}

/// True when the element's attributes mark it as a byline or an author: a class, id,
/// itemprop or `data-*` value naming one (not an avatar, bio or comment), `rel=author`, or a
/// link to an author page.
fn marked_as_author(node: &NodeRef) -> bool {
    node.query(|n| match &n.data {
        NodeData::Element(e) => {
            let link = &*e.name.local == "a";
            e.attrs
                .iter()
                .any(|a| attr_marks(&a.name.local, &a.value, link))
        }
        _ => false,
    })
    .unwrap_or(false)
}

fn attr_marks(name: &str, value: &str, link: bool) -> bool {
    match name {
        "rel" => value
            .split_whitespace()
            .any(|t| t.eq_ignore_ascii_case("author")),
        "href" => link && AUTHOR_PATHS.iter().any(|p| value.contains(p)),
        "class" | "id" | "itemprop" => names_author(value),
        data if data.starts_with("data-") => names_author(value),
        _ => false,
    }
}

/// Paths of author pages.
const AUTHOR_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/autor/",
    "/autoren/",
    "/auteur/",
    "/autore/",
    "/profiles/",
];

/// A value naming an author or a byline, not an avatar, a bio or a comment.
fn names_author(value: &str) -> bool {
    if !mentions_author(value) {
        return false;
    }
    let v = value.to_ascii_lowercase();
    (v.contains("author") || v.contains("byline"))
        && !["comment", "avatar", "bio", "photo", "image", "img"]
            .iter()
            .any(|w| v.contains(w))
}

/// A cheap first look before lower-casing: "author"/"byline" in any case.
fn mentions_author(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes
        .windows(5)
        .any(|w| w.eq_ignore_ascii_case(b"uthor") || w.eq_ignore_ascii_case(b"yline"))
}

/// `itemprop=name` inside a microdata author: its `content` or its text.
fn microdata_name(node: &NodeRef) -> Option<String> {
    let inner = Selection::from(*node).select_single("[itemprop=name]");
    let inner = inner.nodes().first()?;
    short_text(inner)
}

/// The element's text (its `content`, else its text nodes joined by " | ", so that
/// `<span>Jane Roe</span><span>Editor</span>` reads as two segments, not one name), when
/// short enough to be a byline.
fn short_text(node: &NodeRef) -> Option<String> {
    if let Some(content) = node.attr("content") {
        return Some(content.to_string());
    }
    if node.is_text() {
        let text = node.text();
        return (text.chars().count() <= MAX_TEXT).then(|| text.trim().to_string());
    }
    let mut pieces: Vec<String> = Vec::new();
    let mut length = 0;
    for text_node in node.descendants_it().filter(|n| n.is_text()) {
        let text = text_node.text();
        let piece = text.split_whitespace().collect::<Vec<_>>().join(" ");
        length += piece.chars().count();
        if length > MAX_TEXT {
            return None;
        }
        if !piece.is_empty() {
            pieces.push(piece);
        }
    }
    (!pieces.is_empty()).then(|| pieces.join(" | "))
}

/// True inside navigation, menus, sidebars, footers, comments or related links (up to, not
/// including, `<body>`, whose classes describe the whole page).
pub(super) fn in_skipped_region(node: &NodeRef) -> bool {
    node.ancestors_it(Some(MAX_DEPTH))
        .take_while(|a| {
            !a.node_name()
                .is_some_and(|t| &*t == "body" || &*t == "html")
        })
        .any(|a| {
            a.node_name().is_some_and(|t| SKIPPED_TAGS.contains(&&*t))
                || a.attr("class").is_some_and(|c| skipped_class(&c))
                || a.attr("id").is_some_and(|c| skipped_class(&c))
        })
}

/// Elements whose bylines are not the article's (a `figcaption`'s "by" credits the picture).
const SKIPPED_TAGS: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "script",
    "style",
    "noscript",
    "template",
    "button",
    "select",
    "figcaption",
];

/// A class or id naming a region that holds other pages' bylines. Read per class token, the
/// token's variant prefix ("md:") dropped; utility tokens with arbitrary values
/// ("[grid-area:sidebar]") and wrappers or page-layout flags ("content-sidebar-wrap",
/// "has-sidebar") hold the article too, so they do not count; an element carrying a switch
/// for a region ("cs-sidebar-enabled") is the page's frame around the article and that
/// region, whatever its other tokens ("cs-sidebar-right") say.
fn skipped_class(value: &str) -> bool {
    let tokens: Vec<String> = value
        .split_whitespace()
        .map(|token| {
            token
                .rsplit(':')
                .next()
                .unwrap_or(token)
                .to_ascii_lowercase()
        })
        .collect();
    if tokens.iter().any(|t| is_region_switch(t)) {
        return false;
    }
    tokens
        .iter()
        .filter(|token| !is_layout_token(token))
        .any(|token| SKIPPED_REGIONS.iter().any(|w| token.contains(w)))
}

/// A token that turns a region on or off ("sidebar-enabled", "menu-disabled").
fn is_region_switch(token: &str) -> bool {
    ["-enabled", "-disabled"].iter().any(|s| token.ends_with(s))
        && SKIPPED_REGIONS.iter().any(|w| token.contains(w))
}

fn is_layout_token(token: &str) -> bool {
    token.contains(['[', ']'])
        || ["wrap", "layout", "container", "template"]
            .iter()
            .any(|w| token.contains(w))
        || [
            "has-", "no-", "with-", "under-", "below-", "above-", "after-", "before-",
        ]
        .iter()
        .any(|p| token.starts_with(p))
}

/// Words of the classes and ids of regions skipped.
const SKIPPED_REGIONS: &[&str] = &[
    "comment",
    "related",
    "sidebar",
    "recent",
    "popular",
    "footer",
    "menu",
    "newsletter",
    "recommend",
    "more-from",
    "read-next",
    "trending",
    "teaser",
];
