//! Metadata from the last lines of a text: an `Original url:` label followed by a URL line
//! (`<https://…>` in markdown), or a labelled URL line (`Source: https://…`).
//!
//! Such a URL becomes the document's URL unless the header already gave one; either way its
//! lines leave the body with reason `meta-url`. A bare URL ending the text without a label says
//! nothing about whose URL it is: it leaves the body as a `link` but is not taken as metadata.

use super::header::url_line;
use super::Doc;
use crate::Extracted;
use regex::Regex;
use std::sync::LazyLock;

static LABEL_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:original\s+(?:url|link|article|story)|url|link|source|canonical(?:\s+url)?|originally published (?:at|on)|read (?:the )?(?:original|full) (?:article|story)(?: (?:at|here))?)\s*:?$",
    )
    .expect("valid regex")
});

/// Reads a URL footer at the end of `doc` into `ex`.
pub(crate) fn read(doc: &mut Doc, ex: &mut Extracted) {
    let live: Vec<usize> = doc.live().collect();
    let Some((&last, before)) = live.split_last() else {
        return;
    };
    let Some(url) = url_line(&doc.lines[last].text) else {
        return;
    };
    let bare = doc.lines[last].text.trim_matches(['<', '>']) == url;
    let label = before
        .last()
        .copied()
        .filter(|&i| LABEL_ONLY.is_match(&doc.lines[i].text));
    if bare && label.is_none() {
        return doc.remove(last, "link");
    }
    if let Some(i) = label {
        doc.remove(i, "meta-url");
    }
    doc.remove(last, "meta-url");
    ex.url.get_or_insert(url);
}
