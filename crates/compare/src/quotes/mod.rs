//! Quotes and their speakers: direct quotes (straight and curly marks, split around
//! "he said", multi-paragraph), indirect speech ("X said that …", "according to X"), and the
//! speaker of each, resolved to one name per person within the document.
//!
//! Returns [`Quote`]s in body order. Must not look beyond the one body it is given.
//!
//! The work is split by idea: [`tokens`] cuts the body into words, [`marks`] pairs
//! quotation marks, [`direct`] decides which quoted spans are speech, [`indirect`] finds
//! reported clauses, [`attribution`] finds the speaker phrase next to a verb, and
//! [`speakers`] resolves that phrase (name, surname, pronoun, role) to one person. This
//! file merges direct and indirect readings and resolves speakers in body order.

mod attribution;
mod direct;
mod indirect;
mod lexicon;
mod marks;
mod resolve;
mod speakers;
mod tokens;

#[cfg(test)]
mod tests;

use crate::sentences::Sentence;
use crate::span::CharIndex;
use serde::{Deserialize, Serialize};

/// One quote: what was said, by whom, where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The speaker's name as first introduced in the document, titles dropped. When no
    /// named person or organisation fits, the speaker as the text describes it ("a
    /// spokesperson", "some voters", confidence 0.3); `None` when nothing fits at all.
    pub speaker: Option<String>,
    /// The quoted words: for a direct quote from the opening to the closing mark, marks
    /// included; for indirect speech the reported clause.
    pub text: String,
    /// `[start, end)` char offsets of `text` in the body.
    pub span: [usize; 2],
    /// True for a quote inside quotation marks; false for indirect or mixed speech.
    pub direct: bool,
    /// How sure the speaker is, 0–1: high when named next to the speech verb, lower when
    /// resolved from a pronoun or a role noun.
    pub confidence: f32,
}

/// The quotes of `body`, whose sentences are `sentences`, in body order. A speaker no name
/// fits is reported as the text describes it when `describe_unnamed` is true, else `None`.
pub fn extract_quotes(
    body: &str,
    sentences: &[Sentence],
    index: &CharIndex,
    describe_unnamed: bool,
) -> Vec<Quote> {
    if body.trim().is_empty() {
        return Vec::new();
    }
    let lower = body.to_ascii_lowercase();
    let tokens = tokens::tokenize(body, &lower);
    let headline_end = direct::headline_end(body);
    let marked = marks::quoted_spans(body);
    let directs = direct::direct_quotes(body, &tokens, &marked);
    let quoted = quoted_flags(&tokens, &directs);
    let sentence_tokens: Vec<std::ops::Range<usize>> = sentences
        .iter()
        .map(|s| tokens::first_at(&tokens, s.bytes.start)..tokens::first_at(&tokens, s.bytes.end))
        .filter(|r| r.start < r.end)
        .collect();
    let clauses: Vec<indirect::Clause> = sentence_tokens
        .iter()
        .flat_map(|s| indirect::clauses(&tokens, s.clone(), &quoted))
        .filter(|c| tokens[c.tokens.start].bytes.start >= headline_end)
        .collect();
    let candidates = resolve::merge(&tokens, directs, clauses);
    let mut registry = speakers::Registry::build(body, &tokens, &quoted);
    resolve::speakers(body, &tokens, &sentence_tokens, &mut registry, candidates)
        .into_iter()
        .map(|(c, speaker)| {
            let bytes = c.bytes(&tokens);
            let keep = describe_unnamed || !speaker.is_described();
            Quote {
                speaker: speaker.name.filter(|_| keep),
                text: body[bytes.clone()].to_string(),
                span: index.span(bytes),
                direct: c.direct,
                confidence: speaker.confidence,
            }
        })
        .collect()
}

/// True when `text` holds a double quotation mark, the one way into a direct quote (the
/// other way into a quote is a word that [`opens_clause`]): the marks the pairing reads
/// ([`marks::marks_in`]), up to the first.
pub(crate) fn has_double_mark(text: &str) -> bool {
    marks::marks_in(text).next().is_some()
}

pub(crate) use lexicon::{clause_openers, opens_clause};

/// For every token, whether it lies inside a quoted span that is not a title or a label.
fn quoted_flags(tokens: &[tokens::Token], directs: &[direct::DirectQuote]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    for d in directs
        .iter()
        .filter(|d| d.class != direct::Class::NotSpeech)
    {
        for flag in &mut flags[d.tokens.clone()] {
            *flag = true;
        }
    }
    flags
}
