//! Direct quotes: which quoted spans are speech, and the attribution next to each.
//!
//! Returns one [`DirectQuote`] per quoted span with its class: speech (a quote), a short
//! fragment (a quote only inside reported speech), or not speech at all (scare quotes,
//! titles of books and films, nicknames, words mentioned as words, headlines). Must not
//! resolve speakers; the attribution is a token range for the speaker module.

use super::attribution::{after_quote, before_quote, Attr};
use super::lexicon;
use super::marks::Marked;
use super::tokens::{first_at, Token};
use std::ops::Range;

/// What a quoted span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A quote.
    Speech,
    /// A few words in marks: a quote only as part of reported speech.
    Fragment,
    /// Not speech: a title, a nickname, a scare quote, a headline.
    NotSpeech,
}

/// One quoted span with its attribution.
#[derive(Clone, Debug)]
pub struct DirectQuote {
    /// Token range, marks included.
    pub tokens: Range<usize>,
    /// The verb and speaker phrase next to it, if any.
    pub attr: Option<Attr>,
    /// What it is.
    pub class: Class,
    /// Goes on in the next paragraph.
    pub continues: bool,
}

/// Fewest words of a quote that stands without a speech verb.
const MIN_FLOATING_WORDS: usize = 4;

/// The direct-quote reading of every marked span.
pub fn direct_quotes(body: &str, tokens: &[Token], marked: &[Marked]) -> Vec<DirectQuote> {
    let headline_end = headline_end(body);
    let mut out: Vec<DirectQuote> = Vec::with_capacity(marked.len());
    for m in marked {
        let open = first_at(tokens, m.bytes.start);
        let close_end = first_at(tokens, m.bytes.end);
        if open >= close_end {
            continue;
        }
        let floor = out
            .last()
            .map_or(0, |q| q.tokens.end)
            .max(sentence_floor(tokens, open));
        let ceil = sentence_ceil(tokens, close_end);
        let attr = if m.closed {
            after_quote(tokens, close_end, ceil)
        } else {
            None
        }
        .or_else(|| before_quote(tokens, open, floor));
        let class = if m.bytes.start < headline_end {
            Class::NotSpeech
        } else {
            classify(tokens, open, close_end, attr.as_ref())
        };
        out.push(DirectQuote {
            tokens: open..close_end,
            attr,
            class,
            continues: m.continues,
        });
    }
    out
}

/// Byte end of a headline-like first line (short, no final punctuation), else 0.
pub fn headline_end(body: &str) -> usize {
    let first = body.split('\n').next().unwrap_or("");
    let trimmed = first.trim_end();
    let words = trimmed.split_whitespace().count();
    let inner = trimmed.trim_end_matches(['"', '”', '’', '\'']);
    let ends_like_prose = inner.ends_with(['.', '!', '?', ',', ':']);
    let has_more = body.len() > first.len() + 1;
    if has_more && words <= 20 && !ends_like_prose {
        first.len()
    } else {
        0
    }
}

/// The first token of the sentence holding token `at`.
fn sentence_floor(tokens: &[Token], at: usize) -> usize {
    let floor = at.saturating_sub(200);
    (floor..at)
        .rev()
        .find(|&k| tokens[k].ends_sentence())
        .map_or(floor, |k| k + 1)
}

/// The token ending the sentence that goes on after token `at`.
fn sentence_ceil(tokens: &[Token], at: usize) -> usize {
    (at..tokens.len())
        .take(40)
        .find(|&k| tokens[k].ends_sentence() || tokens[k].is_quote_mark())
        .unwrap_or(tokens.len().min(at + 40))
}

/// Speech, fragment or not speech, from the words in marks and around them.
fn classify(tokens: &[Token], open: usize, close_end: usize, attr: Option<&Attr>) -> Class {
    let inner = &tokens[open + 1..close_end.saturating_sub(1).max(open + 1)];
    let words: Vec<&Token> = inner.iter().filter(|t| t.is_word()).collect();
    if words.is_empty() {
        return Class::NotSpeech;
    }
    let before = open.checked_sub(1).map(|i| &tokens[i]);
    let after = tokens.get(close_end);
    let label_cue = before.is_some_and(|t| {
        t.is_word() && (lexicon::is_label_cue(t.lower) || matches!(t.lower, "called" | "as"))
    });
    let nickname = before.is_some_and(Token::is_cap) && after.is_some_and(Token::is_cap);
    let attributed_after = attr.is_some_and(|a| a.verb >= close_end);
    // "described the talks as "…"": the object's label is the speaker's words.
    let labelled_object =
        attr.is_some_and(|a| lexicon::is_labelling_verb(tokens[a.verb].lower) && a.verb + 2 < open);
    if nickname || label_cue && !attributed_after && !labelled_object {
        return Class::NotSpeech;
    }
    if looks_like_title(&words) && !attributed_after {
        return Class::NotSpeech;
    }
    let starts_sentence = before.is_none_or(|t| t.ends_sentence() || t.is(':'));
    let ends_sentence_inside = inner
        .last()
        .is_some_and(|t| t.is('.') || t.is('?') || t.is('!'));
    let enough = words.len() >= MIN_FLOATING_WORDS || ends_sentence_inside && starts_sentence;
    if attr.is_some() || enough && (starts_sentence || words[0].is_cap()) || words.len() >= 8 {
        Class::Speech
    } else {
        Class::Fragment
    }
}

/// True for a short run of capitalised words ("The Salt Road", "Rivers of Ash").
fn looks_like_title(words: &[&Token]) -> bool {
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the" | "a" | "an" | "and" | "in" | "on" | "at" | "to" | "for" | "or"
        )
    };
    words.len() <= 8
        && words.iter().all(|t| t.is_cap() || small(t.lower))
        && words.iter().filter(|t| t.is_cap()).count() >= words.len().div_ceil(2)
}
