//! Dates the page states in machine-readable form: JSON-LD, `<meta>` tags (every known name,
//! published and modified) and `"datePublished": "…"`-style keys inside other scripts or
//! inside a `<meta>` whose content is JSON; failing those, `createdAt` times in scripts when
//! several agree on one day.
//!
//! Returns [`Candidate`]s in the order of trust (JSON-LD, then `<meta>` names in the order of
//! `PUBLISHED_KEYS`, then inline JSON); never decides between them (see [`super::rank`]).

use super::candidate::{Candidate, Role, Source};
use crate::html::metadata::Page;
use regex::Regex;
use std::sync::LazyLock;

/// `<meta>` keys (`name`, `property`, `itemprop`, lower-cased) that carry a publication date,
/// best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "datecreated",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_date",
    "published-date",
    "published_time",
    "published",
    "publication_date",
    "publication-date",
    "article_published_time",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date.issued",
    "dc.date.created",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "dcterms.date",
    "date",
    "creation_date",
    "release_date",
];

/// Keys of [`PUBLISHED_KEYS`] that name a date without saying which (see
/// [`Source::MetaDate`]).
const GENERIC_KEYS: &[&str] = &["dc.date", "dcterms.date", "date"];

/// `<meta>` keys that carry a modification date.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
];

/// A published-date key and its string value inside a non-JSON-LD script.
static INLINE_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\\?"(?:datePublished|publishDate|publishedDate|firstPublishDate|firstPublishedDate|published_at|publish_date|publishedAt|pubDate|dateCreated)\\?"\s*:\s*\\?"([^"\\]{8,40})\\?""#,
    )
    .expect("valid regex")
});

/// A creation-time key (`createdAt`, `created_at`) and its string value inside a
/// non-JSON-LD script: any object's (an image's, a user's, a block's) as often as the page's.
static CREATED_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"\\?"(?:createdAt|created_at)\\?"\s*:\s*\\?"([^"\\]{8,40})\\?""#)
        .expect("valid regex")
});

/// Creation times that must agree on one day before it counts as the page's …
const CREATED_AGREE: usize = 3;
/// … of the first this many read.
const CREATED_MAX: usize = 64;

/// Bytes of script text read for inline JSON per page.
const INLINE_BUDGET: usize = 600_000;

/// JSON-LD and `<meta>` candidates, published first.
pub fn candidates(page: &Page) -> Vec<Candidate> {
    let mut found = Vec::new();
    let ld = page.ld;
    let ld_source = if ld.date_of_article {
        Source::JsonLd
    } else {
        Source::JsonLdPage
    };
    let ld_dates = [
        (&ld.date_published, Role::Published),
        (&ld.date_modified, Role::Modified),
    ];
    for (value, role) in ld_dates {
        found.extend(
            value
                .as_deref()
                .and_then(|v| Candidate::parse(v, ld_source, role)),
        );
    }
    let keyed = [
        (PUBLISHED_KEYS, Role::Published),
        (MODIFIED_KEYS, Role::Modified),
    ];
    for (keys, role) in keyed {
        found.extend(keys.iter().filter_map(|k| {
            let value = page.metas.get(*k)?;
            let source = if GENERIC_KEYS.contains(k) {
                Source::MetaDate
            } else {
                Source::Meta
            };
            Candidate::parse(value, source, role)
        }));
    }
    found
}

/// The first published date written as a JSON key inside a script that is not JSON-LD, else
/// inside a `<meta>` whose content is JSON (a JSON-LD object stored in a `<meta>`), else the
/// day of the scripts' creation times when at least [`CREATED_AGREE`] of them are all on it
/// (the blocks of one document saved together; creation times on several days are other
/// objects': images, users, related items).
pub fn inline_json(page: &Page) -> Option<Candidate> {
    let (published, created) = in_scripts(page);
    published.or_else(|| {
        page.doc
            .select(JSON_META)
            .nodes()
            .iter()
            .filter_map(|n| n.attr("content"))
            .find_map(|content| {
                INLINE_KEY
                    .captures_iter(&content)
                    .find_map(|c| Candidate::parse(&c[1], Source::InlineJson, Role::Published))
            })
            .or_else(|| created_together(created))
    })
}

/// The one day of the creation times read, when enough of them agree and none differs.
fn created_together(created: Vec<Candidate>) -> Option<Candidate> {
    let first = created.first()?;
    (created.len() >= CREATED_AGREE && created.iter().all(|c| c.day == first.day))
        .then(|| first.clone())
}

/// `<meta>` elements whose content holds a JSON key.
const JSON_META: &str = "meta[content*='\":']";

/// The first published date in the scripts, and the first [`CREATED_MAX`] creation times
/// read before it.
fn in_scripts(page: &Page) -> (Option<Candidate>, Vec<Candidate>) {
    let mut budget = INLINE_BUDGET;
    let mut created = Vec::new();
    for node in page.doc.select("script:not([type*=\"ld+json\"])").nodes() {
        if budget == 0 {
            break;
        }
        let text = node.text();
        let end = floor_boundary(&text, budget.min(text.len()));
        budget -= end;
        let found = INLINE_KEY
            .captures_iter(&text[..end])
            .find_map(|c| Candidate::parse(&c[1], Source::InlineJson, Role::Published));
        if found.is_some() {
            return (found, created);
        }
        if created.len() < CREATED_MAX && text[..end].contains("reated") {
            created.extend(
                CREATED_KEY
                    .captures_iter(&text[..end])
                    .filter_map(|c| Candidate::parse(&c[1], Source::InlineJson, Role::Published))
                    .take(CREATED_MAX - created.len()),
            );
        }
    }
    (None, created)
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
