//! Page metadata from the `<head>` and a few body elements: title, date, url, byline, outlet
//! and declared language, each taken from the most reliable source that has it.
//!
//! Sources, best first — title: `og:title`, JSON-LD headline, `<title>` without its
//! " | Site" suffix, first `<h1>`; date: JSON-LD `datePublished`, `article:published_time`,
//! date `<meta>` names, `<time datetime>`, a `/YYYY/MM/DD/` URL path; url: canonical link,
//! `og:url`, JSON-LD url; byline: JSON-LD authors, `meta[name=author]`, `article:author`,
//! `rel=author`; outlet: `og:site_name`, JSON-LD publisher; publication time: the first of
//! the date's sources (URL path aside) that holds a date-time with an offset. A field stays
//! `None` when no source gives it: nothing is guessed. Reads the DOM only, never mutates it.

use super::jsonld::{self, LdArticle};
use super::title::clean_title;
use crate::meta::date::parse_date;
use crate::meta::timestamp::parse_timestamp;
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
    /// Author name(s).
    pub byline: Option<String>,
    /// Site name.
    pub outlet: Option<String>,
    /// `<html lang>` (or `content-language`).
    pub lang: Option<String>,
}

/// `<meta>` keys (`name`, `property`, `itemprop`, lower-cased) that carry a publication date.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
];

/// Reads all metadata fields of `doc`.
pub fn read(doc: &Document) -> PageMeta {
    let metas = meta_map(doc);
    let ld = jsonld::read(doc);
    let outlet = pick_outlet(&metas, &ld);
    let url = pick_url(doc, &metas, &ld);
    PageMeta {
        title: pick_title(doc, &metas, &ld, outlet.as_deref()),
        date: pick_date(doc, &metas, &ld, url.as_deref()),
        published: pick_published(doc, &metas, &ld),
        byline: pick_byline(doc, &metas, &ld),
        lang: pick_lang(doc, &metas),
        url,
        outlet,
    }
}

/// First non-empty `content` of every `<meta>` key, keyed by lower-cased name/property/itemprop.
fn meta_map(doc: &Document) -> HashMap<String, String> {
    let mut map = HashMap::new();
    for node in doc.select("meta[content]").nodes() {
        let Some(content) = node.attr("content").and_then(|c| collapse(&c)) else {
            continue;
        };
        for key_attr in ["property", "name", "itemprop", "http-equiv"] {
            if let Some(key) = node.attr(key_attr) {
                map.entry(key.trim().to_ascii_lowercase())
                    .or_insert_with(|| content.clone());
            }
        }
    }
    map
}

fn pick_title(
    doc: &Document,
    metas: &HashMap<String, String>,
    ld: &LdArticle,
    outlet: Option<&str>,
) -> Option<String> {
    let raw = metas
        .get("og:title")
        .cloned()
        .or_else(|| ld.headline.clone())
        .or_else(|| first_text(doc, "head title"))
        .or_else(|| first_text(doc, "h1"))?;
    clean_title(&raw, outlet)
}

fn pick_date(
    doc: &Document,
    metas: &HashMap<String, String>,
    ld: &LdArticle,
    url: Option<&str>,
) -> Option<String> {
    ld.date_published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| {
            DATE_KEYS
                .iter()
                .find_map(|k| metas.get(*k).and_then(|v| parse_date(v)))
        })
        .or_else(|| time_element(doc, parse_date))
        .or_else(|| url.and_then(url_path_date))
}

/// The first date-time with an offset among the date's sources, in [`pick_date`]'s order.
fn pick_published(
    doc: &Document,
    metas: &HashMap<String, String>,
    ld: &LdArticle,
) -> Option<String> {
    ld.date_published
        .as_deref()
        .and_then(parse_timestamp)
        .or_else(|| {
            DATE_KEYS
                .iter()
                .find_map(|k| metas.get(*k).and_then(|v| parse_timestamp(v)))
        })
        .or_else(|| time_element(doc, parse_timestamp))
}

/// The first `<time datetime>` that `parse` reads, preferring one marked as the publication
/// time.
fn time_element(doc: &Document, parse: fn(&str) -> Option<String>) -> Option<String> {
    let marked = "time[itemprop=datePublished][datetime], time[pubdate][datetime]";
    [marked, "time[datetime]"].iter().find_map(|sel| {
        doc.select(sel)
            .nodes()
            .iter()
            .find_map(|n| n.attr("datetime").and_then(|d| parse(&d)))
    })
}

/// A `/YYYY/MM/DD/` date in a URL path (a last resort: many sites put the date there).
pub fn url_path_date(url: &str) -> Option<String> {
    let parts: Vec<&str> = url.split('/').collect();
    parts.windows(3).find_map(|w| {
        let ok = w[0].len() == 4 && w[1].len() <= 2 && w[2].len() <= 2;
        let all_digits = w
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        (ok && all_digits)
            .then(|| format!("{}-{:0>2}-{:0>2}", w[0], w[1], w[2]))
            .and_then(|d| parse_date(&d))
    })
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

fn is_absolute_http(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn pick_byline(doc: &Document, metas: &HashMap<String, String>, ld: &LdArticle) -> Option<String> {
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
fn is_name(value: &str) -> bool {
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
fn first_text(doc: &Document, selector: &str) -> Option<String> {
    let selection = doc.select(selector);
    let node = selection.nodes().first()?;
    collapse(&node.text())
}

/// Collapses whitespace; `None` when nothing is left.
fn collapse(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}
