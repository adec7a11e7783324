//! Page metadata from the `<head>` and a few body elements: title, date, url, byline, outlet
//! and declared language, each taken from the most reliable source that has it.
//!
//! Sources, best first — title: the article's own `<h1>`, else `og:title`, JSON-LD
//! headline, `twitter:title`, `<title>`, each without site decoration (see [`title`]); date: JSON-LD `datePublished`, `article:published_time`,
//! date `<meta>` names, dates shown near the headline, inline JSON, a `/YYYY/MM/DD/` URL path,
//! a `Published …` label anywhere (see [`dates`]); url: canonical link,
//! `og:url`, JSON-LD url; byline: JSON-LD authors, `meta[name=author]`, `article:author`,
//! `rel=author`; outlet: `og:site_name`, JSON-LD publisher; publication time: the first of
//! the date's sources (URL path aside) that holds a date-time with an offset. A field stays
//! `None` when no source gives it: nothing is guessed. Reads the DOM only, never mutates it.

use super::authors::{self, is_name};
use super::jsonld::{self, LdArticle};
use super::{dates, title};
use dom_query::Document;
use std::collections::HashMap;

/// Metadata read from one page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageMeta {
    /// Headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Publication time, RFC 3339, from the first date source that gives one (its day may
    /// still differ from `date`: assembly checks).
    pub published: Option<String>,
    /// Canonical URL as the page states it.
    pub url: Option<String>,
    /// Author name(s) as one string.
    pub byline: Option<String>,
    /// The persons, each once.
    pub authors: Vec<String>,
    /// An organisation credited.
    pub credit: Option<String>,
    /// Site name.
    pub outlet: Option<String>,
    /// `<html lang>` (or `content-language`).
    pub lang: Option<String>,
}

/// What every field's picker reads: the DOM, its `<meta>` map, its JSON-LD article, and the
/// url and outlet already picked.
#[derive(Clone, Copy)]
pub struct Page<'a> {
    /// The parsed page.
    pub doc: &'a Document,
    /// First `content` of each `<meta>` key (see `meta_map`).
    pub metas: &'a HashMap<String, String>,
    /// The JSON-LD article.
    pub ld: &'a LdArticle,
    /// The page's URL as it states it.
    pub url: Option<&'a str>,
    /// The outlet's name as the page states it.
    pub outlet: Option<&'a str>,
}

/// Reads all metadata fields of `doc`.
pub fn read(doc: &Document) -> PageMeta {
    let metas = meta_map(doc);
    let ld = jsonld::read(doc);
    let outlet = pick_outlet(&metas, &ld);
    let url = pick_url(doc, &metas, &ld);
    let page = Page {
        doc,
        metas: &metas,
        ld: &ld,
        url: url.as_deref(),
        outlet: outlet.as_deref(),
    };
    let title = title::pick(&page);
    let (date, published) = dates::pick(&page, title.as_deref());
    let authors = authors::pick(&page);
    PageMeta {
        title,
        date,
        published,
        byline: authors.byline,
        authors: authors.persons,
        credit: authors.credit,
        lang: pick_lang(doc, &metas),
        url,
        outlet,
    }
}

/// HTTP headers a saved page may repeat as `<meta http-equiv>` that tell when the copy was
/// served or goes stale (the crawl), never when the article was written: not read, so that
/// `http-equiv="date"` is not taken for `name="date"`.
const SERVED_HEADERS: &[&str] = &["date", "expires"];

/// First non-empty `content` of every `<meta>` key, keyed by lower-cased name/property/itemprop
/// (and http-equiv, the served-time headers aside).
fn meta_map(doc: &Document) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for node in doc.select("meta[content]").nodes() {
        let Some(content) = node.attr("content").and_then(|c| collapse(&c)) else {
            continue;
        };
        for key_attr in ["property", "name", "itemprop", "http-equiv"] {
            let Some(key) = node.attr(key_attr) else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            if key_attr == "http-equiv" && SERVED_HEADERS.contains(&key.as_str()) {
                continue;
            }
            map.entry(key).or_insert_with(|| content.clone());
        }
    }
    map
}

fn pick_url(doc: &Document, metas: &HashMap<String, String>, ld: &LdArticle) -> Option<String> {
    let canonical = doc
        .select("link[rel~=canonical][href]")
        .nodes()
        .first()
        .and_then(|n| n.attr("href"))
        .map(|h| h.trim().to_string());
    [canonical, metas.get("og:url").cloned(), ld.url.clone()]
        .into_iter()
        .flatten()
        .find(|u| is_absolute_http(u))
}

pub(super) fn is_absolute_http(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// `og:site_name`, else the JSON-LD publisher; a URL is no name, and of "Name | tagline"
/// only the name is kept.
fn pick_outlet(metas: &HashMap<String, String>, ld: &LdArticle) -> Option<String> {
    [metas.get("og:site_name"), ld.publisher.as_ref()]
        .into_iter()
        .flatten()
        .find(|name| is_name(name))
        .and_then(|name| collapse(name.split(" | ").next().unwrap_or(name)))
}

fn pick_lang(doc: &Document, metas: &HashMap<String, String>) -> Option<String> {
    doc.select("html[lang]")
        .nodes()
        .first()
        .and_then(|n| n.attr("lang"))
        .and_then(|l| collapse(&l))
        .or_else(|| metas.get("content-language").cloned())
}

/// Collapsed text of the first element matching `selector`, if not empty.
pub(super) fn first_text(doc: &Document, selector: &str) -> Option<String> {
    let selection = doc.select(selector);
    let node = selection.nodes().first()?;
    collapse(&node.text())
}

/// Collapses whitespace; `None` when nothing is left.
pub(super) fn collapse(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}
