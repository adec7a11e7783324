//! Calendar words, lower case, for both extractors: weekday and month names (a capitalised
//! "Tuesday" or "March" is neither a person nor a unit, and "March 3" is a date, not a
//! quantity). Owns nothing else.

/// A weekday name.
pub(crate) fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// A month's full name.
pub(crate) fn is_month_name(word: &str) -> bool {
    matches!(
        word,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
    )
}

/// A month's full name or its abbreviation ("sept", "dec").
pub(crate) fn is_month(word: &str) -> bool {
    is_month_name(word)
        || matches!(
            word,
            "jan"
                | "feb"
                | "mar"
                | "apr"
                | "jun"
                | "jul"
                | "aug"
                | "sep"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
        )
}
