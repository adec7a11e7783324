//! Named-entity-like spans: runs of capitalised words in the original body (people, places,
//! organisations), found on `samestory-text` tokens with their char offsets. A run that
//! starts a sentence counts only if it is longer than one word, follows an honorific, or is
//! a gazetteer place. No tagger, no model: capitalisation, honorifics and the gazetteer.

use crate::background::Background;
use crate::gazetteer::country;
use crate::lexicon::is_stop;
use samestory_text::Token;

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

/// The entities of `text` (whose tokens are `toks`), in order of appearance.
pub fn entities(text: &str, toks: &[Token]) -> Vec<Entity> {
    let caps = Caps::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let end = run_end(&caps, toks, i);
        if end > i {
            emit(&caps, toks, i, end, &mut out);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// End (exclusive) of the capitalised run starting at token `i` (`i` when none starts).
fn run_end(caps: &Caps, toks: &[Token], i: usize) -> usize {
    if !caps.is_capitalised(&toks[i]) {
        return i;
    }
    let mut end = i + 1;
    while end < toks.len() && caps.joined(&toks[end - 1], &toks[end]) {
        if caps.is_capitalised(&toks[end]) {
            end += 1;
        } else if is_connector(&toks[end], toks.get(end + 1), caps) {
            end += 2;
        } else {
            break;
        }
    }
    end
}

fn is_connector(tok: &Token, next: Option<&Token>, caps: &Caps) -> bool {
    CONNECTORS.contains(&tok.text.as_str())
        && next.is_some_and(|n| caps.joined(tok, n) && caps.is_capitalised(n))
}

/// Turns the run `toks[start..end]` into entity features.
fn emit(caps: &Caps, toks: &[Token], start: usize, end: usize, out: &mut Vec<Entity>) {
    let initial = caps.starts_sentence(&toks[start]);
    let words: Vec<&str> = toks[start..end].iter().map(|t| t.text.as_str()).collect();
    let lead = words
        .iter()
        .take_while(|w| is_stop(w) || is_honorific(w))
        .count();
    let person = words[..lead].iter().any(|w| is_honorific(w));
    let name = &words[lead..];
    if name.is_empty() {
        return;
    }
    if places(name, out) || (initial && lead == 0 && name.len() == 1) {
        return;
    }
    out.push(Entity::Name(name.join(" ")));
    if name.len() > 1 && (person || is_rare(name[name.len() - 1])) {
        out.push(Entity::Name(name[name.len() - 1].to_string()));
    }
}

/// Pushes gazetteer places found in `name` (whole, else word by word); true when the whole
/// span is a place.
fn places(name: &[&str], out: &mut Vec<Entity>) -> bool {
    if let Some(c) = country(&name.join(" ")) {
        out.push(Entity::Place(c));
        return true;
    }
    out.extend(name.iter().filter_map(|w| country(w)).map(Entity::Place));
    false
}

fn is_honorific(word: &str) -> bool {
    HONORIFICS.binary_search(&word).is_ok()
}

/// A word outside the 10,000 most common: likely a surname or a specific name.
fn is_rare(word: &str) -> bool {
    Background::get().rank(word).is_none_or(|r| r >= 10_000)
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

    fn is_capitalised(&self, t: &Token) -> bool {
        self.char_at(t.start).is_uppercase()
    }

    /// Whether two tokens are separated by exactly one space or hyphen.
    fn joined(&self, a: &Token, b: &Token) -> bool {
        b.start == a.end + 1 && matches!(self.char_at(a.end), ' ' | '-')
    }

    /// Whether the token opens a sentence (or the text, or a line).
    fn starts_sentence(&self, t: &Token) -> bool {
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
    use samestory_text::tokens;

    fn names(text: &str) -> Vec<Entity> {
        entities(text, &tokens(text))
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
    fn lists_are_sorted() {
        assert!(HONORIFICS.windows(2).all(|w| w[0] < w[1]));
    }
}
