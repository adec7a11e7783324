//! Month names → month numbers, in the languages news is read in most here: English, German,
//! French, Spanish, Italian, Portuguese and Dutch, full names and the usual abbreviations;
//! Romanian, Polish (genitive), Swedish, Danish, Norwegian, Indonesian and Turkish full names.
//!
//! Owns only the table and a regex alternation built from it ([`MONTH_PATTERN`]); knows
//! nothing of days or years. Lookups are case-insensitive and accent-exact (`März`, `Marz`
//! and `Maerz` are all listed).

use std::collections::HashMap;
use std::sync::LazyLock;

/// Every month name with its number (1–12).
#[rustfmt::skip]
const NAMES: &[(&str, u32)] = &[
    // English
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
    ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    // German
    ("januar", 1), ("jänner", 1), ("februar", 2), ("märz", 3), ("marz", 3), ("maerz", 3),
    ("mai", 5), ("juni", 6), ("juli", 7), ("oktober", 10), ("dezember", 12), ("mär", 3),
    ("okt", 10), ("dez", 12),
    // French
    ("janvier", 1), ("février", 2), ("fevrier", 2), ("mars", 3), ("avril", 4), ("juin", 6),
    ("juillet", 7), ("août", 8), ("aout", 8), ("septembre", 9), ("octobre", 10),
    ("novembre", 11), ("décembre", 12), ("decembre", 12), ("janv", 1), ("févr", 2),
    ("fevr", 2), ("avr", 4), ("juil", 7), ("déc", 12),
    // Spanish
    ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5), ("junio", 6),
    ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9), ("octubre", 10),
    ("noviembre", 11), ("diciembre", 12), ("ene", 1), ("abr", 4), ("ago", 8), ("dic", 12),
    // Italian
    ("gennaio", 1), ("febbraio", 2), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    // Portuguese
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("marco", 3), ("maio", 5), ("junho", 6),
    ("julho", 7), ("setembro", 9), ("outubro", 10), ("dezembro", 12),
    // Dutch
    ("januari", 1), ("februari", 2), ("maart", 3), ("mei", 5), ("augustus", 8),
    // Romanian
    ("ianuarie", 1), ("februarie", 2), ("martie", 3), ("aprilie", 4), ("iunie", 6),
    ("iulie", 7), ("septembrie", 9), ("octombrie", 10), ("noiembrie", 11), ("decembrie", 12),
    // Polish (genitive, as dates write them)
    ("stycznia", 1), ("lutego", 2), ("marca", 3), ("kwietnia", 4), ("maja", 5),
    ("czerwca", 6), ("lipca", 7), ("sierpnia", 8), ("września", 9), ("października", 10),
    ("listopada", 11), ("grudnia", 12),
    // Swedish, Danish, Norwegian and Indonesian (where they differ from the above)
    ("maj", 5), ("augusti", 8), ("marts", 3), ("desember", 12), ("maret", 3), ("agustus", 8),
    // Turkish
    ("ocak", 1), ("şubat", 2), ("mart", 3), ("nisan", 4), ("mayıs", 5), ("haziran", 6),
    ("temmuz", 7), ("ağustos", 8), ("eylül", 9), ("ekim", 10), ("kasım", 11), ("aralık", 12),
];

static BY_NAME: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    NAMES
        .iter()
        .map(|(name, month)| (name.to_string(), *month))
        .collect()
});

/// A regex alternation of every month name, longest first (so `march` wins over `mar`),
/// as one capturing group.
pub static MONTH_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = NAMES.iter().map(|(name, _)| *name).collect();
    names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    format!("({})", names.join("|"))
});

/// The month number (1–12) of a month name or abbreviation, any case.
pub fn month_number(name: &str) -> Option<u32> {
    BY_NAME.get(&name.to_lowercase()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_each_language() {
        for (name, want) in [
            ("November", 11),
            ("Dezember", 12),
            ("MÄRZ", 3),
            ("février", 2),
            ("août", 8),
            ("noviembre", 11),
            ("Sept", 9),
            ("maggio", 5),
            ("maart", 3),
            ("septembrie", 9),
            ("października", 10),
            ("Ağustos", 8),
            ("augusti", 8),
        ] {
            assert_eq!(month_number(name), Some(want), "{name}");
        }
        assert_eq!(month_number("Marching"), None);
        assert_eq!(month_number(""), None);
    }

    #[test]
    fn longer_names_come_first_in_the_pattern() {
        let pattern = MONTH_PATTERN.as_str();
        let march = pattern.find("|march|").or_else(|| pattern.find("(march|"));
        let mar = pattern.find("|mar|");
        assert!(march.is_some() && mar.is_some() && march < mar, "{pattern}");
    }
}
