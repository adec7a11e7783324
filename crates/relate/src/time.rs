//! Publication instants: a document's `published` time (RFC 3339, as ingestion writes it)
//! as seconds since the Unix epoch, so that two documents of the same day can be ordered.
//! Anything else is `None` (no evidence). Parsing is chrono's, as in ingestion.

/// Seconds since 1970-01-01T00:00:00Z of an RFC 3339 timestamp, if it is one.
pub fn instant(published: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(published)
        .ok()
        .map(|t| t.timestamp())
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
        let bad = [
            "2022-02-15",
            "2022-02-15T09:30:00",
            "2022-13-01T00:00:00Z",
            "garbage text here!!",
            "2022-02-15T25:00:00Z",
        ];
        for s in bad {
            assert_eq!(instant(s), None, "{s}");
        }
    }
}
