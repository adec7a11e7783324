//! Quantities: numbers that count or measure something, with their value (digits, number
//! words, scale words, ranges), unit (a counted noun, a currency, percent, a measure) and
//! qualifier ("more than", "nearly", or the direction of a change). Years, dates, times of
//! day, phone numbers, identifiers and list numbering are not quantities.
//!
//! Returns [`Number`]s in body order. Must not look beyond the one body it is given.
//!
//! One linear pass per sentence: [`token`] splits it, [`scan`] reads each number once with
//! [`value`], [`unit`], [`qualifier`] and [`negatives`] looking a few tokens either side.

mod lexicon;
mod negatives;
mod qualifier;
mod scan;
mod token;
mod unit;
mod value;

#[cfg(test)]
mod tests;

use crate::sentences::Sentence;
use crate::span::CharIndex;
use regex::Regex;
use serde::{Serialize, Serializer};
use std::sync::LazyLock;

/// A stated value: one number, or a range `[min, max]`. Whole numbers serialise without a
/// fractional part (`130000`, not `130000.0`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// One number ("130,000", "2.5 million").
    One(f64),
    /// A range ("between 30 and 40", "tens of thousands").
    Range([f64; 2]),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::One(v) => Plain(*v).serialize(serializer),
            Value::Range([lo, hi]) => [Plain(*lo), Plain(*hi)].serialize(serializer),
        }
    }
}

/// One number, written as an integer when it is whole and exactly representable.
#[derive(Clone, Copy)]
struct Plain(f64);

impl Serialize for Plain {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < EXACT {
            // Whole and within ±2^53: the cast is exact.
            serializer.serialize_i64(v as i64)
        } else {
            serializer.serialize_f64(v)
        }
    }
}

/// One quantity as the text states it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Number {
    /// The value, scale words applied.
    pub value: Value,
    /// The counted noun, currency, "percentage" or measure; `None` when nothing fits.
    pub unit: Option<String>,
    /// As written ("more than", "an estimated"), or "up" / "down" for a change; `None` for a
    /// plain statement.
    pub qualifier: Option<String>,
    /// The surface text: qualifier, number and unit where adjacent.
    pub text: String,
    /// `[start, end)` char offsets of `text` in the body.
    pub span: [usize; 2],
}

/// The quantities of `body`, whose sentences are `sentences`, in body order.
pub fn extract_numbers(body: &str, sentences: &[Sentence], index: &CharIndex) -> Vec<Number> {
    let mut out = Vec::new();
    for sentence in sentences {
        if !may_hold_number(body, sentence) {
            continue;
        }
        let toks = token::tokenize(body, sentence.bytes.clone());
        for found in scan::scan(&toks) {
            if let Some(number) = to_number(body, &toks, found, index) {
                out.push(number);
            }
        }
    }
    out
}

/// Number words, and the scale and vague words a number in words can start with. ASCII
/// word boundaries (`-u`) keep the search in the fast DFA on any text.
static NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i-u)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|zero)\b",
    )
    .expect("a valid constant pattern")
});

/// True when the sentence holds a digit or a number word (a cheap pre-check that spares
/// tokenising the rest).
fn may_hold_number(body: &str, sentence: &Sentence) -> bool {
    let Some(text) = body.get(sentence.bytes.clone()) else {
        return false;
    };
    text.bytes().any(|b| b.is_ascii_digit()) || NUMBER_WORD.is_match(text)
}

/// A candidate as a [`Number`] with its text and char span.
fn to_number(
    body: &str,
    toks: &[token::Token],
    found: scan::Candidate,
    index: &CharIndex,
) -> Option<Number> {
    let first = toks.get(found.start)?;
    let last = toks.get(found.end.checked_sub(1)?)?;
    let bytes = first.start..last.end;
    let text = body.get(bytes.clone())?.to_string();
    Some(Number {
        value: found.value,
        unit: found.unit.map(|u| u.name),
        qualifier: found.qualifier,
        text,
        span: index.span(bytes),
    })
}
