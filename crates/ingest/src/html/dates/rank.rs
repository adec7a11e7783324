//! Chooses the publication date among a page's [`Candidate`]s.
//!
//! Order: a published date from structured data (article JSON-LD, `<meta>`, microdata); else
//! the visible date nearest the headline (published-labelled first, a modified one last);
//! else inline JSON; else the URL path. A `WebPage`'s JSON-LD dates and modified-only
//! metadata never decide alone: pages that show no date carry them too. Implausible dates
//! (after tomorrow, before [`WEB_START`] where only the page's text or URL says so) are
//! dropped. When a UTC timestamp's day is one off the day the page shows near the headline,
//! the shown day wins. The publication time is kept only from a candidate of the chosen day.

use super::candidate::{Candidate, Role, Source};
use chrono::{Days, NaiveDate, Utc};

/// First year a date read from text or a URL may have (structured data may go earlier).
pub const WEB_START: i32 = 1995;

/// Distinct days near the headline from which the page counts as a listing.
const LISTING_DAYS: usize = 3;

/// Every candidate of one page, by kind.
#[derive(Debug, Default)]
pub struct Found {
    /// JSON-LD and `<meta>`, in order of trust.
    pub structured: Vec<Candidate>,
    /// Microdata elements.
    pub microdata: Vec<Candidate>,
    /// Visible dates near the headline, nearest first.
    pub near: Vec<Candidate>,
    /// Published dates in other scripts' JSON.
    pub inline: Vec<Candidate>,
    /// The URL path's date.
    pub url: Vec<Candidate>,
}

/// Today (UTC), the latest a plausible date may be (give or take a day of time zones).
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// The chosen date and, when a candidate of that day gives one, the publication time.
pub fn choose(found: Found, today: NaiveDate) -> (Option<String>, Option<String>) {
    let latest = today.checked_add_days(Days::new(1)).unwrap_or(today);
    let keep = |c: &Candidate| plausible(c, latest);
    let structured: Vec<Candidate> = found.structured.into_iter().filter(keep).collect();
    let microdata: Vec<Candidate> = found.microdata.into_iter().filter(keep).collect();
    let near: Vec<Candidate> = found.near.into_iter().filter(keep).collect();
    let shown = shown_date(&near).filter(|_| !is_listing(&near));
    let chosen = match (strong_published(&structured, &microdata), shown) {
        (Some(strong), Some(shown)) => {
            Some(confirmed(strong, &near).unwrap_or_else(|| shown.clone()))
        }
        (strong, shown) => strong.or_else(|| shown.cloned()),
    };
    let chosen = chosen
        .or_else(|| found.inline.into_iter().find(keep))
        .or_else(|| found.url.into_iter().find(keep));
    let Some(chosen) = chosen else {
        return (None, None);
    };
    let time = chosen
        .timestamp
        .clone()
        .or_else(|| time_of_day(&chosen.day, [&structured, &microdata, &near]));
    (Some(chosen.day), time)
}

/// A date in the plausible range for its source.
fn plausible(candidate: &Candidate, latest: NaiveDate) -> bool {
    let Ok(day) = NaiveDate::parse_from_str(&candidate.day, "%Y-%m-%d") else {
        return false;
    };
    let structured = matches!(
        candidate.source,
        Source::JsonLd | Source::JsonLdPage | Source::Meta | Source::Microdata
    );
    day <= latest && (structured || chrono::Datelike::year(&day) >= WEB_START)
}

/// The first published date from an article's structured data.
fn strong_published(structured: &[Candidate], microdata: &[Candidate]) -> Option<Candidate> {
    structured
        .iter()
        .chain(microdata)
        .find(|c| c.role == Role::Published && c.source != Source::JsonLdPage)
        .cloned()
}

/// Whether the dates near the headline are many different days (a list of events or of
/// other articles): then none of them is known to be the page's own.
fn is_listing(near: &[Candidate]) -> bool {
    let mut days: Vec<&str> = near.iter().map(|c| c.day.as_str()).collect();
    days.sort_unstable();
    days.dedup();
    days.len() >= LISTING_DAYS
}

/// The date the page shows near its headline: published-labelled first, then unlabelled,
/// then a modification date.
fn shown_date(near: &[Candidate]) -> Option<&Candidate> {
    [Role::Published, Role::Unknown, Role::Modified]
        .iter()
        .find_map(|role| near.iter().find(|c| c.role == *role))
}

/// `strong` when the page shows its day near the headline (or the day before or after: a
/// UTC timestamp for a page whose local day differs, which then takes the shown day).
fn confirmed(strong: Candidate, near: &[Candidate]) -> Option<Candidate> {
    if near.iter().any(|c| c.day == strong.day) {
        return Some(strong);
    }
    let local = near
        .iter()
        .filter(|c| c.role != Role::Modified && strong.timestamp.is_some())
        .find(|c| one_day_apart(&c.day, &strong.day))?;
    Some(Candidate::day(
        local.day.clone(),
        strong.source,
        strong.role,
    ))
}

fn one_day_apart(a: &str, b: &str) -> bool {
    let parse = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    match (parse(a), parse(b)) {
        (Some(a), Some(b)) => (a - b).num_days().abs() == 1,
        _ => false,
    }
}

/// The first timestamp on `day` among the candidates.
fn time_of_day<const N: usize>(day: &str, lists: [&Vec<Candidate>; N]) -> Option<String> {
    lists
        .iter()
        .flat_map(|list| list.iter())
        .filter(|c| c.day == day)
        .find_map(|c| c.timestamp.clone())
}
