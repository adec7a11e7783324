//! The date parsers on arbitrary text: never panic, and every date they return is a valid
//! `YYYY-MM-DD`; a prefix length is a char boundary of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use samestory_ingest::meta::date::{parse_date, parse_date_line, parse_date_prefix};

fn check(date: &str) {
    assert!(
        chrono_like_valid(date),
        "not a valid YYYY-MM-DD date: {date:?}"
    );
}

/// `YYYY-MM-DD` with a real month and a day that month has.
fn chrono_like_valid(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let [y, m, d] = parts[..] else { return false };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap());
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1..=12).contains(&m) && d >= 1 && d <= days[m as usize - 1]
}

fuzz_target!(|text: &str| {
    if let Some(date) = parse_date(text) {
        check(&date);
    }
    if let Some(date) = parse_date_line(text) {
        check(&date);
    }
    if let Some((date, len)) = parse_date_prefix(text) {
        check(&date);
        assert!(text.is_char_boundary(len), "prefix length {len} inside a char");
    }
});
