//! Merging the direct and indirect readings into quote candidates, and giving each its
//! speaker in body order.
//!
//! A reported clause that a quotation fills is the direct quote; a clause that holds a
//! quoted fragment is one mixed quote; quotes of a multi-paragraph chain share the
//! attribution found in any paragraph; a quote without a verb takes the speaker of the
//! quote or sentence before it. Returns candidates with their [`Speaker`]; must not emit
//! titles, labels or fragments on their own.

use super::attribution::Attr;
use super::direct::{Class, DirectQuote};
use super::indirect::Clause;
use super::lexicon;
use super::speakers::{capitalised_runs, Registry, Speaker};
use super::tokens::Token;
use std::ops::Range;

/// One quote before its speaker is known.
#[derive(Clone, Debug)]
pub struct Candidate {
    /// Token range of the quote text.
    pub tokens: Range<usize>,
    /// In quotation marks (false for indirect and mixed).
    pub direct: bool,
    /// The speaker phrase, when one is next to the quote.
    pub attr: Option<Attr>,
}

impl Candidate {
    /// The byte range of the quote text.
    pub fn bytes(&self, tokens: &[Token]) -> Range<usize> {
        tokens[self.tokens.start].bytes.start..tokens[self.tokens.end - 1].bytes.end
    }
}

fn words(tokens: &[Token], range: Range<usize>) -> usize {
    tokens[range].iter().filter(|t| t.is_word()).count()
}

/// The quote candidates of a body, in body order.
pub fn merge(
    tokens: &[Token],
    mut directs: Vec<DirectQuote>,
    clauses: Vec<Clause>,
) -> Vec<Candidate> {
    share_chain_attributions(&mut directs);
    let mut absorbed = vec![false; directs.len()];
    let mut out = Vec::new();
    for clause in clauses {
        let mut range = clause.tokens.clone();
        let mut keep = true;
        let first = directs.partition_point(|d| d.tokens.end <= range.start);
        for (k, d) in directs.iter_mut().enumerate().skip(first) {
            if d.tokens.start >= range.end {
                break;
            }
            if d.class == Class::NotSpeech {
                continue;
            }
            let inside = d.tokens.start >= range.start && d.tokens.end <= range.end + 1;
            if inside {
                let quoted = words(tokens, d.tokens.clone());
                let lead = words(tokens, range.start..d.tokens.start);
                let total = words(tokens, range.clone());
                let fills = lead <= 3 && quoted * 10 >= total * 7 && d.tokens.end + 1 >= range.end;
                if fills {
                    keep = false;
                    d.class = Class::Speech;
                    if d.attr.is_none() {
                        d.attr = Some(clause.attr.clone());
                    }
                } else {
                    absorbed[k] = true;
                }
            } else if d.tokens.start > range.start {
                range.end = d.tokens.start;
            } else {
                keep = false;
            }
        }
        if keep && words(tokens, range.clone()) >= 3 {
            out.push(Candidate {
                tokens: range,
                direct: false,
                attr: Some(clause.attr),
            });
        }
    }
    for (d, absorbed) in directs.into_iter().zip(absorbed) {
        if d.class == Class::Speech && !absorbed {
            out.push(Candidate {
                tokens: d.tokens,
                direct: true,
                attr: d.attr,
            });
        }
    }
    out.sort_by_key(|c| (c.tokens.start, c.tokens.end));
    out.dedup_by(|b, a| a.tokens == b.tokens);
    out
}

/// Gives every paragraph of a multi-paragraph quote the attribution found in any of them.
fn share_chain_attributions(directs: &mut [DirectQuote]) {
    let mut start = 0;
    while start < directs.len() {
        let mut end = start;
        while end + 1 < directs.len() && directs[end].continues {
            end += 1;
        }
        if end > start {
            let attr = directs[start..=end].iter().find_map(|d| d.attr.clone());
            for d in &mut directs[start..=end] {
                if d.class != Class::NotSpeech {
                    d.class = Class::Speech;
                }
                if d.attr.is_none() {
                    d.attr = attr.clone();
                }
            }
        }
        start = end + 1;
    }
}

/// Every candidate with its speaker, resolved in body order.
pub fn speakers(
    body: &str,
    tokens: &[Token],
    sentences: &[Range<usize>],
    registry: &mut Registry,
    candidates: Vec<Candidate>,
) -> Vec<(Candidate, Speaker)> {
    // People named inside reported words are not who "he said" stands for.
    for c in &candidates {
        registry.mark_reported(c.tokens.clone());
    }
    let mut out: Vec<(Candidate, Speaker)> = Vec::with_capacity(candidates.len());
    for c in candidates {
        let speaker = match &c.attr {
            Some(a) => resolve_phrase(body, tokens, registry, a.subject.clone()),
            None => floating(tokens, sentences, registry, &out, c.tokens.start),
        };
        if let Some(e) = speaker.entity {
            registry.record_speaker(e, c.tokens.start);
        }
        out.push((c, speaker));
    }
    out
}

/// The speaker of a quote without a verb at token `at`: the quote before it in the same
/// paragraph, else the speaker or the first person of the sentence before, else the last
/// speaker.
fn floating(
    tokens: &[Token],
    sentences: &[Range<usize>],
    registry: &Registry,
    done: &[(Candidate, Speaker)],
    at: usize,
) -> Speaker {
    let lower = |mut s: Speaker, by: f32| {
        s.confidence = (s.confidence - by).max(0.1);
        s
    };
    if let Some((prev, speaker)) = done.last() {
        let same_paragraph = !tokens[prev.tokens.end.min(at)..at]
            .iter()
            .any(|t| t.kind == super::tokens::Kind::Break);
        if same_paragraph && speaker.name.is_some() {
            return lower(speaker.clone(), 0.2);
        }
    }
    let here = sentences.partition_point(|s| s.end <= at);
    if here > 0 {
        let prev = sentences[here - 1].clone();
        if let Some((_, speaker)) = done
            .iter()
            .rev()
            .take_while(|(c, _)| c.tokens.start >= prev.start)
            .find(|(c, _)| c.tokens.start < at)
        {
            if speaker.name.is_some() {
                return lower(speaker.clone(), 0.3);
            }
        }
        let first_person = registry
            .mentions_between(prev.start, prev.end)
            .iter()
            .find(|m| m.subject && !registry.entities[m.entity].is_org);
        if let Some(m) = first_person {
            let e = m.entity;
            return Speaker {
                name: Some(registry.entities[e].name.clone()),
                entity: Some(e),
                confidence: 0.5,
            };
        }
    }
    match registry.last_speaker(at) {
        Some(e) => Speaker {
            name: Some(registry.entities[e].name.clone()),
            entity: Some(e),
            confidence: 0.4,
        },
        None => Speaker::none(),
    }
}

/// Nouns of bodies whose speech is the organisation's ("the ministry said").
fn is_body_noun(word: &str) -> bool {
    matches!(
        word,
        "company"
            | "firm"
            | "agency"
            | "ministry"
            | "department"
            | "government"
            | "city"
            | "board"
            | "police"
            | "union"
            | "council"
            | "court"
            | "party"
            | "office"
            | "authority"
            | "service"
            | "hospital"
            | "school"
            | "university"
            | "group"
            | "organization"
            | "organisation"
            | "network"
            | "team"
            | "campaign"
            | "station"
            | "airline"
            | "club"
            | "commission"
            | "committee"
            | "province"
            | "administration"
            | "embassy"
            | "military"
            | "army"
            | "alliance"
            | "bank"
            | "utility"
            | "operator"
            | "regulator"
            | "association"
            | "coalition"
            | "institute"
            | "centre"
            | "center"
    )
}

/// The speaker named by noun phrase `np`: a name in it, else a pronoun, a role noun, an
/// organisation noun, or (when nothing fits) the phrase itself as said.
fn resolve_phrase(
    body: &str,
    tokens: &[Token],
    registry: &mut Registry,
    np: Range<usize>,
) -> Speaker {
    if np.is_empty() {
        // "…, saying …" with no subject of its own: the person just talked about.
        return registry
            .resolve_recent_subject(np.start)
            .unwrap_or_else(Speaker::none);
    }
    let segments = split_commas(tokens, np.clone());
    let named: Vec<Speaker> = segments
        .iter()
        .filter_map(|seg| name_run(tokens, seg.clone()))
        .map(|run| registry.resolve_name(body, tokens, run))
        .filter(|s| s.name.is_some())
        .collect();
    // "One red-state senator, Sen. Jane Roe,": a known person beats a lone word.
    let person = named
        .iter()
        .find(|s| s.entity.is_some_and(|e| !registry.entities[e].is_org));
    if let Some(s) = person.or(named.first()) {
        return s.clone();
    }
    let Some(head_seg) = segments.first().cloned() else {
        return Speaker::none();
    };
    let at = np.start;
    let seg_words: Vec<&Token> = tokens[head_seg.clone()]
        .iter()
        .filter(|t| t.is_word())
        .collect();
    if let [only] = seg_words.as_slice() {
        match lexicon::pronoun(only.lower) {
            Some(Some(male)) => return registry.resolve_pronoun(male, at, 0),
            Some(None) => {
                return if only.lower == "it" {
                    registry
                        .resolve_org(None, at, 0)
                        .unwrap_or_else(Speaker::none)
                } else {
                    plural_group_before(body, tokens, at).unwrap_or_else(Speaker::none)
                }
            }
            None => {}
        }
    }
    let head = seg_words
        .iter()
        .take_while(|t| t.lower != "of" && t.lower != "for")
        .last()
        .map(|t| t.stem().to_string())
        .unwrap_or_default();
    let det = seg_words.first().map(|t| t.lower).unwrap_or("");
    let definite = matches!(det, "the" | "his" | "her" | "its" | "their")
        || seg_words.first().is_some_and(|t| t.is_possessive());
    if lexicon::is_document_noun(&head) {
        if let Some(s) = registry.resolve_org(None, at, 0) {
            return s;
        }
    }
    if definite && is_body_noun(&head) {
        let org = registry
            .resolve_org(Some(&head), at, 0)
            .or_else(|| registry.resolve_org(None, at, 0));
        if let Some(s) = org {
            return s;
        }
    }
    if definite {
        if let Some(s) = registry.resolve_role(&head, at, 0) {
            return s;
        }
        // "the 26-year-old winger": a description of someone just named.
        let describes_person = det == "the"
            && !head.ends_with('s')
            && lexicon::role_family(&head).is_empty()
            && !is_body_noun(&head)
            && !lexicon::is_document_noun(&head);
        if describes_person {
            if let Some(s) = registry.resolve_recent_subject(at) {
                return s;
            }
        }
    }
    describe(body, tokens, head_seg)
}

/// The speaker as the text describes it ("a spokesperson", "city staff") when no named
/// person or organisation fits, with [`DESCRIBED_CONFIDENCE`] and no entity (the caller
/// drops it when `compare.describe_unnamed_speakers` is off).
fn describe(body: &str, tokens: &[Token], phrase: Range<usize>) -> Speaker {
    // "a person familiar with the talks but unauthorized to speak": the head phrase only.
    let end = (phrase.start + 1..phrase.end)
        .find(|&k| matches!(tokens[k].lower, "who" | "which" | "that" | "but" | "whose"))
        .unwrap_or(phrase.end);
    let bytes = tokens[phrase.start].bytes.start..tokens[end - 1].bytes.end;
    Speaker {
        name: Some(body[bytes].to_string()),
        entity: None,
        confidence: DESCRIBED_CONFIDENCE,
    }
}

/// The confidence of a speaker reported as the text describes it, and only of such a
/// speaker: it marks one (see [`Speaker::is_described`]).
pub(super) const DESCRIBED_CONFIDENCE: f32 = 0.3;

/// "they": the plural noun phrase opening this sentence or one of the two before
/// ("Republican senators …; they say"), as said.
fn plural_group_before(body: &str, tokens: &[Token], at: usize) -> Option<Speaker> {
    let floor = at.saturating_sub(80);
    let mut starts_seen = 0;
    for k in (floor..at).rev() {
        let opens = k == 0 || tokens[k - 1].ends_sentence();
        if !opens {
            continue;
        }
        starts_seen += 1;
        let mut end = k;
        while end < at
            && end - k < 6
            && tokens[end].is_word()
            && !lexicon::is_clause_word(tokens[end].lower)
            && lexicon::pronoun(tokens[end].lower).is_none()
        {
            end += 1;
        }
        let plural = end > k && {
            let last = &tokens[end - 1].lower;
            let plural_form = last.ends_with('s') && !last.ends_with("ss") || last.ends_with("men");
            plural_form && lexicon::speech_verb(last).is_none()
        };
        if plural {
            return Some(describe(body, tokens, k..end));
        }
        if starts_seen >= 3 {
            break;
        }
    }
    None
}

/// `np` cut at its commas.
fn split_commas(tokens: &[Token], np: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = np.start;
    for k in np.clone() {
        if tokens[k].is(',') {
            if k > start {
                out.push(start..k);
            }
            start = k + 1;
        }
    }
    if np.end > start {
        out.push(start..np.end);
    }
    out
}

/// The name in segment `seg`: its last capitalised run, unless that run is a possessive
/// ("Kerr's staff") or holds no name.
fn name_run(tokens: &[Token], seg: Range<usize>) -> Option<Range<usize>> {
    // "Jane Roe of the agency": the head comes before the preposition.
    let cut = (seg.start + 1..seg.end)
        .find(|&k| {
            matches!(
                tokens[k].lower,
                "of" | "for" | "at" | "with" | "from" | "in" | "who" | "which" | "whose"
            )
        })
        .unwrap_or(seg.end);
    let seg = seg.start..cut;
    let run = capitalised_runs(tokens, seg.clone())
        .into_iter()
        .rfind(|r| {
            tokens[r.clone()].iter().any(|t| {
                !lexicon::is_capitalised_stopword(t.stem()) && !lexicon::is_title(t.stem())
            })
        })?;
    // "Kerr's staff", "Surrey staff": the head is the lower-case noun after the run (time
    // words such as "earlier" or "late Friday" do not count).
    let modifier = tokens[run.end..seg.end].iter().any(|t| {
        t.is_word()
            && !t.is_cap()
            && !lexicon::is_verb_filler(t.lower)
            && !lexicon::is_adverbial_opener(t.lower)
            && !t.lower.starts_with(|c: char| c.is_ascii_digit())
            && !matches!(
                t.lower,
                "late" | "night" | "morning" | "afternoon" | "evening" | "week"
            )
    });
    (!modifier).then_some(run)
}
