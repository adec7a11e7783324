//! Quantities: numbers that count or measure something, with their value (digits, number
//! words, scale words, ranges), unit (a counted noun, a currency, percent, a measure) and
//! qualifier ("more than", "nearly", or the direction of a change). Years, dates, times of
//! day, phone numbers, identifiers and list numbering are not quantities.
//!
//! Returns [`Number`]s in body order. Must not look beyond the one body it is given.
//!
//! One linear pass per sentence: `token` splits it, `scan` reads each number once with
//! `value`, `unit`, `qualifier` and `negatives` looking a few tokens either side.

mod lexicon;
mod negatives;
mod qualifier;
pub use qualifier::{bound, Bound};
mod scan;
mod token;
mod unit;
mod value;

#[cfg(test)]
mod tests;

use crate::sentences::Sentence;
use crate::span::CharIndex;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// The two shapes [`Value`] is written in.
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            One(f64),
            Range([f64; 2]),
        }
        Ok(match Written::deserialize(deserializer)? {
            Written::One(v) => Value::One(v),
            Written::Range(r) => Value::Range(r),
        })
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
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    numbers_in(body, sentences, index, may_hold)
}

/// [`extract_numbers`], tokenising only the sentences `pre_check` lets through (tests pass
/// every sentence, to check [`may_hold`] against the rules it stands in front of).
pub(crate) fn numbers_in(
    body: &str,
    sentences: &[Sentence],
    index: &CharIndex,
    pre_check: fn(&str) -> bool,
) -> Vec<Number> {
    let mut out = Vec::new();
    for sentence in sentences {
        if !body.get(sentence.bytes.clone()).is_some_and(pre_check) {
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

/// True when `text` holds a digit or a number word: the cheap pre-check that spares
/// tokenising text that can state no quantity (`false` promises [`extract_numbers`] finds
/// none there).
pub(crate) fn may_hold(text: &str) -> bool {
    crate::precheck::may_hold(text, false, true).1
}

pub(crate) use lexicon::{is_number_word_bytes as is_number_word, NUMBER_WORDS};

/// A candidate as a [`Number`] with its text and char span; `None` for a value too large
/// to hold.
fn to_number(
    body: &str,
    toks: &[token::Token],
    found: scan::Candidate,
    index: &CharIndex,
) -> Option<Number> {
    let finite = match found.value {
        Value::One(v) => v.is_finite(),
        Value::Range([lo, hi]) => lo.is_finite() && hi.is_finite(),
    };
    if !finite {
        return None;
    }
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
