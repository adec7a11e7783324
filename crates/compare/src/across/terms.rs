//! The words two statements are compared on: content words (stop words dropped, stemmed by
//! the text's language), numbers as written, and entities (content words written with a
//! capital: a sentence's opening "The" or "It" is a stop word, its opening "Russia" a name). Each is a hash, so a text's terms are a sorted set of `u64`s and two texts
//! share a term exactly when their sets intersect. The tokeniser and normaliser are
//! `samestory-text`'s, the stop words and stemmers `samestory-story`'s lexicon.
//!
//! Must not: decide whether two texts match; that is the callers' rule.

use rust_stemmers::Stemmer;
use samestory_core::KeyMap;
use samestory_story::lexicon::{algorithm, is_content};
use samestory_text::{for_each_token_hash, tokens, word_hash};
use std::cell::RefCell;

/// The bit set in the hash of a number and clear in that of a word, so "2022" the number and
/// a word never collide.
const NUMBER_BIT: u64 = 1 << 63;

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

impl Terms {
    /// No terms.
    pub const EMPTY: Terms = Terms {
        all: Vec::new(),
        numbers: Vec::new(),
        entities: Vec::new(),
    };
}

/// Turns words into terms under one language's stemmer, remembering each word's term in a
/// cache of the thread (texts repeat their words; the stemmer is most of the cost).
pub struct Termer {
    stemmer: Stemmer,
    /// Separates the cache entries of one word under different stemmers.
    salt: u64,
}

/// Entries beyond which a thread's cache of terms starts over (bounds its memory).
const KNOWN_MAX: usize = 1 << 20;

thread_local! {
    /// Salted word hash → its stem's hash, or `None` for a word that is no content word.
    static KNOWN: RefCell<KeyMap<u64, Option<u64>>> = RefCell::default();
}

/// One word of a text: hash of its normalised form, char offsets, and that form when the
/// tokeniser made it (non-ASCII texts).
struct Word {
    hash: u64,
    start: usize,
    end: usize,
    norm: Option<String>,
}

impl Termer {
    /// A termer for texts in `lang` (ISO 639-3; English when unknown).
    pub fn new(lang: Option<&str>) -> Termer {
        let alg = algorithm(lang);
        Termer {
            stemmer: Stemmer::create(alg),
            salt: (alg as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15),
        }
    }

    /// The English termer.
    pub fn english() -> Termer {
        Termer::new(None)
    }

    /// The terms of `text`. Words joined by a hyphen ("de-escalation") are one term.
    pub fn terms(&self, text: &str) -> Terms {
        let words = words(text);
        let chars = CharAt::new(text);
        let mut out = Terms::default();
        let mut k = 0;
        let mut compound = String::new();
        while k < words.len() {
            let first = &words[k];
            let mut last = k;
            while words
                .get(last + 1)
                .is_some_and(|n| n.start == words[last].end + 1 && chars.is_hyphen(words[last].end))
            {
                last += 1;
            }
            let term = if last == k {
                self.term(first.hash, || norm_of(&chars, first))
            } else {
                compound.clear();
                for (i, w) in words[k..=last].iter().enumerate() {
                    if i > 0 {
                        compound.push('-');
                    }
                    compound.push_str(&norm_of(&chars, w));
                }
                self.term(word_hash(&compound), || compound.clone())
            };
            match term {
                Term::Number(h) => {
                    out.all.push(h);
                    out.numbers.push(h);
                }
                Term::Content(h) => {
                    out.all.push(h);
                    if chars.is_upper(first.start) {
                        out.entities.push(h);
                    }
                }
                Term::Other => {}
            }
            k = last + 1;
        }
        for set in [&mut out.all, &mut out.numbers, &mut out.entities] {
            set.sort_unstable();
            set.dedup();
        }
        out
    }

    /// What the word with hash `hash` is; `norm` makes its normalised form when not known.
    fn term(&self, hash: u64, norm: impl FnOnce() -> String) -> Term {
        let key = hash ^ self.salt;
        let known = KNOWN.with(|k| k.borrow().get(&key).copied());
        let term = match known {
            Some(term) => term,
            None => {
                let word = norm();
                let term = if let Some(number) = number_hash(&word) {
                    Some(number)
                } else if is_content(&word) {
                    Some(self.stem_hash(&word))
                } else {
                    None
                };
                KNOWN.with(|k| {
                    let mut k = k.borrow_mut();
                    if k.len() >= KNOWN_MAX {
                        k.clear();
                    }
                    k.insert(key, term);
                });
                term
            }
        };
        term.map_or(Term::Other, |h| self.classify(h))
    }

    /// A remembered term hash as a number or a content word.
    fn classify(&self, h: u64) -> Term {
        if h & NUMBER_BIT != 0 {
            Term::Number(h)
        } else {
            Term::Content(h)
        }
    }

    /// The hash of a normalised word's stem.
    pub fn stem_hash(&self, word: &str) -> u64 {
        word_hash(&self.stemmer.stem(word)) & !NUMBER_BIT
    }
}

/// What one word contributes.
enum Term {
    Number(u64),
    Content(u64),
    Other,
}

/// The words of a text: `samestory-text`'s tokeniser (its allocation-free path for ASCII).
fn words(text: &str) -> Vec<Word> {
    if text.is_ascii() {
        let mut out = Vec::with_capacity(text.len() / 6);
        for_each_token_hash(text, |t| {
            out.push(Word {
                hash: t.hash,
                start: t.start,
                end: t.end,
                norm: None,
            })
        });
        return out;
    }
    tokens(text)
        .into_iter()
        .map(|t| Word {
            hash: word_hash(&t.text),
            start: t.start,
            end: t.end,
            norm: Some(t.text),
        })
        .collect()
}

/// A word's normalised form: the tokeniser's, or (ASCII) its slice lowercased.
fn norm_of(chars: &CharAt<'_>, w: &Word) -> String {
    match &w.norm {
        Some(n) => n.clone(),
        None => chars.slice(w.start, w.end).to_ascii_lowercase(),
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
    Some(word_hash(&digits) | NUMBER_BIT)
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

    /// The text of chars `[start, end)`.
    fn slice(&self, start: usize, end: usize) -> &'a str {
        match &self.bytes {
            None => &self.text[start..end],
            Some(b) => {
                let at = |c: usize| b.get(c).copied().unwrap_or(self.text.len());
                &self.text[at(start)..at(end)]
            }
        }
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
