//! The publication date of a page (`YYYY-MM-DD`) and its time of day (RFC 3339), from the
//! page's own statements: JSON-LD `datePublished`, date `<meta>` names, `<time datetime>`, a
//! `/YYYY/MM/DD/` URL path. A page that states no date gives `None`: nothing is guessed. Reads
//! the DOM only.

use super::metadata::Page;
use crate::meta::date::parse_date;
use crate::meta::timestamp::parse_timestamp;
use dom_query::Document;

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

/// The publication date (`YYYY-MM-DD`) and, where a source gives a time of day with an
/// offset, the publication time (RFC 3339).
pub fn pick(page: &Page) -> (Option<String>, Option<String>) {
    (pick_date(page), pick_published(page))
}

fn pick_date(page: &Page) -> Option<String> {
    let Page {
        doc,
        metas,
        ld,
        url,
        ..
    } = *page;
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
fn pick_published(page: &Page) -> Option<String> {
    let Page { doc, metas, ld, .. } = *page;
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
