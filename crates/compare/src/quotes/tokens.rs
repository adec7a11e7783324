//! Tokens of one body for the attribution rules: words (with abbreviation periods and
//! inner apostrophes or hyphens kept), single punctuation chars, and line breaks.
//!
//! Returns [`Token`]s with byte ranges into the body, in order, in one linear pass. Knows
//! nothing of quotes or speakers; must not allocate more than one lower-cased copy a word.

use super::lexicon::{speech_verb, VerbUse};
use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A word; `cap` when its first char is upper case.
    Word {
        /// Starts with an upper-case letter.
        cap: bool,
    },
    /// One punctuation char (quotation marks included).
    Punct(char),
    /// A line break (paragraphs end there).
    Break,
}

/// One token of the body; `'a` is the lower-cased copy of the body it points into.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    /// Byte range in the body.
    pub bytes: Range<usize>,
    /// What it is.
    pub kind: Kind,
    /// The word with ASCII letters lower-cased, possessive "'s" and abbreviation period
    /// kept; empty for punctuation and breaks.
    pub lower: &'a str,
    /// What a lower-case word is as a speech verb, looked up once here.
    pub verb: Option<VerbUse>,
}

impl Token<'_> {
    /// True for a word.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, Kind::Word { .. })
    }

    /// True for a capitalised word.
    pub fn is_cap(&self) -> bool {
        matches!(self.kind, Kind::Word { cap: true })
    }

    /// True for the punctuation char `c`.
    pub fn is(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    /// True for a quotation mark of any style.
    pub fn is_quote_mark(&self) -> bool {
        matches!(self.kind, Kind::Punct(c) if is_double_mark(c))
    }

    /// True for a char that ends a sentence (". ! ?") or a line break.
    pub fn ends_sentence(&self) -> bool {
        matches!(self.kind, Kind::Punct('.' | '!' | '?') | Kind::Break)
    }

    /// The lower-cased word without a possessive "'s".
    pub fn stem(&self) -> &str {
        self.lower
            .strip_suffix("'s")
            .or_else(|| self.lower.strip_suffix("’s"))
            .unwrap_or(self.lower)
    }

    /// True for a possessive word ("Kerr's").
    pub fn is_possessive(&self) -> bool {
        self.stem().len() < self.lower.len()
    }
}

/// Double quotation marks of every style the extractor reads.
pub fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‟' | '＂')
}

/// Abbreviations whose period belongs to the word ("Gen.", "Mr."); `lower` is `word`
/// lower-cased.
fn keeps_period(word: &str, lower: &str) -> bool {
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial
        || word.contains('.')
        || matches!(
            lower,
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "prof"
                | "gen"
                | "maj"
                | "lt"
                | "col"
                | "capt"
                | "cmdr"
                | "adm"
                | "sgt"
                | "cpl"
                | "pte"
                | "brig"
                | "sen"
                | "rep"
                | "gov"
                | "rev"
                | "st"
                | "jr"
                | "sr"
                | "hon"
                | "insp"
                | "supt"
                | "const"
                | "det"
                | "pres"
                | "gen'l"
                | "ald"
                | "messrs"
                | "mme"
                | "mlle"
                | "vs"
                | "etc"
                | "inc"
                | "ltd"
                | "corp"
                | "co"
                | "dept"
                | "univ"
                | "sept"
                | "oct"
                | "nov"
                | "dec"
                | "jan"
                | "feb"
                | "aug"
        )
}

/// Zero-width and format chars that sit between words like spaces.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&' | '/')
}

/// The char starting at byte `at` of `body` (ASCII without decoding).
fn char_at(body: &str, at: usize) -> Option<char> {
    let b = *body.as_bytes().get(at)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        body.get(at..)?.chars().next()
    }
}

/// The byte end of the word starting at `start` with char `first`.
fn word_end(body: &str, start: usize, first: char) -> usize {
    let bytes = body.as_bytes();
    let mut end = start + first.len_utf8();
    loop {
        match bytes.get(end) {
            Some(b) if b.is_ascii_alphanumeric() => end += 1,
            Some(b) if b.is_ascii() && !is_inner_joiner(char::from(*b)) => break,
            None => break,
            Some(_) => {
                let Some(next) = char_at(body, end) else {
                    break;
                };
                let joined = is_inner_joiner(next)
                    && char_at(body, end + next.len_utf8()).is_some_and(is_word_char);
                if is_word_char(next) || joined {
                    end += next.len_utf8();
                } else {
                    break;
                }
            }
        }
    }
    end
}

/// The tokens of `body`; `lower` is `body.to_ascii_lowercase()` (same byte offsets).
pub fn tokenize<'a>(body: &str, lower: &'a str) -> Vec<Token<'a>> {
    let mut tokens = Vec::with_capacity(body.len() / 5);
    let mut at = 0;
    while let Some(c) = char_at(body, at) {
        if c == '\n' {
            tokens.push(Token {
                bytes: at..at + 1,
                kind: Kind::Break,
                lower: "",
                verb: None,
            });
            at += 1;
        } else if c.is_whitespace() || is_invisible(c) {
            at += c.len_utf8();
        } else if is_word_char(c) {
            let mut end = word_end(body, at, c);
            if body[end..].starts_with('.') && keeps_period(&body[at..end], &lower[at..end]) {
                end += 1;
            }
            let cap = c.is_uppercase();
            let word = &lower[at..end];
            tokens.push(Token {
                bytes: at..end,
                kind: Kind::Word { cap },
                lower: word,
                verb: if cap { None } else { speech_verb(word) },
            });
            at = end;
        } else {
            let end = at + c.len_utf8();
            tokens.push(Token {
                bytes: at..end,
                kind: Kind::Punct(c),
                lower: "",
                verb: None,
            });
            at = end;
        }
    }
    tokens
}

/// The index of the first token starting at or after byte `byte`.
pub fn first_at(tokens: &[Token], byte: usize) -> usize {
    tokens.partition_point(|t| t.bytes.start < byte)
}
