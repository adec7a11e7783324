//! Page titles → the article's headline.
//!
//! Candidates: the article's own `<h1>` (`headline`), then `og:title`, the JSON-LD
//! `headline`, `twitter:title` and `<title>`, each cleaned of site and section decoration
//! (`clean`, with the site's names from `sites`) and of leftover entities
//! (`entities`). The `<h1>` wins when it is the meta title without decoration or when the
//! meta title is another (marketing) title and the `<h1>` reads as a headline; a heading that
//! is the site's name or a section name never does. Never returns the site's name alone;
//! `None` when the page has no title. Reads the DOM, never mutates it.

mod clean;
mod entities;
mod heading_text;
mod headline;
mod sites;
#[cfg(test)]
mod tests;

pub use clean::{clean_title, clean_with};
pub use sites::SiteNames;

use super::metadata::{first_text, Page};

/// `<meta>` keys holding a title, best first (the JSON-LD headline goes after the first).
const META_TITLE_KEYS: &[&str] = &["og:title", "twitter:title"];

/// The page's headline.
pub fn pick(page: &Page) -> Option<String> {
    let sites = SiteNames::of(page);
    let meta_title = meta_title(page, &sites);
    headline::find(page.doc, meta_title.as_deref(), &sites).or(meta_title)
}

/// The first meta title left after cleaning: `og:title`, JSON-LD `headline`,
/// `twitter:title`, `<title>`.
fn meta_title(page: &Page, sites: &SiteNames) -> Option<String> {
    let metas = page.metas;
    let og = metas.get(META_TITLE_KEYS[0]).cloned();
    let rest = META_TITLE_KEYS[1..].iter().map(|k| metas.get(*k).cloned());
    let tag = first_text(page.doc, "head title");
    [og, page.ld.headline.clone()]
        .into_iter()
        .chain(rest)
        .chain([tag])
        .flatten()
        .find_map(|raw| clean_with(&raw, sites))
}
