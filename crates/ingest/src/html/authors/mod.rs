//! Who wrote a page: the persons named as its authors and an organisation credited. Reads the
//! DOM only, never mutates it; names are cleaned and judged by [`crate::meta::people`].
//!
//! Two sources: what the markup declares (`declared`: JSON-LD authors, every author
//! `<meta>`) and what the page shows (`shown`: "By …" bylines, byline and author elements,
//! microdata, `rel=author` links). The declared persons win unless the page shows other
//! persons only (a CMS default author, in `<meta>` or JSON-LD, never beats the visible
//! writer), or they are only the site's own name. A page naming no one either way may
//! still introduce its author in a bio box (`bio`). Organisations, teams,
//! handles and the site's own names are never persons; an agency or desk goes to `credit`.

mod bio;
mod declared;
mod shown;

use super::metadata::{is_absolute_http, Page};
use crate::meta::people::{Credits, SiteNames};
use crate::meta::url::host_of;
use declared::Declared;
use shown::Shown;

/// Who wrote a page: the persons, and an organisation credited.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Authors {
    /// The persons as one string ("A, B and C"); `None` when no person is named.
    pub byline: Option<String>,
    /// The persons, each once, in order.
    pub persons: Vec<String>,
    /// An organisation credited (wire agency, desk).
    pub credit: Option<String>,
}

/// The authors of a page.
pub fn pick(page: &Page) -> Authors {
    let site = site_names(page);
    let declared = declared::credits(page, &site);
    let shown = shown::credits(page.doc, &site);
    let credit = best_credit(&declared.credits, &shown.credits);
    let mut persons = choose(declared, shown, page, &site).persons;
    if persons.is_empty() {
        persons.extend(bio::author(page.doc, &site));
    }
    Authors {
        byline: crate::meta::people::join_names(&persons),
        persons,
        credit,
    }
}

/// The declared persons, unless there are none, or a byline shows other persons and the
/// page never shows the declared ones in its text (a CMS default author, whether in an
/// author `<meta>` or in JSON-LD), or the declared persons are only the site's own name
/// (a shop or charity naming itself the author) while the page shows a person.
fn choose(declared: Declared, shown: Shown, page: &Page, site: &SiteNames) -> Credits {
    let other_shown =
        !shown.credits.persons.is_empty() && !overlap(&declared.credits, &shown.credits);
    let only_site = declared.credits.persons.iter().all(|p| site.is_site(p));
    let overruled =
        other_shown && (only_site || !shown::mentions(page.doc, &declared.credits.persons));
    if declared.credits.persons.is_empty() || overruled {
        shown.credits
    } else {
        declared.credits
    }
}

/// True when the two share a person (one name's words within the other's).
fn overlap(a: &Credits, b: &Credits) -> bool {
    let words =
        |name: &str| -> Vec<String> { name.split_whitespace().map(str::to_lowercase).collect() };
    a.persons.iter().any(|p| {
        let pw = words(p);
        b.persons.iter().any(|q| {
            let qw = words(q);
            pw.iter().all(|w| qw.contains(w)) || qw.iter().all(|w| pw.contains(w))
        })
    })
}

fn best_credit(declared: &Credits, shown: &Credits) -> Option<String> {
    let mut merged = Credits {
        persons: Vec::new(),
        credit: declared.credit.clone(),
    };
    merged.absorb(Credits {
        persons: Vec::new(),
        credit: shown.credit.clone(),
    });
    merged.credit
}

/// The names the site goes by: outlet, `og:site_name`, JSON-LD publisher, application
/// name, and the label of the URL's host ("example" of `www.example.co.uk`).
fn site_names(page: &Page) -> SiteNames {
    let host = page.url.and_then(host_of);
    let label = host.as_deref().map(host_label);
    let metas = ["og:site_name", "application-name", "twitter:site"]
        .into_iter()
        .filter_map(|k| page.metas.get(k).map(String::as_str));
    SiteNames::new(
        [page.outlet, page.ld.publisher.as_deref(), label]
            .into_iter()
            .flatten()
            .chain(metas),
    )
}

/// The registrable label of a host: "www.news.example.co.uk" → "example".
fn host_label(host: &str) -> &str {
    let generic = |p: &&str| {
        matches!(
            *p,
            "co" | "com" | "org" | "net" | "gov" | "ac" | "edu" | "ne" | "or" | "go"
        )
    };
    host.split('.')
        .filter(|p| !p.is_empty())
        .rev()
        .skip(1)
        .find(|p| !generic(p))
        .unwrap_or(host)
}

/// A byline value that is a name, not a URL or a handle.
pub(super) fn is_name(value: &str) -> bool {
    !is_absolute_http(value) && !value.starts_with("www.") && !value.starts_with('@')
}

#[cfg(test)]
mod tests;
