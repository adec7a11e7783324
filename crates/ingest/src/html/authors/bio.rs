//! The author named only by a bio box: a heading or a portrait naming a person, and right
//! after it a paragraph that opens "<that name> is the founder of …" / "… was a travel
//! writer …" (a job title within its first words). Read only when neither the markup nor
//! a byline names anyone; a page introducing several persons this way (a list of people it
//! is about), or one without a job title, names no author this way.

use super::shown::{in_skipped_region, preceding};
use crate::meta::people::{classify, is_role_word, Named, SiteNames};
use dom_query::{Document, NodeRef};
use regex::Regex;
use std::sync::LazyLock;

/// A paragraph opening with a name and "is"/"was"; group 1 = the name.
static BIO_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3})\s+(?:is|was)\s+")
        .expect("valid regex")
});

/// Paragraphs looked at per page.
const MAX_PARAGRAPHS: usize = 400;
/// Words of the bio's opening searched for a job title.
const ROLE_WITHIN: usize = 12;
/// Sibling or ancestor steps taken back from the paragraph to its heading or portrait.
const MAX_STEPS_BACK: usize = 8;

/// The one person a bio box on the page introduces, if exactly one does.
pub fn author(doc: &Document, site: &SiteNames) -> Option<String> {
    let mut found: Option<(String, bool)> = None;
    for p in doc.select("body p").nodes().iter().take(MAX_PARAGRAPHS) {
        let Some((name, titled)) = bio_name(p, site) else {
            continue;
        };
        match &found {
            Some((other, _)) if !other.eq_ignore_ascii_case(&name) => return None,
            _ => found = Some((name, titled)),
        }
    }
    found.filter(|(_, titled)| *titled).map(|(name, _)| name)
}

/// The person a paragraph introduces when it opens under its own heading or portrait, and
/// whether it gives them a job title (a bio; without one, a person the page is about).
fn bio_name(p: &NodeRef, site: &SiteNames) -> Option<(String, bool)> {
    let text = p.text();
    let caps = BIO_OPENING.captures(&text)?;
    let name = caps.get(1)?.as_str();
    if site.is_site(name) {
        return None;
    }
    let Named::Person(person) = classify(name) else {
        return None;
    };
    if person != name || !headed_by(p, name) || in_skipped_region(p) {
        return None;
    }
    let rest = &text[caps.get(0)?.end()..];
    let titled = rest.split_whitespace().take(ROLE_WITHIN).any(is_role_word);
    Some((person, titled))
}

/// True when the text shown right before `p`, or a portrait's `alt` on the way back to it,
/// is `name` (in any case).
fn headed_by(p: &NodeRef, name: &str) -> bool {
    for prev in preceding(p, MAX_STEPS_BACK) {
        if let Some(alt) = portrait_alt(&prev) {
            if alt.trim().eq_ignore_ascii_case(name) {
                return true;
            }
        }
        let text = prev.text();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            continue;
        }
        return text.eq_ignore_ascii_case(name);
    }
    false
}

/// The `alt` of an image that is `node` or inside it.
fn portrait_alt(node: &NodeRef) -> Option<String> {
    if !node.is_element() {
        return None;
    }
    if node.node_name().is_some_and(|n| &*n == "img") {
        return node.attr("alt").map(|a| a.to_string());
    }
    let img = dom_query::Selection::from(*node).select_single("img[alt]");
    let img = img.nodes().first()?;
    img.attr("alt").map(|a| a.to_string())
}

#[cfg(test)]
mod tests {
    use crate::html::metadata;
    use dom_query::Document;

    fn byline(body: &str) -> Option<String> {
        let html = format!("<html><head></head><body><h1>Ferry guide</h1><p>Text of the guide.</p>{body}</body></html>");
        metadata::read(&Document::from(html.as_str())).byline
    }

    #[test]
    fn a_bio_box_under_the_author_s_name_names_the_author() {
        let bio = "<div class='box'><img alt='Jane Roe' src='j.jpg'><h3>Jane Roe</h3>\
            <p>Jane Roe is the founder of a ferry blog and a travel writer.</p></div>";
        assert_eq!(byline(bio).as_deref(), Some("Jane Roe"));
        let portrait = "<p><img alt='Jane Roe' src='j.jpg'></p>\
            <p>Jane Roe is a freelance travel writer.</p>";
        assert_eq!(byline(portrait).as_deref(), Some("Jane Roe"));
    }

    #[test]
    fn people_the_page_is_about_are_no_authors() {
        let list = "<h3>Jane Roe</h3><p>Jane Roe is the founder of a ferry line.</p>\
            <h3>Bo Park</h3><p>Bo Park is the captain of its ship.</p>";
        assert_eq!(byline(list), None);
        let no_role = "<h3>Jane Roe</h3><p>Jane Roe is happy with the new pier.</p>";
        assert_eq!(byline(no_role), None);
        let no_heading = "<p>Jane Roe is the founder of a ferry line.</p>";
        assert_eq!(byline(no_heading), None);
    }
}
