//! The comparison of one story's documents: where the sources agree, who adds what, and
//! where they contradict each other. [`compare_story`] takes the story's [`Member`]s — each
//! with its body, its per-document [`Facts`], its duplicate group and the passages it
//! reprints from another document — and returns a [`Comparison`]:
//!
//! - `quotes` (`quotes`): each statement once, under the speaker most independent groups
//!   give it to, its wordings in every document as variants; `conflicts` where outlets
//!   give the same words to different people;
//! - `numbers` (`quantities`): the same quantity across documents (unit plus the entities
//!   and words around it), `disagree` when values differ beyond rounding, `compatible` when
//!   their qualifiers still allow one true value;
//! - `agreed` / `unique` (`claims`): sentences two independent groups state, and those only
//!   one group states. Passages a document reprints do not confirm anything.
//!
//! Statements are matched on shared terms (`terms`) by leader clustering (`leader`); people
//! across documents by `people`. Every threshold is in [`CompareConfig`]. Members are read
//! in publication order (undated last, then by id), so output never depends on input
//! order.
//!
//! Must not: read files or bodies it is not given, or change a document's own facts.

mod claims;
mod leader;
mod people;
mod quantities;
mod quotes;
mod terms;
#[cfg(test)]
mod tests;

use crate::{span::CharIndex, CompareConfig, Facts, Sentence, Value};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

pub use terms::{Termer, Terms};

/// One document of a story, as the comparison needs it.
#[derive(Clone, Copy, Debug)]
pub struct Member<'a> {
    /// Document id.
    pub id: &'a str,
    /// Its duplicate group's id.
    pub group: &'a str,
    /// Whether it is its group's representative (the group's claims are read from it).
    pub representative: bool,
    /// `YYYY-MM-DD`, when known.
    pub date: Option<&'a str>,
    /// Language (ISO 639-3), when known.
    pub lang: Option<&'a str>,
    /// The cleaned body.
    pub body: &'a str,
    /// Its [`sentences`](crate::sentences()).
    pub sentences: &'a [Sentence],
    /// Its quotes and numbers.
    pub facts: &'a Facts,
    /// `[start, end)` char ranges of `body` reprinted from another document.
    pub borrowed: &'a [[usize; 2]],
}

/// What a story's sources agree on, add and contradict.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Comparison {
    /// Statements by speaker.
    pub quotes: Vec<SpeakerQuotes>,
    /// The same words given to different people.
    pub conflicts: Vec<Conflict>,
    /// Quantities stated by two documents or more.
    pub numbers: Vec<Quantity>,
    /// Claims two or more independent duplicate groups state.
    pub agreed: Vec<Claim>,
    /// Per group representative: sentences only its group states.
    pub unique: BTreeMap<String, Vec<Passage>>,
}

impl Comparison {
    /// True when there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self == &Comparison::default()
    }
}

/// One speaker's statements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerQuotes {
    /// The speaker's fullest name in the story (`None` when no document names one).
    pub speaker: Option<String>,
    /// Statements in story order.
    pub quotes: Vec<StoryQuote>,
}

/// One statement and its wordings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoryQuote {
    /// The earliest document's wording.
    pub text: String,
    /// Each document's wording.
    pub variants: Vec<Variant>,
}

/// A statement as one document words it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Variant {
    /// Document id.
    pub doc: String,
    /// The quote as that document has it.
    pub text: String,
    /// `[start, end)` chars of that document's body.
    pub span: [usize; 2],
    /// How sure that document's attribution is.
    pub confidence: f32,
}

/// Words two or more people are said to have spoken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    /// The statement (as in `quotes`).
    pub text: String,
    /// Who each document gives it to, most independent groups first.
    pub attributions: Vec<Attribution>,
}

/// One attribution of a conflicting statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Attribution {
    /// The speaker.
    pub speaker: String,
    /// The documents that give the statement to them.
    pub docs: Vec<String>,
}

/// One quantity across documents.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quantity {
    /// What is counted: the unit and the names around it ("troops: Russia, Ukraine").
    pub quantity: String,
    /// The unit as the documents write it.
    pub unit: String,
    /// Stated values differ beyond rounding.
    pub disagree: bool,
    /// One true value fits every value with its qualifier.
    pub compatible: bool,
    /// Every statement of it, in story order.
    pub values: Vec<StatedValue>,
}

/// One document's statement of a quantity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StatedValue {
    /// The value (or `[min, max]`).
    pub value: Value,
    /// As written ("more than"), if any.
    pub qualifier: Option<String>,
    /// Document id.
    pub doc: String,
    /// The surface text.
    pub text: String,
    /// `[start, end)` chars of that document's body.
    pub span: [usize; 2],
}

/// A claim several independent groups state.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Claim {
    /// The earliest document's sentence.
    pub claim: String,
    /// The documents stating it in their own text.
    pub docs: Vec<String>,
    /// Their duplicate groups.
    pub groups: Vec<String>,
    /// Per document, the sentence's `[start, end)` chars.
    pub spans: BTreeMap<String, [usize; 2]>,
}

/// A sentence of one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Passage {
    /// The sentence.
    pub text: String,
    /// `[start, end)` chars of the body.
    pub span: [usize; 2],
}

/// Chars between two byte checkpoints of a non-ASCII body.
const STRIDE: usize = 64;

/// A member with what every part of the comparison reads from it, made once (in parallel
/// across members) and then only read, so the parts can run side by side.
pub(crate) struct Read<'a> {
    pub member: Member<'a>,
    /// Sentences as `[start, end)` chars.
    pub sentences: Vec<[usize; 2]>,
    /// Byte offset of every [`STRIDE`]th char, for cutting spans out of the body (empty for
    /// ASCII, where chars are bytes).
    checkpoints: Vec<u32>,
    /// Terms of the sentences the comparison reads: every sentence of a group's
    /// representative, those holding a number in the others.
    sentence_terms: Vec<Option<Terms>>,
    /// Content terms of each quote.
    pub quote_terms: Vec<Vec<u64>>,
    /// Per number: its unit's key (`None` for a bare number) and its own text's terms.
    pub number_terms: Vec<(Option<u64>, Vec<u64>)>,
}

impl<'a> Read<'a> {
    fn new(member: Member<'a>, speaks_for_group: bool) -> Read<'a> {
        let termer = Termer::new(member.lang);
        let index = CharIndex::new(member.body);
        let sentences: Vec<[usize; 2]> = member
            .sentences
            .iter()
            .map(|s| index.span(s.bytes.clone()))
            .collect();
        let checkpoints = if member.body.is_ascii() {
            Vec::new()
        } else {
            member
                .body
                .char_indices()
                .step_by(STRIDE)
                .map(|(b, _)| b as u32)
                .collect()
        };
        let mut read = Read {
            member,
            sentence_terms: vec![None; sentences.len()],
            sentences,
            checkpoints,
            quote_terms: member
                .facts
                .quotes
                .iter()
                .map(|q| termer.terms(&q.text).all)
                .collect(),
            number_terms: member
                .facts
                .numbers
                .iter()
                .map(|n| (quantities::unit_key(&termer, n), termer.terms(&n.text).all))
                .collect(),
        };
        let mut needed = vec![speaks_for_group; read.sentences.len()];
        for n in &member.facts.numbers {
            if let Some(k) = read.sentence_index(n.span[0]) {
                needed[k] = true;
            }
        }
        for (k, need) in needed.into_iter().enumerate() {
            if need {
                read.sentence_terms[k] = Some(termer.terms(read.text(read.sentences[k])));
            }
        }
        read
    }

    /// The text of `[start, end)` chars of the body.
    pub fn text(&self, [start, end]: [usize; 2]) -> &'a str {
        let (start, end) = (self.byte_at(start), self.byte_at(end.max(start)));
        &self.member.body[start..end]
    }

    /// The byte offset of char `c` (the body's end past it).
    fn byte_at(&self, c: usize) -> usize {
        let body = self.member.body;
        if self.checkpoints.is_empty() {
            return c.min(body.len());
        }
        let k = (c / STRIDE).min(self.checkpoints.len() - 1);
        let from = self.checkpoints[k] as usize;
        body[from..]
            .char_indices()
            .nth(c - k * STRIDE)
            .map_or(body.len(), |(b, _)| from + b)
    }

    /// The index of the sentence holding char `at`.
    pub fn sentence_index(&self, at: usize) -> Option<usize> {
        let k = self.sentences.partition_point(|s| s[1] <= at);
        (k < self.sentences.len()).then_some(k)
    }

    /// The terms of sentence `k` (empty for one the comparison does not read).
    pub fn sentence_terms(&self, k: usize) -> &Terms {
        static NONE: Terms = Terms::EMPTY;
        self.sentence_terms[k].as_ref().unwrap_or(&NONE)
    }
}

/// Members whose sentences speak for their group: each group's representative (the first
/// member of a group that has none marked), in story order.
pub(crate) fn representatives(members: &[Member<'_>]) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut of_group: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (m, member) in members.iter().enumerate() {
        match of_group.get(member.group) {
            None => {
                of_group.insert(member.group, chosen.len());
                chosen.push(m);
            }
            Some(&k) if member.representative && !members[chosen[k]].representative => {
                chosen[k] = m
            }
            Some(_) => {}
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Whether [`compare_story`] finds nothing in a story whatever its members' bodies say:
/// `members` gives each member's duplicate group and facts. True when they hold no quote
/// and no number and are of too few groups for claims (`claims::GROUPS_FOR_CLAIMS`). A
/// caller may then skip reading the bodies: the comparison is empty.
pub fn compares_nothing<'a>(members: impl IntoIterator<Item = (&'a str, &'a Facts)>) -> bool {
    let mut groups: Vec<&str> = Vec::new();
    for (group, facts) in members {
        if !facts.quotes.is_empty() || !facts.numbers.is_empty() {
            return false;
        }
        if !groups.contains(&group) {
            groups.push(group);
            if groups.len() >= claims::GROUPS_FOR_CLAIMS {
                return false;
            }
        }
    }
    true
}

/// Compares the documents of one story. Members are read in parallel, and statements,
/// quantities and claims are lined up side by side.
pub fn compare_story(members: &[Member<'_>], config: &CompareConfig) -> Comparison {
    let mut ordered: Vec<Member<'_>> = members.to_vec();
    ordered.sort_by(|a, b| (a.date.is_none(), a.date, a.id).cmp(&(b.date.is_none(), b.date, b.id)));
    // A representative's sentences speak for its group in the claims, which need several
    // groups: with fewer, only the sentences holding a number are read.
    let mut speaks = vec![false; ordered.len()];
    let groups = representatives(&ordered);
    let claims_read = groups.len() >= claims::GROUPS_FOR_CLAIMS;
    for m in groups {
        speaks[m] = claims_read;
    }
    let read: Vec<Read<'_>> = ordered
        .into_par_iter()
        .zip(speaks)
        .map(|(member, speaks)| Read::new(member, speaks))
        .collect();
    let ((quotes, conflicts), (numbers, (agreed, unique))) = rayon::join(
        || quotes::by_speaker(&read, config),
        || {
            rayon::join(
                || quantities::quantities(&read, config),
                || claims::claims(&read, config),
            )
        },
    );
    Comparison {
        quotes,
        conflicts,
        numbers,
        agreed,
        unique,
    }
}
