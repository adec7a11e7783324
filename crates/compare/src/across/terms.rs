//! The words two statements are compared on: content words (stop words dropped, stemmed by
//! the text's language), numbers as written, and entities (content words written with a
//! capital: a sentence's opening "The" or "It" is a stop word, its opening "Russia" a name). Each is a hash, so a text's terms are a sorted set of `u64`s and two texts
//! share a term exactly when their sets intersect. The tokeniser and normaliser are
//! `samestory-text`'s, the stop words and stemmers `samestory-story`'s lexicon.
//!
//! Must not: decide whether two texts match; that is the callers' rule.

use rust_stemmers::{Algorithm, Stemmer};
use samestory_story::lexicon::{algorithm, is_content};
use samestory_text::{tokens, word_hash};

/// Marks the hash of a number token, so "2022" the number and a word never collide.
const NUMBER_SALT: u64 = 0x6e75_6d62_6572_0001;

/// The terms of one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Terms {
    /// Content-word stems and numbers, sorted, unique.
    pub all: Vec<u64>,
    /// The numbers among them (digits as written, separators dropped), sorted, unique.
    pub numbers: Vec<u64>,
    /// Stems of the content words written with a capital, sorted, unique.
    pub entities: Vec<u64>,
}

/// Turns words into terms under one language's stemmer.
pub struct Termer {
    stemmer: Stemmer,
}

impl Termer {
    /// A termer for texts in `lang` (ISO 639-3; English when unknown).
    pub fn new(lang: Option<&str>) -> Termer {
        Termer {
            stemmer: Stemmer::create(algorithm(lang)),
        }
    }

    /// The English termer.
    pub fn english() -> Termer {
        Termer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }

    /// The terms of `text`. Words joined by a hyphen ("de-escalation") are one term.
    pub fn terms(&self, text: &str) -> Terms {
        let mut out = Terms::default();
        let tokens = tokens(text);
        let chars = CharAt::new(text);
        let mut k = 0;
        while k < tokens.len() {
            let first = &tokens[k];
            let mut word = first.text.clone();
            while let Some(next) = tokens
                .get(k + 1)
                .filter(|n| n.start == tokens[k].end + 1 && chars.is_hyphen(tokens[k].end))
            {
                word.push('-');
                word.push_str(&next.text);
                k += 1;
            }
            k += 1;
            if let Some(number) = number_hash(&word) {
                out.all.push(number);
                out.numbers.push(number);
            } else if is_content(&word) {
                let stem = self.stem_hash(&word);
                out.all.push(stem);
                if chars.is_upper(first.start) {
                    out.entities.push(stem);
                }
            }
        }
        for set in [&mut out.all, &mut out.numbers, &mut out.entities] {
            set.sort_unstable();
            set.dedup();
        }
        out
    }

    /// The hash of a normalised word's stem.
    pub fn stem_hash(&self, word: &str) -> u64 {
        word_hash(&self.stemmer.stem(word))
    }
}

/// The hash of a token made of digits (with `,` `.` separators), separators dropped.
fn number_hash(word: &str) -> Option<u64> {
    let first = word.chars().next()?;
    if !first.is_ascii_digit()
        || !word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let digits: String = word.chars().filter(char::is_ascii_digit).collect();
    Some(word_hash(&digits) ^ NUMBER_SALT)
}

/// The chars of a text by char offset (ASCII texts need no table).
struct CharAt<'a> {
    text: &'a str,
    bytes: Option<Vec<usize>>,
}

impl<'a> CharAt<'a> {
    fn new(text: &'a str) -> CharAt<'a> {
        let bytes = (!text.is_ascii()).then(|| text.char_indices().map(|(b, _)| b).collect());
        CharAt { text, bytes }
    }

    fn get(&self, at: usize) -> Option<char> {
        let byte = match &self.bytes {
            None => at,
            Some(b) => *b.get(at)?,
        };
        self.text.get(byte..)?.chars().next()
    }

    fn is_hyphen(&self, at: usize) -> bool {
        matches!(self.get(at), Some('-' | '‐'))
    }

    fn is_upper(&self, at: usize) -> bool {
        self.get(at).is_some_and(char::is_uppercase)
    }
}

/// How many terms two sorted sets share.
pub fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The overlap of two sorted sets: shared terms over the smaller set's (1 when one lies in
/// the other) and over the larger set's, with the number shared.
pub fn overlap(a: &[u64], b: &[u64]) -> Overlap {
    let n = shared(a, b);
    let ratio = |d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    Overlap {
        shared: n,
        of_smaller: ratio(a.len().min(b.len())),
        of_larger: ratio(a.len().max(b.len())),
    }
}

/// How much two term sets share.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Overlap {
    /// Terms in both.
    pub shared: usize,
    /// `shared` over the smaller set's size.
    pub of_smaller: f64,
    /// `shared` over the larger set's size.
    pub of_larger: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_stop_words_and_keep_numbers_and_entities() {
        let t = Termer::english();
        let a = t.terms("The Mayor said 1,200 buses were running.");
        let b = t.terms("Buses ran; 1200 of them, the mayor says.");
        // "bus" (stemmed), "1200" and "mayor" are shared; "run"/"ran" are different stems.
        assert_eq!(shared(&a.all, &b.all), 3);
        assert_eq!(a.numbers, b.numbers);
        assert_eq!(a.entities.len(), 1, "Mayor; the opening The is a stop word");
        assert_eq!(
            b.entities.len(),
            1,
            "Buses opens the sentence with a capital"
        );
    }

    #[test]
    fn overlap_is_relative_to_each_set() {
        let o = overlap(&[1, 2], &[1, 2, 3, 4]);
        assert_eq!((o.shared, o.of_smaller, o.of_larger), (2, 1.0, 0.5));
        assert_eq!(overlap(&[], &[1]).of_smaller, 0.0);
    }

    #[test]
    fn a_hyphenated_compound_is_one_term() {
        let t = Termer::english();
        let a = t.terms("No sign of de-escalation yet.");
        let b = t.terms("A real escalation, and de facto war.");
        assert_eq!(shared(&a.all, &b.all), 0);
        assert_eq!(a.all.len(), 2, "sign, de-escalation");
    }
}
