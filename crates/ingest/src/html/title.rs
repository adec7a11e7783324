//! Page titles → headlines: drops a trailing (or leading) site-name segment such as
//! " | The Daily Example" or "Example News - ".
//!
//! A segment after a strong separator (`|`, `::`, `«`, `»`, `·`) goes when it is short; after a
//! dash only when it names the outlet or looks like a site name (a domain, or a few
//! capitalised words), since headlines use dashes themselves.

use super::metadata::{first_text, Page};

/// The page's headline.
pub fn pick(page: &Page) -> Option<String> {
    let Page {
        doc,
        metas,
        ld,
        outlet,
        ..
    } = *page;
    let raw = metas
        .get("og:title")
        .cloned()
        .or_else(|| ld.headline.clone())
        .or_else(|| first_text(doc, "head title"))
        .or_else(|| first_text(doc, "h1"))?;
    clean_title(&raw, outlet)
}

/// Separators that almost always set a site name apart.
const STRONG: &[&str] = &[" | ", " :: ", " « ", " » ", " · ", " // "];
/// Separators that headlines use too.
const DASHES: &[&str] = &[" - ", " – ", " — "];
/// A site-name segment has at most this many words.
const MAX_SITE_WORDS: usize = 5;

/// Cleans a raw title: whitespace collapsed, site-name segments removed; `None` when empty.
pub fn clean_title(raw: &str, outlet: Option<&str>) -> Option<String> {
    let mut title = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    while let Some(shorter) = strip_once(&title, outlet) {
        title = shorter;
    }
    (!title.is_empty()).then_some(title)
}

/// Removes one site-name segment from the end (or the start), if there is one.
fn strip_once(title: &str, outlet: Option<&str>) -> Option<String> {
    for sep in STRONG.iter().chain(DASHES) {
        let strong = STRONG.contains(sep);
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if is_site_segment(tail, head, strong, outlet) {
                return Some(head.trim().to_string());
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if names_outlet(head, outlet) && word_count(tail) > word_count(head) {
                return Some(tail.trim().to_string());
            }
        }
    }
    None
}

fn is_site_segment(segment: &str, rest: &str, strong: bool, outlet: Option<&str>) -> bool {
    if names_outlet(segment, outlet) {
        return true;
    }
    let short = word_count(segment) <= MAX_SITE_WORDS && word_count(rest) >= word_count(segment);
    short && (strong || looks_like_site(segment))
}

/// True when `segment` equals the outlet name (case-insensitively, ignoring spaces).
fn names_outlet(segment: &str, outlet: Option<&str>) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    outlet.is_some_and(|o| !squash(o).is_empty() && squash(o) == squash(segment))
}

/// A domain ("example.com") or up to three capitalised words ("The Daily Example").
fn looks_like_site(segment: &str) -> bool {
    let words: Vec<&str> = segment.split_whitespace().collect();
    let domain = words.len() == 1 && segment.contains('.') && !segment.ends_with('.');
    let capitalised = words.len() <= 3
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        });
    domain || capitalised
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}
