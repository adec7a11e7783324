//! Chooses the publication date among a page's [`Candidate`]s.
//!
//! Order: a published date from structured data (article JSON-LD, `<meta>` named for it,
//! microdata unless it lists many days, a generic `date` `<meta>` last, which any date
//! shown near the headline overrules); else
//! the visible date nearest the headline (published-labelled first, a modified one last; of
//! one role, a marked-up date before one from running text; on a page listing many days, only
//! a published-labelled one first after the headline); else inline JSON; else the URL path;
//! else a publication date labelled anywhere on the page. A `WebPage`'s JSON-LD dates and
//! modified-only metadata never decide alone: pages that show no date carry them too.
//! Implausible dates (after tomorrow, before [`WEB_START`] where only the page's text or URL
//! says so) are dropped; a structured 1 January without a time is a year and yields to a
//! shown day. When a UTC timestamp's day is one off the day the page shows near the
//! headline, the shown day wins. A page that states its publication month without a day
//! (`Originally published in March 2022`) gets no date outside that month. The publication
//! time is kept only from a candidate of the chosen day. Without a structured publication
//! date, a day the page says it was originally published on wins over the shown ones.

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
    /// A date labelled as the publication date anywhere on the page (the last resort).
    pub anywhere: Vec<Candidate>,
    /// The date the page says it was first published on (`originally published on …`):
    /// without a structured publication date, it wins over every other.
    pub original: Vec<Candidate>,
    /// The publication month (`YYYY-MM`) the page states without a day, if it does.
    pub published_month: Option<String>,
}

/// Today (UTC), the latest a plausible date may be (give or take a day of time zones).
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// The chosen date and, when a candidate of that day gives one, the publication time.
pub fn choose(found: Found, today: NaiveDate) -> (Option<String>, Option<String>) {
    let latest = today.checked_add_days(Days::new(1)).unwrap_or(today);
    let month = found.published_month;
    let keep = |c: &Candidate| plausible(c, latest) && in_month(c, month.as_deref());
    let structured: Vec<Candidate> = found.structured.into_iter().filter(keep).collect();
    let microdata: Vec<Candidate> = found.microdata.into_iter().filter(keep).collect();
    let microdata = if is_listing(&microdata) {
        Vec::new()
    } else {
        microdata
    };
    let near: Vec<Candidate> = found.near.into_iter().filter(keep).collect();
    let shown = if is_listing(&near) {
        near.first().filter(|c| c.role == Role::Published)
    } else {
        shown_date(&near)
    };
    let url = found.url.into_iter().find(keep);
    let strong = strong_published(&structured, &microdata);
    let chosen = match (strong.first(), shown) {
        (Some(first), Some(shown)) => Some(
            strong
                .iter()
                .find_map(|c| confirmed(c, shown, &near, url.as_ref()))
                .or_else(|| convincing(shown, &strong, &structured).then(|| shown.clone()))
                .unwrap_or_else(|| (*first).clone()),
        ),
        (first, shown) => first.copied().or(shown).cloned(),
    };
    let year_only = || {
        structured
            .iter()
            .chain(&microdata)
            .find(|c| c.role == Role::Published && c.source != Source::JsonLdPage)
            .cloned()
    };
    let original = found
        .original
        .into_iter()
        .find(keep)
        .filter(|_| strong.is_empty());
    let chosen = original
        .or(chosen)
        .or_else(year_only)
        .or_else(|| found.inline.into_iter().find(keep))
        .or(url)
        .or_else(|| found.anywhere.into_iter().find(keep));
    let Some(chosen) = chosen else {
        return (None, None);
    };
    let time = chosen
        .timestamp
        .clone()
        .or_else(|| time_of_day(&chosen.day, [&structured, &microdata, &near]));
    (Some(chosen.day), time)
}

/// Whether `candidate` falls in the publication month the page states (any, when it states
/// none): a page saying `Originally published in March 2022` was not published on the day
/// it shows as `Last updated December 20, 2024`, and the day it was is unknown.
fn in_month(candidate: &Candidate, month: Option<&str>) -> bool {
    month.is_none_or(|m| candidate.day.starts_with(m))
}

/// Whether the page's structured data or microdata states a publication date (then the
/// text is not searched for an original publication date).
pub fn states_published(found: &Found) -> bool {
    found
        .structured
        .iter()
        .chain(&found.microdata)
        .any(|c| c.role == Role::Published && c.source != Source::JsonLdPage)
}

/// A date in the plausible range for its source.
fn plausible(candidate: &Candidate, latest: NaiveDate) -> bool {
    let Ok(day) = NaiveDate::parse_from_str(&candidate.day, "%Y-%m-%d") else {
        return false;
    };
    let structured = matches!(
        candidate.source,
        Source::JsonLd | Source::JsonLdPage | Source::Meta | Source::MetaDate | Source::Microdata
    );
    day <= latest && (structured || chrono::Datelike::year(&day) >= WEB_START)
}

/// The published dates from an article's structured data, best first.
fn strong_published<'a>(
    structured: &'a [Candidate],
    microdata: &'a [Candidate],
) -> Vec<&'a Candidate> {
    let explicit = structured.iter().filter(|c| c.source != Source::MetaDate);
    let generic = structured.iter().filter(|c| c.source == Source::MetaDate);
    explicit
        .chain(microdata)
        .chain(generic)
        .filter(|c| c.role == Role::Published && c.source != Source::JsonLdPage)
        .filter(|c| !is_year_only(c))
        .collect()
}

/// A 1 January without a time of day: a year written as a date (`2004-01-01` for "2004"),
/// which yields to any day the page shows.
fn is_year_only(candidate: &Candidate) -> bool {
    candidate.timestamp.is_none() && candidate.day.ends_with("-01-01")
}

/// Whether the dates near the headline (or the page's microdata dates) are many different
/// days (a list of events or of other articles): then none of them is known to be the
/// page's own, unless the nearest one is labelled as the publication date (`Written: …`
/// under the headline, a list below).
fn is_listing(near: &[Candidate]) -> bool {
    let mut days: Vec<&str> = near.iter().map(|c| c.day.as_str()).collect();
    days.sort_unstable();
    days.dedup();
    days.len() >= LISTING_DAYS
}

/// The date the page shows near its headline: published-labelled first, then unlabelled,
/// then a modification date; of one role, a date marked up as one (`<time>`, a date-named
/// element) before one read from running text (which may be a date the article mentions).
fn shown_date(near: &[Candidate]) -> Option<&Candidate> {
    [Role::Published, Role::Unknown, Role::Modified]
        .iter()
        .find_map(|role| {
            let mut of_role = near.iter().filter(|c| c.role == *role);
            of_role
                .clone()
                .find(|c| c.source != Source::Text)
                .or_else(|| of_role.next())
        })
}

/// `strong` when the page shows its day near the headline (the first published-or-unlabelled
/// date shown, else any), or that day as the page shows it when `strong` is a UTC timestamp
/// one day off the day shown first (or the URL's day): the page's local day.
fn confirmed(
    strong: &Candidate,
    shown: &Candidate,
    near: &[Candidate],
    url: Option<&Candidate>,
) -> Option<Candidate> {
    let first = Some(shown).filter(|c| c.role != Role::Modified);
    let local = first
        .into_iter()
        .chain(url)
        .find(|c| is_utc(strong) && one_day_apart(&c.day, &strong.day));
    if first.is_some_and(|c| same_day_either_order(&c.day, &strong.day)) {
        return Some(strong.clone());
    }
    if let Some(local) = local {
        return Some(Candidate::day(
            local.day.clone(),
            strong.source,
            strong.role,
        ));
    }
    near.iter()
        .any(|c| c.day == strong.day)
        .then(|| strong.clone())
}

fn is_utc(candidate: &Candidate) -> bool {
    candidate
        .timestamp
        .as_deref()
        .is_some_and(|t| t.ends_with('Z'))
}

/// Whether a shown date that contradicts the structured one should win: it is marked up as
/// a date (`<time>`, a date-named element) or labelled ("Published …", "Updated …": a page
/// that shows only its update date means that one), or it is the structured modification
/// date, or the structured dates are only generic `date` metas (a journal's online date
/// against the issue date it shows).
fn convincing(shown: &Candidate, strong: &[&Candidate], structured: &[Candidate]) -> bool {
    let generic = strong.iter().all(|c| c.source == Source::MetaDate);
    let marked = shown.source != Source::Text || shown.role != Role::Unknown || generic;
    let modified = structured
        .iter()
        .any(|c| c.role == Role::Modified && c.day == shown.day);
    marked || modified
}

/// Whether two days are the same, or the same once day and month are swapped (`09.10.2024`
/// is 9 October in Europe and September 10 in the US: a shown numeric date read in the other
/// order still confirms the structured one).
fn same_day_either_order(shown: &str, strong: &str) -> bool {
    let swapped = |d: &str| {
        let (year, month, day) = (d.get(..4)?, d.get(5..7)?, d.get(8..10)?);
        Some(format!("{year}-{day}-{month}"))
    };
    shown == strong || swapped(shown).is_some_and(|s| s == strong)
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
