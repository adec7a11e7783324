//! Named-entity-like spans: runs of capitalised words in the original body (people, places,
//! organisations), found on `samestory-text` tokens with their char offsets. A run that
//! starts a sentence counts only if it is longer than one word, follows an honorific, or is
//! a gazetteer place. No tagger, no model: capitalisation, honorifics and the gazetteer.

use crate::background::Background;
use crate::gazetteer::{place, Place};
use crate::lexicon::is_stop;
use crate::words::Words;
use samestory_text::TokenHash;
use std::ops::Range;

/// Titles that announce a person's name ("President Zelensky", "Mr. Biden").
const HONORIFICS: &[&str] = &[
    "chancellor",
    "dr",
    "gen",
    "general",
    "governor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "pope",
    "premier",
    "president",
    "prime",
    "prof",
    "secretary",
    "sen",
    "senator",
];

/// Lowercase words allowed inside a name ("Bank of England", "Charles de Gaulle").
const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "de", "del", "der", "la", "of", "van", "von",
];

/// One entity feature of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entity {
    /// A gazetteer place, folded to its country.
    Place(&'static str),
    /// Any other capitalised span (normalised words joined by spaces).
    Name(String),
}

/// What entity finding needs to know of one normalised word (cacheable per word).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordFlags {
    /// A stop word.
    pub stop: bool,
    /// A title announcing a person ("president").
    pub honorific: bool,
    /// A lowercase word allowed inside a name ("of").
    pub connector: bool,
    /// Outside the 10,000 most common words: likely a surname or a specific name.
    pub rare: bool,
    /// The country this word names, if it is a gazetteer place on its own.
    pub place: Option<Place>,
}

impl WordFlags {
    /// The flags of a normalised word.
    pub fn of(word: &str) -> WordFlags {
        WordFlags {
            stop: is_stop(word),
            honorific: HONORIFICS.binary_search(&word).is_ok(),
            connector: CONNECTORS.contains(&word),
            rare: Background::get().rank(word).is_none_or(|r| r >= 10_000),
            place: place(word),
        }
    }
}

/// The entities of `words` (`flags[i]` describing word `i`), in order of appearance.
pub fn entities(words: &Words<'_>, flags: &[WordFlags]) -> Vec<Entity> {
    let caps = Caps::new(words.text());
    let toks = &words.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let end = run_end(&caps, toks, flags, i);
        if end > i {
            emit(&caps, words, flags, i..end, &mut out);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// End (exclusive) of the capitalised run starting at token `i` (`i` when none starts).
fn run_end(caps: &Caps, toks: &[TokenHash], flags: &[WordFlags], i: usize) -> usize {
    if !caps.is_capitalised(&toks[i]) {
        return i;
    }
    let mut end = i + 1;
    while end < toks.len() && caps.joined(&toks[end - 1], &toks[end]) {
        if caps.is_capitalised(&toks[end]) {
            end += 1;
        } else if flags[end].connector && is_joined_cap(caps, toks, end) {
            end += 2;
        } else {
            break;
        }
    }
    end
}

/// Whether the word after `toks[i]` is capitalised and joined to it.
fn is_joined_cap(caps: &Caps, toks: &[TokenHash], i: usize) -> bool {
    toks.get(i + 1)
        .is_some_and(|n| caps.joined(&toks[i], n) && caps.is_capitalised(n))
}

/// Turns the run `range` of words into entity features.
fn emit(
    caps: &Caps,
    words: &Words<'_>,
    flags: &[WordFlags],
    range: Range<usize>,
    out: &mut Vec<Entity>,
) {
    let initial = caps.starts_sentence(&words.toks[range.start]);
    let f = &flags[range.clone()];
    let lead = f.iter().take_while(|w| w.stop || w.honorific).count();
    let person = f[..lead].iter().any(|w| w.honorific);
    let name = range.start + lead..range.end;
    if name.is_empty() {
        return;
    }
    let joined = join(words, name.clone());
    if places(&joined, &flags[name.clone()], out) || (initial && lead == 0 && name.len() == 1) {
        return;
    }
    out.push(Entity::Name(joined));
    if name.len() > 1 && (person || flags[name.end - 1].rare) {
        let mut last = String::new();
        words.push_norm(name.end - 1, &mut last);
        strip_possessive(&mut last);
        out.push(Entity::Name(last));
    }
}

/// The normalised words of `range` joined by single spaces.
fn join(words: &Words<'_>, range: Range<usize>) -> String {
    let mut s = String::new();
    for i in range {
        if !s.is_empty() {
            s.push(' ');
        }
        words.push_norm(i, &mut s);
    }
    strip_possessive(&mut s);
    s
}

/// A possessive names the same entity: "hunter biden's" → "hunter biden", "stern'" →
/// "stern" (the normaliser has folded typographic apostrophes to `'`).
fn strip_possessive(name: &mut String) {
    for suffix in ["'s", "'"] {
        if name.len() > suffix.len() + 1 && name.ends_with(suffix) {
            name.truncate(name.len() - suffix.len());
            return;
        }
    }
}

/// Pushes gazetteer places found in the name `joined` (whole, else word by word); true
/// when the whole span is a place.
fn places(joined: &str, flags: &[WordFlags], out: &mut Vec<Entity>) -> bool {
    let whole = match flags {
        [one] => one.place,
        _ => place(joined),
    };
    if let Some(p) = whole {
        out.push(Entity::Place(p.country()));
        return true;
    }
    let places = flags.iter().filter_map(|w| w.place);
    out.extend(places.map(Place::country).map(Entity::Place));
    false
}

/// Original-case view of the text, by char offset.
struct Caps<'a> {
    text: &'a str,
    chars: Option<Vec<char>>,
}

impl<'a> Caps<'a> {
    fn new(text: &'a str) -> Self {
        let chars = (!text.is_ascii()).then(|| text.chars().collect());
        Caps { text, chars }
    }

    fn char_at(&self, i: usize) -> char {
        match &self.chars {
            Some(c) => c[i],
            None => self.text.as_bytes()[i] as char,
        }
    }

    fn is_capitalised(&self, t: &TokenHash) -> bool {
        self.char_at(t.start).is_uppercase()
    }

    /// Whether two tokens are separated by exactly one space or hyphen.
    fn joined(&self, a: &TokenHash, b: &TokenHash) -> bool {
        b.start == a.end + 1 && matches!(self.char_at(a.end), ' ' | '-')
    }

    /// Whether the token opens a sentence (or the text, or a line).
    fn starts_sentence(&self, t: &TokenHash) -> bool {
        let mut i = t.start;
        while i > 0 {
            i -= 1;
            match self.char_at(i) {
                ' ' | '\t' | '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' => continue,
                c => return matches!(c, '.' | '!' | '?' | '\n' | ':' | '\u{2014}'),
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<Entity> {
        let words = Words::new(text);
        let mut buf = String::new();
        let flags: Vec<WordFlags> = (0..words.len())
            .map(|i| WordFlags::of(words.norm(i, &mut buf)))
            .collect();
        entities(&words, &flags)
    }

    fn name(s: &str) -> Entity {
        Entity::Name(s.into())
    }

    #[test]
    fn honorific_person_gets_surname_too() {
        let got = names("Talks went on. Foreign Minister Dmytro Kuleba said no.");
        assert_eq!(
            got,
            [name("foreign minister dmytro kuleba"), name("kuleba")]
        );
    }

    #[test]
    fn places_fold_and_sentence_starts_are_skipped() {
        let got = names("Troops left. The Kremlin said Ukrainian forces held Kyiv.");
        assert_eq!(
            got,
            [
                name("kremlin"),
                Entity::Place("ukraine"),
                Entity::Place("ukraine")
            ]
        );
    }

    #[test]
    fn connectors_join_names() {
        assert_eq!(
            names("a loan from the Bank of England"),
            [name("bank of england")]
        );
    }

    #[test]
    fn possessives_name_the_same_entity() {
        let got = names("He met Hunter Biden's lawyer and Stern's aides.");
        assert_eq!(got, [name("hunter biden"), name("biden"), name("stern")]);
    }

    #[test]
    fn lists_are_sorted() {
        assert!(HONORIFICS.windows(2).all(|w| w[0] < w[1]));
    }
}
