//! A date in the URL path: `/2024/03/05/`, `/2024-03-05/`, `/20240305/` (a whole path
//! segment or a segment's leading part), or a segment `/29-10-2021` whose day-month order is
//! unambiguous. Pure string work.

use super::candidate::{Candidate, Role, Source};
use crate::meta::date::parse_date;
use regex::Regex;
use std::sync::LazyLock;

/// `YYYY-MM-DD` / `YYYYMMDD` at the start of a path segment, followed by a separator.
static SEGMENT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:19|20)\d{2})-?([01]\d)-?([0-3]\d)(?:$|[-_.])").expect("valid regex")
});

/// `DD-MM-YYYY` or `MM-DD-YYYY` as a whole path segment.
static SEGMENT_DATE_YEAR_LAST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([0-3]?\d)-([0-3]?\d)-((?:19|20)\d{2})$").expect("valid regex"));

/// The URL path's date as a candidate.
pub fn url_candidate(url: &str) -> Option<Candidate> {
    url_path_date(url).map(|day| Candidate::day(day, Source::UrlPath, Role::Published))
}

/// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD…`, `/YYYYMMDD…`) date in a URL path.
pub fn url_path_date(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let parts: Vec<&str> = path.split('/').skip(3).collect();
    split_date(&parts)
        .or_else(|| parts.iter().find_map(|p| segment_date(p)))
        .or_else(|| parts.iter().find_map(|p| year_last_date(p)))
}

/// `…/YYYY/MM/DD/…` over three segments.
fn split_date(parts: &[&str]) -> Option<String> {
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

fn segment_date(segment: &str) -> Option<String> {
    let c = SEGMENT_DATE.captures(segment)?;
    parse_date(&format!("{}-{}-{}", &c[1], &c[2], &c[3]))
}

/// A `DD-MM-YYYY` / `MM-DD-YYYY` segment, read only when one of the first two numbers is over
/// 12 (`29-10-2021`, `10-29-2021`); `05-06-2021` could be either and gives `None`.
fn year_last_date(segment: &str) -> Option<String> {
    let c = SEGMENT_DATE_YEAR_LAST.captures(segment)?;
    let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
    let (day, month) = match (a > 12, b > 12) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return None,
    };
    parse_date(&format!("{}-{month:02}-{day:02}", &c[3]))
}
