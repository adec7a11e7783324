//! The publication date of a page (`YYYY-MM-DD`) and its time of day (RFC 3339), chosen among
//! every date the page states ([`candidate::Candidate`]s, each with its source): structured
//! data ([`structured`]: JSON-LD, `<meta>`, inline JSON), what the reader sees near the
//! headline ([`visible`]: `<time>`, date-named elements, text in several languages), and the
//! URL path ([`url`]); as a last resort, a date labelled `Published …` anywhere on the page
//! ([`visible::labelled_anywhere`]). A page with no structured publication date that says
//! it was originally published on a day anywhere ([`visible::originally_published`]) gets
//! that day. [`rank`] prefers a published date over a modified one, drops
//! implausible dates and takes the page's own day where a UTC timestamp disagrees with it.
//! A date that schedules something ([`scheduled`]: an event's, an offer's, a deadline) is
//! no candidate. A page that states no date gives `None`: nothing is guessed. Reads the DOM
//! only.

pub mod candidate;
pub mod rank;
pub mod scheduled;
pub mod structured;
pub mod url;
pub mod visible;

#[cfg(test)]
mod tests;

pub use url::url_path_date;

use super::metadata::{first_text, Page};
use rank::Found;
use std::cell::OnceCell;

/// The publication date (`YYYY-MM-DD`) and, where a source gives a time of day with an
/// offset, the publication time (RFC 3339).
/// `title` is the page's headline as already picked; with the JSON-LD headline, `og:title`
/// and `<title>` it helps find the headline element that anchors the visible dates.
pub fn pick(page: &Page, title: Option<&str>) -> (Option<String>, Option<String>) {
    let tag = first_text(page.doc, "title");
    let titles: Vec<&str> = [
        page.ld.headline.as_deref(),
        page.metas.get("og:title").map(String::as_str),
        title,
        tag.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let seen = visible::read(page.doc, &titles);
    let mut found = Found {
        structured: structured::candidates(page),
        microdata: seen.microdata,
        near: seen.near,
        inline: structured::inline_json(page).into_iter().collect(),
        url: page.url.and_then(url::url_candidate).into_iter().collect(),
        anywhere: Vec::new(),
        original: Vec::new(),
        published_month: seen.published_month.clone(),
    };
    // The whole page's text is read only where needed: a page without a structured
    // publication date, or with no date at all.
    let text = OnceCell::new();
    let page_text = || text.get_or_init(|| visible::page_text(page.doc)).as_str();
    if !rank::states_published(&found) {
        found.original = visible::originally_published(page_text())
            .into_iter()
            .collect();
    }
    let today = rank::today();
    match rank::choose(found, today) {
        (None, _) => {
            let last = Found {
                anywhere: visible::labelled_anywhere(page_text())
                    .into_iter()
                    .collect(),
                published_month: seen.published_month,
                ..Found::default()
            };
            rank::choose(last, today)
        }
        chosen => chosen,
    }
}
