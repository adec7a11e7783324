//! Who wrote a page: the persons named as its authors (JSON-LD `author`, author `<meta>`
//! names, `rel=author` links) and an organisation credited. Reads the DOM only.

use super::metadata::{collapse, first_text, is_absolute_http, Page};

/// Who wrote a page: the persons, and an organisation credited.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Authors {
    /// The persons as one string.
    pub byline: Option<String>,
    /// The persons, each once (empty: split from `byline` at assembly).
    pub persons: Vec<String>,
    /// An organisation credited (wire agency, desk).
    pub credit: Option<String>,
}

/// The authors of a page.
pub fn pick(page: &Page) -> Authors {
    Authors {
        byline: pick_byline(page),
        ..Authors::default()
    }
}

fn pick_byline(page: &Page) -> Option<String> {
    let Page { doc, metas, ld, .. } = *page;
    let from_ld = join_names(&ld.authors);
    let from_meta = [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
    ]
    .iter()
    .find_map(|k| metas.get(*k).filter(|v| is_name(v)).cloned());
    from_ld
        .or(from_meta)
        .or_else(|| first_text(doc, "a[rel~=author]"))
        .and_then(|b| clean_byline(&b))
}

/// A byline value that is a name, not a URL or a handle.
pub(super) fn is_name(value: &str) -> bool {
    !is_absolute_http(value) && !value.starts_with("www.") && !value.starts_with('@')
}

/// Joins names as "A", "A and B", "A, B and C", dropping URLs and repeats.
fn join_names(names: &[String]) -> Option<String> {
    let mut unique: Vec<&str> = Vec::new();
    for name in names.iter().filter(|n| is_name(n)) {
        if !unique.contains(&name.as_str()) {
            unique.push(name);
        }
    }
    match unique.split_last() {
        None => None,
        Some((last, [])) => Some(last.to_string()),
        Some((last, rest)) => Some(format!("{} and {last}", rest.join(", "))),
    }
}

/// Strips a leading "By " and surrounding punctuation from a byline.
fn clean_byline(byline: &str) -> Option<String> {
    let trimmed = byline
        .trim()
        .trim_matches(|c: char| c == ',' || c == '|' || c == '-');
    let without_by = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
        .unwrap_or(trimmed);
    collapse(without_by)
}
