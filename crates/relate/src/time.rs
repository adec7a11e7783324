//! Publication instants: a document's `published` time (RFC 3339, as ingestion writes it:
//! `YYYY-MM-DDTHH:MM:SS` then `Z` or `±HH:MM`) as seconds since the Unix epoch, so that two
//! documents of the same day can be ordered. Anything else is `None` (no evidence).

/// Seconds since 1970-01-01T00:00:00Z of an RFC 3339 timestamp, if it is one.
pub fn instant(published: &str) -> Option<i64> {
    let s = published.as_bytes();
    if s.len() < 20 || s[4] != b'-' || s[7] != b'-' || !matches!(s[10], b'T' | b't' | b' ') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let t = published.get(r)?;
        t.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| t.parse().ok())?
    };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if s[13] != b':' || s[16] != b':' || !(1..=12).contains(&mo) || !(1..=31).contains(&d) {
        return None;
    }
    if h > 23 || mi > 59 || sec > 60 {
        return None;
    }
    let mut rest = &published[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        rest = frac.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let offset = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (oh, om) = (num_of(&rest[1..3])?, num_of(&rest[4..6])?);
            let off = oh * 3600 + om * 60;
            if *sign == b'-' {
                -off
            } else {
                off
            }
        }
        _ => return None,
    };
    Some(days_from_civil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + sec - offset)
}

fn num_of(t: &str) -> Option<i64> {
    t.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| t.parse().ok())?
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_with_offsets_compare_in_utc() {
        assert_eq!(instant("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(instant("1970-01-02T01:00:00+01:00"), Some(86_400));
        assert_eq!(
            instant("2022-02-15T09:30:00.123Z"),
            instant("2022-02-15T10:30:00+01:00")
        );
        assert!(instant("2022-02-15T09:30:00-05:00") > instant("2022-02-15T09:30:00Z"));
        assert_eq!(instant("2000-03-01T00:00:00Z"), Some(951_868_800));
    }

    #[test]
    fn other_strings_are_none() {
        for s in [
            "2022-02-15",
            "2022-02-15T09:30:00",
            "2022-13-01T00:00:00Z",
            "garbage text here!!",
            "2022-02-15T25:00:00Z",
        ] {
            assert_eq!(instant(s), None, "{s}");
        }
    }
}
