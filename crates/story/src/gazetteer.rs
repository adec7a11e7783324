//! A small gazetteer of countries, their capitals and demonyms (`data/gazetteer.txt`,
//! written for this crate). Every name folds to the country, so "Kyiv", "Ukrainian" and
//! "Ukraine" are one place feature. Keys are normalised the way `samestory-text` normalises
//! words (lowercase, words joined by one space).

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/gazetteer.txt");

/// Name (normalised) → country name.
fn table() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(parse)
}

fn parse() -> HashMap<&'static str, &'static str> {
    let mut map = HashMap::new();
    for line in TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let country = line.split([',', '|']).next().unwrap_or(line);
        for name in line.split([',', '|']) {
            map.entry(name).or_insert(country);
        }
    }
    map
}

/// The country a normalised place name, capital or demonym refers to.
pub fn country(name: &str) -> Option<&'static str> {
    table().get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_to_country() {
        assert_eq!(country("kyiv"), Some("ukraine"));
        assert_eq!(country("ukrainian"), Some("ukraine"));
        assert_eq!(country("u.s"), Some("united states"));
        assert_eq!(country("new delhi"), Some("india"));
        assert_eq!(country("troops"), None);
    }
}
