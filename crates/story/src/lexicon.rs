//! Words that carry no story: an English stop-word list, and the Snowball stemmer chosen by
//! a document's language (ISO 639-3, English when unknown). Pure functions over normalised
//! words from `samestory-text`; no tokenising here.

use rust_stemmers::Algorithm;
use std::collections::HashSet;
use std::sync::OnceLock;
use xxhash_rust::xxh3::Xxh3Builder;

/// English function words and news filler that say nothing about which event is reported.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "also",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "can't",
    "could",
    "day",
    "days",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "dr",
    "during",
    "each",
    "either",
    "else",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "friday",
    "from",
    "further",
    "get",
    "got",
    "had",
    "has",
    "have",
    "having",
    "he",
    "he's",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "i'm",
    "i've",
    "if",
    "in",
    "including",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "least",
    "less",
    "let",
    "like",
    "made",
    "make",
    "many",
    "may",
    "me",
    "might",
    "monday",
    "more",
    "most",
    "mr",
    "mrs",
    "ms",
    "much",
    "must",
    "my",
    "myself",
    "neither",
    "new",
    "news",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "rather",
    "s",
    "said",
    "same",
    "saturday",
    "say",
    "says",
    "see",
    "seen",
    "several",
    "shall",
    "she",
    "she's",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "sunday",
    "t",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they're",
    "they've",
    "this",
    "those",
    "though",
    "three",
    "through",
    "thursday",
    "thus",
    "time",
    "to",
    "today",
    "told",
    "tomorrow",
    "too",
    "toward",
    "towards",
    "tuesday",
    "two",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "wasn't",
    "we",
    "we're",
    "we've",
    "wednesday",
    "week",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "year",
    "years",
    "yesterday",
    "yet",
    "you",
    "you're",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// Whether a normalised word is a stop word.
pub fn is_stop(word: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str, Xxh3Builder>> = OnceLock::new();
    word.len() <= 10
        && SET
            .get_or_init(|| STOP_WORDS.iter().copied().collect())
            .contains(word)
}

/// Whether a normalised word can be a content term: has a letter, two chars or more, and
/// is not a stop word.
pub fn is_content(word: &str) -> bool {
    let has_letter = if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_alphabetic())
    } else {
        word.chars().any(char::is_alphabetic)
    };
    word.len() > 1 && word.chars().nth(1).is_some() && has_letter && !is_stop(word)
}

/// The Snowball algorithm for an ISO 639-3 (or 639-1) language code; English otherwise.
pub fn algorithm(lang: Option<&str>) -> Algorithm {
    match lang.unwrap_or("eng") {
        "fra" | "fr" => Algorithm::French,
        "deu" | "de" => Algorithm::German,
        "spa" | "es" => Algorithm::Spanish,
        "ita" | "it" => Algorithm::Italian,
        "por" | "pt" => Algorithm::Portuguese,
        "nld" | "nl" => Algorithm::Dutch,
        "swe" | "sv" => Algorithm::Swedish,
        "nob" | "nno" | "nor" | "no" => Algorithm::Norwegian,
        "dan" | "da" => Algorithm::Danish,
        "fin" | "fi" => Algorithm::Finnish,
        "hun" | "hu" => Algorithm::Hungarian,
        "ron" | "ro" => Algorithm::Romanian,
        "rus" | "ru" => Algorithm::Russian,
        "tur" | "tr" => Algorithm::Turkish,
        "ara" | "ar" => Algorithm::Arabic,
        "ell" | "el" => Algorithm::Greek,
        _ => Algorithm::English,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(
            STOP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "keep STOP_WORDS sorted"
        );
    }

    #[test]
    fn content_words() {
        assert!(is_content("troops"));
        assert!(!is_content("the"));
        assert!(!is_content("130,000"));
        assert!(!is_content("x"));
    }

    #[test]
    fn english_stems() {
        let s = rust_stemmers::Stemmer::create(algorithm(None));
        assert_eq!(s.stem("pulling"), "pull");
        assert_eq!(algorithm(Some("deu")), Algorithm::German);
    }
}
