//! The article's own headline: the visible `<h1>` heading the article, told apart from the
//! site's logo or name, a section name and the headings of menus, dialogs and footers.
//!
//! Each of the page's first few `<h1>`s is placed by its ancestors (inside navigation, a
//! link, a logo, a hidden block: skipped; inside `article`/`main`: preferred; in the site's
//! `header`: doubted) and scored by how much of it the meta title holds. The best is taken
//! when it shares most of its words with the meta title, or, when it differs (a marketing
//! or SEO title in the `<head>`), when it reads like a headline of its own (three words or
//! more, outside the site header) and is not a site name, unless a lower heading before
//! every `h1` shows the meta title word for word (then that `h1` is a section's). Reads the DOM, never mutates it;
//! work is bounded by [`MAX_HEADINGS`] × [`MAX_DEPTH`].

use super::clean::clean_with;
use super::heading_text::visible_text;
use super::sites::{squash, SiteNames};
use dom_query::{Document, NodeRef};
use std::collections::HashSet;

/// At most this many `<h1>` elements are looked at.
pub const MAX_HEADINGS: usize = 12;
/// At most this many ancestors of a heading are looked at.
pub const MAX_DEPTH: usize = 24;
/// Class and id parts of the wrappers of a site's furniture.
const FURNITURE_CLASSES: &[&str] = &[
    "logo",
    "brand",
    "site-title",
    "site-name",
    "sitename",
    "share",
    "social",
    "modal",
    "popup",
    "newsletter",
    "subscribe",
    "cookie",
];
/// Class names are read on this many nearest elements (the heading and its wrappers).
const CLASS_DEPTH: usize = 6;
/// A heading longer than this (in chars) is no headline.
const MAX_HEADLINE_CHARS: usize = 250;
/// A heading unlike the meta title and longer than this (in words) is a standfirst.
const MAX_OWN_WORDS: usize = 20;
/// A heading like the meta title covers at least this share of its letters.
const MIN_COVER: f32 = 0.3;
/// A heading holding at least this share of its words in the meta title is that title.
const SAME_TITLE: f32 = 0.5;
/// A heading unlike the meta title needs this many words to be taken over it.
const MIN_OWN_WORDS: usize = 3;
/// … or, in a script written without spaces, this many letters.
const MIN_OWN_CHARS: usize = 8;

/// Where a heading sits in the page.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Place {
    /// Inside `article`, `main` or `role=main`.
    in_article: bool,
    /// Inside a `header` that is not the article's own.
    in_site_header: bool,
    /// The heading itself says it is a title (`itemprop=headline`, a "title" class).
    titled: bool,
}

/// One candidate heading.
struct Heading {
    text: String,
    place: Place,
    /// Share of its words in the meta title.
    overlap: f32,
    /// Its length against the meta title's (letters and digits).
    cover: f32,
    /// The meta title itself (same letters and digits).
    exact: bool,
}

/// The article's headline, cleaned of site decoration, if the page has one worth taking over
/// `meta_title` (the cleaned `og:title`/`<title>`, when there is one).
pub fn find(doc: &Document, meta_title: Option<&str>, sites: &SiteNames) -> Option<String> {
    let meta_words = meta_title.map(words);
    let mut headings: Vec<Heading> = doc
        .select("h1")
        .nodes()
        .iter()
        .take(MAX_HEADINGS)
        .filter_map(|node| heading(node, sites))
        .map(|(text, place)| {
            let overlap = overlap(&text, meta_title, meta_words.as_ref());
            let cover = cover(&text, meta_title);
            let exact = meta_title.is_some_and(|m| {
                let squashed = squash(&text);
                !squashed.is_empty() && squashed == squash(m)
            });
            Heading {
                text,
                place,
                overlap,
                cover,
                exact,
            }
        })
        .collect();
    headings.sort_by(|a, b| score(b).total_cmp(&score(a)));
    let shown_lower = meta_title.is_some_and(|m| shown_before_h1(doc, m));
    headings
        .into_iter()
        .filter(|h| !shown_lower || h.exact || h.overlap >= SAME_TITLE)
        .find(|h| accepts(h, meta_title.is_some(), sites))
        .map(|h| h.text)
}

/// True when an `h2`–`h4` before every `h1` shows the meta title word for word: the page
/// styles its headline with a lower level, and an `h1` unlike it is a section's heading.
fn shown_before_h1(doc: &Document, meta_title: &str) -> bool {
    let meta = squash(meta_title);
    if meta.is_empty() {
        return false;
    }
    doc.select("h1, h2, h3, h4")
        .nodes()
        .iter()
        .take(MAX_HEADINGS)
        .take_while(|h| !h.node_name().is_some_and(|n| n.eq_ignore_ascii_case("h1")))
        .any(|h| squash(&visible_text(h)) == meta)
}

/// The cleaned text of a visible heading outside the page's furniture, and its place.
fn heading(node: &NodeRef, sites: &SiteNames) -> Option<(String, Place)> {
    let place = place_of(node)?;
    let raw = visible_text(node);
    if raw.chars().count() > MAX_HEADLINE_CHARS {
        return None;
    }
    clean_with(&raw, sites).map(|text| (text, place))
}

/// The heading's place, or `None` when it sits in navigation, a link, a logo, a dialog, a
/// footer, an aside or a hidden block.
fn place_of(node: &NodeRef) -> Option<Place> {
    let mut place = Place {
        titled: is_titled(node),
        ..Place::default()
    };
    let mut in_header = false;
    let ancestors = std::iter::once(*node).chain(node.ancestors_it(Some(MAX_DEPTH)));
    for (depth, el) in ancestors.filter(NodeRef::is_element).enumerate() {
        if is_furniture(&el) || (depth < CLASS_DEPTH && has_furniture_class(&el)) {
            return None;
        }
        let name = el.node_name().unwrap_or_default();
        match &*name {
            "header" => in_header = true,
            "article" | "main" => place.in_article = true,
            _ if el.attr("role").is_some_and(|r| &*r == "main") => place.in_article = true,
            _ => {}
        }
    }
    place.in_site_header = in_header && !place.in_article;
    Some(place)
}

/// Elements whose headings are never the article's: menus, links, dialogs, footers,
/// asides and hidden blocks.
fn is_furniture(el: &NodeRef) -> bool {
    let name = el.node_name().unwrap_or_default();
    let tag = matches!(
        &*name,
        "nav" | "footer" | "aside" | "a" | "button" | "dialog" | "template" | "noscript"
    );
    let role = el.attr("role").is_some_and(|r| {
        matches!(
            &*r,
            "navigation" | "dialog" | "contentinfo" | "complementary"
        )
    });
    tag || role || is_hidden(el)
}

/// Hidden by attribute or inline style (at any depth: a hidden block hides its headings).
fn is_hidden(el: &NodeRef) -> bool {
    let style_hidden = el.attr("style").is_some_and(|s| {
        let s = s.to_ascii_lowercase().replace(' ', "");
        s.contains("display:none") || s.contains("visibility:hidden")
    });
    el.has_attr("hidden") || el.attr("aria-hidden").is_some_and(|v| &*v == "true") || style_hidden
}

/// A near wrapper named for a logo, a share bar, a pop-up or a newsletter box, or hidden by
/// its class (`<body>` and `<html>` aside: their classes describe the whole page).
fn has_furniture_class(el: &NodeRef) -> bool {
    let name = el.node_name().unwrap_or_default();
    !matches!(&*name, "body" | "html")
        && (has_class_part(el, FURNITURE_CLASSES) || has_hidden_class(el))
}

/// A class saying the element is hidden or for screen readers only.
fn has_hidden_class(el: &NodeRef) -> bool {
    class_tokens(el).any(|t| {
        (t.contains("hidden") && !t.contains("overflow"))
            || t.contains("sr-only")
            || t.contains("screen-reader")
    })
}

/// The heading names itself a title: `itemprop=headline`, or a class or id with "title" or
/// "headline" in it.
fn is_titled(node: &NodeRef) -> bool {
    node.attr("itemprop").is_some_and(|p| &*p == "headline")
        || has_class_part(node, &["title", "headline"])
}

/// True when a class token or the id of `el` contains one of `parts`.
fn has_class_part(el: &NodeRef, parts: &[&str]) -> bool {
    let id = el.attr("id").map(|i| i.to_ascii_lowercase());
    class_tokens(el)
        .chain(id)
        .any(|t| parts.iter().any(|p| t.contains(p)))
}

fn class_tokens(el: &NodeRef) -> impl Iterator<Item = String> {
    let class = el.attr("class").map(|c| c.to_ascii_lowercase());
    let tokens: Vec<String> = class
        .iter()
        .flat_map(|c| c.split_whitespace().map(str::to_string))
        .collect();
    tokens.into_iter()
}

/// Ranking of candidates: likeness to the meta title first (the meta title shown word for
/// word beats a heading that shares most of its words), then place.
fn score(heading: &Heading) -> f32 {
    let place = heading.place;
    let mut score = 3.0 * heading.overlap;
    if heading.exact {
        score += 1.5;
    }
    if place.in_article {
        score += 1.0;
    }
    if place.titled {
        score += 0.5;
    }
    if place.in_site_header {
        score -= 1.5;
    }
    score
}

/// Whether the best remaining heading is the article's headline.
fn accepts(heading: &Heading, has_meta: bool, sites: &SiteNames) -> bool {
    let similar = heading.overlap >= SAME_TITLE && heading.cover >= MIN_COVER;
    if sites.is_site(&heading.text) || (sites.mentions_site(&heading.text) && !similar) {
        return false;
    }
    if !has_meta || similar {
        return true;
    }
    reads_as_headline(&heading.text) && !heading.place.in_site_header
}

/// Long enough to be a headline of its own rather than a section or site name: a few words,
/// or in a script written without spaces, a few letters.
fn reads_as_headline(text: &str) -> bool {
    let words = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count();
    let unspaced = text.chars().filter(|c| is_unspaced_script(*c)).count();
    (MIN_OWN_WORDS..=MAX_OWN_WORDS).contains(&words) || (words < 2 && unspaced >= MIN_OWN_CHARS)
}

/// A letter of a script written without spaces between words (Chinese, Japanese, Thai, …).
fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Share of the heading's words found in the meta title (1 when the squashed title holds
/// the squashed heading whole, as in scripts written without spaces).
fn overlap(text: &str, meta: Option<&str>, meta_words: Option<&HashSet<String>>) -> f32 {
    let (Some(meta), Some(meta_words)) = (meta, meta_words) else {
        return 0.0;
    };
    let squashed = squash(text);
    if !squashed.is_empty() && squash(meta).contains(&squashed) {
        return 1.0;
    }
    let own = words(text);
    if own.is_empty() {
        return 0.0;
    }
    let shared = own.iter().filter(|w| meta_words.contains(*w)).count();
    shared as f32 / own.len() as f32
}

/// Length of the heading against the meta title's, in letters and digits (1 without one).
fn cover(text: &str, meta: Option<&str>) -> f32 {
    let meta_len = meta.map_or(0, |m| squash(m).chars().count());
    if meta_len == 0 {
        return 1.0;
    }
    squash(text).chars().count() as f32 / meta_len as f32
}

/// Lower-cased words (runs of letters and digits).
fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}
