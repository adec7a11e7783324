//! The background table: how common each English word is in general text, shipped with the
//! crate so that document frequencies stay sensible on small inputs (a `--pairs` file of two
//! articles must still know that "government" is common and "Kuleba" is not).
//!
//! Source: the 30,000 most frequent words of SymSpell's `frequency_dictionary_en_82_765.txt`
//! (MIT licence, as shipped in the `symspellpy` 6.10.1 wheel on PyPI; its counts come from
//! the Google Books Ngram corpus), stored as `word zipf×100` lines (Zipf = log10 of the
//! frequency per billion words) in `data/background_en.txt`. Loaded once, keyed by English
//! stem (frequencies of words sharing a stem are added).

use crate::lexicon::{algorithm, is_content};
use rust_stemmers::Stemmer;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/background_en.txt");

/// Per-word probabilities of the background table.
#[derive(Debug)]
pub struct Background {
    by_stem: HashMap<String, f64>,
    by_word: HashMap<&'static str, u32>,
}

impl Background {
    /// The shared table (parsed on first use).
    pub fn get() -> &'static Background {
        static BG: OnceLock<Background> = OnceLock::new();
        BG.get_or_init(Background::parse)
    }

    fn parse() -> Background {
        let stemmer = Stemmer::create(algorithm(None));
        let mut by_stem: HashMap<String, f64> = HashMap::new();
        let mut by_word = HashMap::new();
        for (rank, (word, p)) in rows().enumerate() {
            by_word.insert(word, rank as u32);
            if is_content(word) {
                *by_stem.entry(stemmer.stem(word).into_owned()).or_default() += p;
            }
        }
        Background { by_stem, by_word }
    }

    /// Probability that a word of general text has this English stem (0 when not listed).
    pub fn stem_probability(&self, stem: &str) -> f64 {
        self.by_stem.get(stem).copied().unwrap_or(0.0)
    }

    /// Frequency rank of a normalised word (0 = most common), if listed.
    pub fn rank(&self, word: &str) -> Option<u32> {
        self.by_word.get(word).copied()
    }
}

/// `(word, probability per word)` rows of the shipped table, most frequent first.
fn rows() -> impl Iterator<Item = (&'static str, f64)> {
    TABLE
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let (word, zipf) = line.split_once(' ')?;
            let zipf: f64 = zipf.parse().ok()?;
            Some((word, 10f64.powf(zipf / 100.0 - 9.0)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_common() {
        let bg = Background::get();
        assert!(bg.stem_probability("govern") > 1e-5);
        assert!(bg.stem_probability("govern") > 100.0 * bg.stem_probability("kuleba"));
        assert_eq!(bg.rank("the"), Some(0));
    }
}
