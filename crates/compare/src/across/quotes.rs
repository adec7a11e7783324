//! Statements across a story: every document's quotes grouped into statements (leader
//! clustering on content words: `quote_min_shared` shared, making `quote_overlap` of the
//! shorter quote's and `quote_cover` of the longer one's, so a long quote does not gather
//! every short one that shares two words with it), each statement filed under the speaker who is given it by the most independent
//! duplicate groups (then the highest summed confidence, then the earliest), and a
//! [`Conflict`] wherever two named people are each given the same words.
//!
//! Returns `quotes` and `conflicts`; must not change any document's own attribution.

use super::leader::Leaders;
use super::people::{Speakers, DESCRIBED};
use super::terms::overlap;
use super::{Attribution, Conflict, Read, SpeakerQuotes, StoryQuote, Variant};
use crate::{CompareConfig, Quote};
use std::collections::{BTreeSet, HashMap, HashSet};

/// A quote of one member: `(member, quote)` indices.
type At = (usize, usize);

/// `quotes` and `conflicts` of a story.
pub fn by_speaker(
    read: &[Read<'_>],
    config: &CompareConfig,
) -> (Vec<SpeakerQuotes>, Vec<Conflict>) {
    let statements = statements(read, config);
    let speakers = Speakers::identify(
        all_quotes(read).filter_map(|(_, q)| Some((q.speaker.as_deref()?, q.confidence))),
    );
    let mut by_speaker: Vec<(Option<usize>, Vec<StoryQuote>)> = Vec::new();
    let mut slot: HashMap<Option<usize>, usize> = HashMap::new();
    let mut conflicts = Vec::new();
    for members in &statements {
        let tally = Tally::of(read, members, &speakers);
        let speaker = tally.winner();
        if let Some(conflict) = tally.conflict(read, members, &speakers) {
            conflicts.push(conflict);
        }
        let quote = story_quote(read, members);
        match slot.get(&speaker) {
            Some(&k) => by_speaker[k].1.push(quote),
            None => {
                slot.insert(speaker, by_speaker.len());
                by_speaker.push((speaker, vec![quote]));
            }
        }
    }
    let quotes = by_speaker
        .into_iter()
        .map(|(speaker, quotes)| SpeakerQuotes {
            speaker: speaker.map(|s| speakers.names[s].clone()),
            quotes,
        })
        .collect();
    (quotes, conflicts)
}

/// Every member's quotes in story order.
fn all_quotes<'r>(read: &'r [Read<'_>]) -> impl Iterator<Item = (At, &'r Quote)> + 'r {
    read.iter().enumerate().flat_map(|(m, r)| {
        r.member
            .facts
            .quotes
            .iter()
            .enumerate()
            .map(move |(q, quote)| ((m, q), quote))
    })
}

/// The quotes grouped into statements, in story order.
fn statements(read: &[Read<'_>], config: &CompareConfig) -> Vec<Vec<At>> {
    let mut leaders = Leaders::default();
    let mut groups: Vec<Vec<At>> = Vec::new();
    for (at, _) in all_quotes(read) {
        let terms = &read[at.0].quote_terms[at.1];
        let score = |_: usize, leader: &[u64]| {
            let o = overlap(terms, leader);
            (o.shared >= config.quote_min_shared
                && o.of_smaller >= config.quote_overlap
                && o.of_larger >= config.quote_cover)
                .then_some(o.of_smaller + o.of_larger)
        };
        match leaders.best(terms, config.quote_min_shared, score) {
            Some(k) => groups[k].push(at),
            None => {
                leaders.add(terms.clone());
                groups.push(vec![at]);
            }
        }
    }
    groups
}

/// The statement's wordings, the first as its text.
fn story_quote(read: &[Read<'_>], members: &[At]) -> StoryQuote {
    let variants: Vec<Variant> = members
        .iter()
        .map(|&(m, q)| {
            let quote = &read[m].member.facts.quotes[q];
            Variant {
                doc: read[m].member.id.to_string(),
                text: quote.text.clone(),
                span: quote.span,
                confidence: quote.confidence,
            }
        })
        .collect();
    StoryQuote {
        text: variants[0].text.clone(),
        variants,
    }
}

/// Who a statement is given to: per speaker, the groups and documents that say so.
struct Tally {
    /// Named speakers: `(speaker, groups, summed confidence, first position)`.
    named: Vec<(usize, BTreeSet<String>, f32, usize)>,
    /// The first described or unknown speaker.
    fallback: Option<usize>,
}

impl Tally {
    fn of(read: &[Read<'_>], members: &[At], speakers: &Speakers) -> Tally {
        let mut named: Vec<(usize, BTreeSet<String>, f32, usize)> = Vec::new();
        let mut fallback = None;
        for (pos, &(m, q)) in members.iter().enumerate() {
            let quote = &read[m].member.facts.quotes[q];
            let Some(s) = quote.speaker.as_deref().and_then(|n| speakers.of(n)) else {
                continue;
            };
            if quote.confidence <= DESCRIBED {
                fallback.get_or_insert(s);
                continue;
            }
            let entry = match named.iter_mut().find(|e| e.0 == s) {
                Some(e) => e,
                None => {
                    named.push((s, BTreeSet::new(), 0.0, pos));
                    named.last_mut().expect("just pushed")
                }
            };
            entry.1.insert(read[m].member.group.to_string());
            entry.2 += quote.confidence;
        }
        named.sort_by(|a, b| {
            (b.1.len(), b.2)
                .partial_cmp(&(a.1.len(), a.2))
                .unwrap_or(std::cmp::Ordering::Equal)
                .then(a.3.cmp(&b.3))
        });
        Tally { named, fallback }
    }

    /// The speaker the statement is filed under.
    fn winner(&self) -> Option<usize> {
        self.named.first().map(|e| e.0).or(self.fallback)
    }

    /// A conflict when two people (named in full) are each given the statement.
    fn conflict(&self, read: &[Read<'_>], members: &[At], speakers: &Speakers) -> Option<Conflict> {
        let people: Vec<usize> = self
            .named
            .iter()
            .map(|e| e.0)
            .filter(|&s| speakers.person[s])
            .collect();
        if people.len() < 2 {
            return None;
        }
        let mut docs: HashMap<usize, Vec<String>> = HashMap::new();
        let mut listed: HashSet<(usize, usize)> = HashSet::new();
        for &(m, q) in members {
            let quote = &read[m].member.facts.quotes[q];
            if let Some(s) = quote.speaker.as_deref().and_then(|n| speakers.of(n)) {
                if listed.insert((s, m)) {
                    docs.entry(s)
                        .or_default()
                        .push(read[m].member.id.to_string());
                }
            }
        }
        Some(Conflict {
            text: story_quote(read, members).text,
            attributions: people
                .into_iter()
                .map(|s| Attribution {
                    speaker: speakers.names[s].clone(),
                    docs: docs.remove(&s).unwrap_or_default(),
                })
                .collect(),
        })
    }
}
