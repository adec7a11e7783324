//! Dates: `YYYY-MM-DD` strings to day numbers (days since 1970-01-01, proleptic Gregorian)
//! for time proximity, and calendar dates mentioned in a body ("February 15", "15 Feb
//! 2022", "2022-02-15") as year-less `MM-DD` features, so two reports naming the same day
//! share evidence even when one omits the year.

use regex::Regex;
use std::sync::OnceLock;

/// Day number (days since 1970-01-01) of a `YYYY-MM-DD` date, or of a timestamp that
/// starts with one (`2022-02-15T10:00:00Z`), if it is one.
pub fn day_number(date: &str) -> Option<i32> {
    let b = date.as_bytes();
    let tail_ok = b.len() == 10 || b.get(10).is_some_and(|c| matches!(c, b'T' | b' '));
    if b.len() < 10 || !tail_ok || b[4] != b'-' || b[7] != b'-' || !date.is_char_boundary(10) {
        return None;
    }
    let y: i32 = date[0..4].parse().ok()?;
    let m: u32 = date[5..7].parse().ok()?;
    let d: u32 = date[8..10].parse().ok()?;
    valid(m, d).then(|| days_from_civil(y, m, d))
}

/// Inverse of [`day_number`].
pub fn date_string(day: i32) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

fn valid(m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Howard Hinnant's `days_from_civil`.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Howard Hinnant's `civil_from_days`.
fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i32::from(m <= 2), m, d)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn patterns() -> &'static [Regex; 3] {
    static RE: OnceLock<[Regex; 3]> = OnceLock::new();
    RE.get_or_init(|| {
        let month = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?";
        [
            Regex::new(r"\b\d{4}-(\d{2})-(\d{2})\b").expect("iso date pattern"),
            Regex::new(&format!(r"\b{month} (\d{{1,2}})(?:st|nd|rd|th)?\b")).expect("month day"),
            Regex::new(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)? (?:of )?{month}"))
                .expect("day month"),
        ]
    })
}

/// Mentioned calendar days of `text` as `MM-DD` strings, in order, repeats kept.
pub fn mentioned(text: &str) -> Vec<String> {
    let [iso, md, dm] = patterns();
    let mut out = Vec::new();
    for c in iso.captures_iter(text) {
        push(&mut out, c[1].parse().ok(), c[2].parse().ok());
    }
    for c in md.captures_iter(text) {
        push(&mut out, month(&c[1]), c[2].parse().ok());
    }
    for c in dm.captures_iter(text) {
        push(&mut out, month(&c[2]), c[1].parse().ok());
    }
    out
}

fn month(abbrev: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| *m == abbrev)
        .map(|i| i as u32 + 1)
}

fn push(out: &mut Vec<String>, m: Option<u32>, d: Option<u32>) {
    if let (Some(m), Some(d)) = (m, d) {
        if valid(m, d) {
            out.push(format!("{m:02}-{d:02}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2022-03-01").unwrap() - day_number("2022-02-28").unwrap(),
            1
        );
        assert_eq!(date_string(day_number("2024-02-29").unwrap()), "2024-02-29");
        assert_eq!(day_number("2022-13-01"), None);
        assert_eq!(day_number("20220215"), None);
        assert_eq!(day_number("2022-02-15T08:00:00Z"), day_number("2022-02-15"));
    }

    #[test]
    fn mentioned_dates() {
        let t = "On February 15, 2022 and 16th of Feb. and 2022-02-17; you may 5 not.";
        assert_eq!(mentioned(t), ["02-17", "02-15", "02-16"]);
    }
}
