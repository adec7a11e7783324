//! A small gazetteer of countries, their capitals and demonyms (`data/gazetteer.txt`,
//! written for this crate). Every name folds to the country, so "Kyiv", "Ukrainian" and
//! "Ukraine" are one place feature. Keys are normalised the way `samestory-text` normalises
//! words (lowercase, words joined by one space).

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/gazetteer.txt");

/// One country of the gazetteer, as a small index (a word's cached flags hold one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place(u16);

impl Place {
    /// The country's name.
    pub fn country(self) -> &'static str {
        gazetteer().countries[usize::from(self.0)]
    }
}

/// Every name (normalised) → its country, and the countries by index.
struct Gazetteer {
    places: HashMap<&'static str, Place>,
    countries: Vec<&'static str>,
}

fn gazetteer() -> &'static Gazetteer {
    static MAP: OnceLock<Gazetteer> = OnceLock::new();
    MAP.get_or_init(parse)
}

fn parse() -> Gazetteer {
    let mut g = Gazetteer {
        places: HashMap::new(),
        countries: Vec::new(),
    };
    for line in TABLE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let country = line.split([',', '|']).next().unwrap_or(line);
        let at = g.countries.iter().position(|&c| c == country);
        let place = Place(at.unwrap_or_else(|| {
            g.countries.push(country);
            g.countries.len() - 1
        }) as u16);
        for name in line.split([',', '|']) {
            g.places.entry(name).or_insert(place);
        }
    }
    g
}

/// The place a normalised place name, capital or demonym refers to.
pub fn place(name: &str) -> Option<Place> {
    gazetteer().places.get(name).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(name: &str) -> Option<&'static str> {
        place(name).map(Place::country)
    }

    #[test]
    fn names_fold_to_country() {
        assert_eq!(country("kyiv"), Some("ukraine"));
        assert_eq!(country("ukrainian"), Some("ukraine"));
        assert_eq!(country("u.s"), Some("united states"));
        assert_eq!(country("new delhi"), Some("india"));
        assert_eq!(country("troops"), None);
    }
}
