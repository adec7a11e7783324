//! Date-times with an explicit offset → RFC 3339 publication times (`Document::published`).
//!
//! [`parse_timestamp`] reads a date-time at the start of a string (after an optional label
//! such as `Published:`): ISO 8601 / RFC 3339 (`2022-02-15T09:30:00+01:00`, `…T09:30Z`,
//! `… 09:30:00.123 +0100`, `… UTC`) or RFC 2822 (`Tue, 15 Feb 2022 08:48:46 GMT`, `… +0000`);
//! [`parse_iso_timestamp`] the ISO shapes only.
//! The offset must be written (`Z`, `±HH:MM`, `±HHMM`, `±HH`, `UTC`, `GMT`): a time without
//! one, or with a zone name such as `EST`, gives `None`, never a guess. [`epoch_timestamp`]
//! reads Unix time (UTC). Results are normalised to `YYYY-MM-DDTHH:MM:SS±HH:MM` (`Z` for a
//! zero offset, fractional seconds dropped) and keep the offset as given, so the first ten
//! bytes are the day in the timestamp's own offset, comparable with a `date` as is. A bad
//! value is `None`, never an error.

use super::date::{strip_label, MAX_YEAR, MIN_YEAR};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use regex::Regex;
use std::sync::LazyLock;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(\d{4})-(\d{2})-(\d{2})[t\x20](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*
        (z|utc|gmt|[+-]\d{2}(?::?\d{2})?)(?:$|[^\p{L}\p{N}+:-])",
    )
    .expect("valid regex")
});

/// Parses a date-time with an explicit offset at the start of `s` (see the module doc);
/// `None` when `s` gives no time of day, no offset, or an impossible value.
pub fn parse_timestamp(s: &str) -> Option<String> {
    let rest = strip_label(s.trim());
    iso(rest).or_else(|| rfc2822(rest))
}

/// Like [`parse_timestamp`], ISO 8601 / RFC 3339 shapes only (for free text, where a line
/// must look like a machine-written time to be read as one).
pub fn parse_iso_timestamp(s: &str) -> Option<String> {
    iso(strip_label(s.trim()))
}

/// Unix time → `…Z`. Seconds, or milliseconds when the value is too large to be seconds (the
/// rule the JSON Lines `date` field uses, so both read a number alike).
pub fn epoch_timestamp(t: i64) -> Option<String> {
    let dt = DateTime::from_timestamp(epoch_seconds(t), 0)?;
    render(dt.fixed_offset())
}

/// Unix time in seconds or milliseconds → seconds.
pub fn epoch_seconds(t: i64) -> i64 {
    if t.abs() > 100_000_000_000 {
        t / 1000
    } else {
        t
    }
}

fn iso(s: &str) -> Option<String> {
    let c = ISO.captures(s)?;
    let n = |i: usize| c.get(i).map_or(Some(0), |m| m.as_str().parse::<u32>().ok());
    let date = NaiveDate::from_ymd_opt(i32::try_from(n(1)?).ok()?, n(2)?, n(3)?)?;
    let time = NaiveTime::from_hms_opt(n(4)?, n(5)?, n(6)?)?;
    let offset = offset_seconds(&c[7])?;
    let dt = FixedOffset::east_opt(offset)?
        .from_local_datetime(&NaiveDateTime::new(date, time))
        .single()?;
    render(dt)
}

/// `Z` / `UTC` / `GMT` → 0; `±HH`, `±HHMM`, `±HH:MM` → seconds east of UTC.
fn offset_seconds(zone: &str) -> Option<i32> {
    if !zone.starts_with(['+', '-']) {
        return Some(0);
    }
    let digits = zone[1..].replace(':', "");
    let (hours, minutes) = digits.split_at(2);
    hhmm_seconds(
        &zone[..1],
        hours,
        if minutes.is_empty() { "00" } else { minutes },
    )
}

fn hhmm_seconds(sign: &str, hours: &str, minutes: &str) -> Option<i32> {
    let (h, m): (i32, i32) = (hours.parse().ok()?, minutes.parse().ok()?);
    if h > 23 || m > 59 {
        return None;
    }
    let secs = h * 3600 + m * 60;
    Some(if sign == "-" { -secs } else { secs })
}

/// RFC 2822 with a numeric zone or `GMT` / `UT` / `UTC` (chrono reads the obsolete zone names
/// too, and a military letter as `-0000`, "offset unknown"; neither is an explicit offset).
fn rfc2822(s: &str) -> Option<String> {
    let zone = s.rsplit(char::is_whitespace).next()?;
    let numeric = zone.len() == 5
        && zone.starts_with(['+', '-'])
        && zone[1..].bytes().all(|b| b.is_ascii_digit())
        && zone != "-0000";
    let named = ["GMT", "UT", "UTC"].contains(&zone.to_ascii_uppercase().as_str());
    if !(numeric || named) {
        return None;
    }
    render(DateTime::parse_from_rfc2822(s).ok()?)
}

/// `YYYY-MM-DDTHH:MM:SS±HH:MM` (`Z` for a zero offset) in the timestamp's own offset; `None`
/// outside the plausible years.
fn render(dt: DateTime<FixedOffset>) -> Option<String> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&dt.year()) {
        return None;
    }
    let text = dt.format("%Y-%m-%dT%H:%M:%S%:z").to_string();
    Some(match text.strip_suffix("+00:00") {
        Some(utc) => format!("{utc}Z"),
        None => text,
    })
}

/// The day (`YYYY-MM-DD`) of a timestamp made by this module, in its own offset.
pub fn day_of(timestamp: &str) -> &str {
    timestamp.get(..10).unwrap_or(timestamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Option<String> {
        parse_timestamp(s)
    }

    #[test]
    fn offsets_are_kept_and_utc_is_z() {
        let cases = [
            ("2022-02-15T09:30:00+01:00", "2022-02-15T09:30:00+01:00"),
            ("2022-02-15T09:30:00Z", "2022-02-15T09:30:00Z"),
            ("2022-02-15t09:30:00z", "2022-02-15T09:30:00Z"),
            ("2022-02-15T09:30:00+00:00", "2022-02-15T09:30:00Z"),
            (
                "2022-02-15T23:05:59.123456-05:00",
                "2022-02-15T23:05:59-05:00",
            ),
            ("2022-02-15T09:30+0530", "2022-02-15T09:30:00+05:30"),
            ("2022-02-15 09:30:00 -03", "2022-02-15T09:30:00-03:00"),
            ("2022-02-15 09:30 UTC", "2022-02-15T09:30:00Z"),
            ("Published: 2022-02-15T09:30:00Z", "2022-02-15T09:30:00Z"),
            (" 2022-02-15T09:30:00Z | Politics", "2022-02-15T09:30:00Z"),
        ];
        for (input, want) in cases {
            assert_eq!(t(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn rfc2822_needs_a_numeric_or_utc_zone() {
        assert_eq!(
            t("Tue, 15 Feb 2022 08:48:46 GMT").as_deref(),
            Some("2022-02-15T08:48:46Z")
        );
        assert_eq!(
            t("15 Feb 2022 08:48:46 +0100").as_deref(),
            Some("2022-02-15T08:48:46+01:00")
        );
        assert_eq!(t("Tue, 15 Feb 2022 08:48:46 EST"), None);
        assert_eq!(t("Tue, 15 Feb 2022 08:48:46 -0000"), None);
        assert_eq!(t("Tue, 15 Feb 2022 08:48:46 A"), None);
    }

    #[test]
    fn no_time_or_no_offset_is_none() {
        for s in [
            "2022-02-15",
            "2022-02-15T09:30:00",
            "2022-02-15 09:30",
            "February 15, 2022 10:30 AM",
            "Tue, 15 Feb 2022",
            "2022-02-15T09:30:00ZULU",
            "2022-02-15T09:30:00UTC+01:00",
            "",
        ] {
            assert_eq!(t(s), None, "{s}");
        }
    }

    #[test]
    fn impossible_values_are_none() {
        for s in [
            "2022-02-30T09:30:00Z",
            "2022-02-15T24:00:00Z",
            "2022-02-15T09:60:00Z",
            "2022-02-15T09:30:00+24:00",
            "2022-02-15T09:30:00+01:75",
            "1850-02-15T09:30:00Z",
        ] {
            assert_eq!(t(s), None, "{s}");
        }
    }

    #[test]
    fn epochs_are_utc_seconds_or_milliseconds() {
        assert_eq!(
            epoch_timestamp(1_709_632_800).as_deref(),
            Some("2024-03-05T10:00:00Z")
        );
        assert_eq!(
            epoch_timestamp(1_709_632_800_123).as_deref(),
            Some("2024-03-05T10:00:00Z")
        );
        assert_eq!(epoch_timestamp(i64::MAX), None);
    }

    #[test]
    fn the_day_is_the_offset_s_own() {
        let late = t("2022-02-15T23:30:00-05:00").expect("a timestamp");
        assert_eq!(day_of(&late), "2022-02-15");
    }
}
