//! The story comparison as the pipeline runs it: for each story of two documents or more,
//! its members' bodies come back from the store (at most `compare.group_docs` per duplicate
//! group, the representative first, and `compare.story_docs` per story), their sentences, quotes and numbers are extracted (in
//! parallel, within a story too), the passages
//! each reprints from another document are taken from the engine's reprint relations, and
//! `samestory_compare::compare_story` lines them up. A story whose members' facts are all
//! known and that `samestory_compare::compares_nothing` clears (one duplicate group, no
//! quote, no number: copies of one article) gets its empty comparison without a body being
//! read. Stories are compared in parallel batches and handed to the caller in story order,
//! so output is deterministic and memory holds one batch of bodies.
//!
//! Must not: write or print; the visitor does that.

use crate::facts::{FactsCache, FactsSpill, FirstKnown, KnownFacts};
use crate::{PipelineError, Related};
use rayon::prelude::*;
use samestory_compare::{
    compare_story, compares_nothing, extract_facts_in, sentences, CompareConfig, Comparison, Facts,
    Member, Sentence,
};
use samestory_relate::Kind;
use samestory_story::Stories;
use std::collections::HashMap;

/// Documents per batch of stories: enough to keep every core busy, small enough to bound
/// memory.
const BATCH_DOCS: usize = 1024;

/// Calls `visit(k, comparison)` for each story `k` of `stories`, in order. A story of one
/// document (or every story, when `compare.stories` is off) gets an empty comparison.
/// Members whose facts `known` holds, or that were extracted ahead (`r.facts`), are not
/// extracted again. Returns the facts it extracted, for
/// [`for_each_body`](crate::for_each_body) to reuse.
pub fn for_each_comparison<E: From<PipelineError>>(
    r: &Related,
    stories: &Stories,
    known: Option<&dyn KnownFacts>,
    mut visit: impl FnMut(usize, &Comparison) -> Result<(), E>,
) -> Result<FactsCache, E> {
    let mut kept = FactsSpill::new(r.corpus.docs.len())?;
    let config = &r.config.compare;
    let known = FirstKnown([r.facts_ahead(), known, None]);
    let borrowed = borrowed_passages(r);
    let members: Vec<Vec<usize>> = stories
        .stories
        .iter()
        .map(|s| compared_members(r, &s.documents, config))
        .collect();
    let mut start = 0;
    while start < members.len() {
        let mut end = start;
        let mut docs = 0;
        while end < members.len() && (end == start || docs + members[end].len() <= BATCH_DOCS) {
            docs += members[end].len();
            end += 1;
        }
        let compared: Vec<Result<Compared, PipelineError>> = members[start..end]
            .par_iter()
            .map(|m| compare_one(r, m, &borrowed, (config, &known)))
            .collect();
        for (k, compared) in compared.into_iter().enumerate() {
            let (comparison, extracted) = compared?;
            for (i, facts) in &extracted {
                kept.keep(*i, facts)?;
            }
            visit(start + k, &comparison)?;
        }
        start = end;
    }
    Ok(kept.finish()?)
}

/// A story's comparison, and the facts it extracted: `(document index, facts)` of the
/// members whose facts were not known.
type Compared = (Comparison, Vec<(usize, Facts)>);

/// Indices of the documents a story compares: none for a story of one document, else at
/// most `group_docs` per duplicate group (its representative first, then by id), and at most
/// `story_docs` in all (every group's first before any group's second).
fn compared_members(r: &Related, ids: &[String], config: &CompareConfig) -> Vec<usize> {
    if !config.stories || ids.len() < 2 {
        return Vec::new();
    }
    let docs = &r.corpus.docs;
    let rel = &r.relations;
    let mut indices: Vec<usize> = ids.iter().filter_map(|id| index_of(r, id)).collect();
    let is_rep = |i: usize| docs[i].id == rel.representative_of[i];
    indices.sort_by(|&a, &b| {
        (&rel.group_of[a], !is_rep(a), &docs[a].id).cmp(&(
            &rel.group_of[b],
            !is_rep(b),
            &docs[b].id,
        ))
    });
    let (mut first, mut rest) = (Vec::new(), Vec::new());
    let mut taken = 0;
    for (k, &i) in indices.iter().enumerate() {
        if k > 0 && rel.group_of[indices[k - 1]] != rel.group_of[i] {
            taken = 0;
        }
        match taken {
            0 => first.push(i),
            t if t < config.group_docs => rest.push(i),
            _ => {}
        }
        taken += 1;
    }
    first.sort_unstable();
    rest.sort_unstable();
    first.extend(rest);
    first.truncate(config.story_docs.max(2));
    first.sort_unstable();
    first
}

/// The index of document `id` (documents are sorted by id).
fn index_of(r: &Related, id: &str) -> Option<usize> {
    r.corpus
        .docs
        .binary_search_by(|d| d.id.as_str().cmp(id))
        .ok()
}

/// Per document index: the char ranges of its body it reprints from another document.
fn borrowed_passages(r: &Related) -> HashMap<usize, Vec<[usize; 2]>> {
    let mut out: HashMap<usize, Vec<[usize; 2]>> = HashMap::new();
    for rel in &r.relations.relations {
        let Some(original) = rel.original.as_deref() else {
            continue;
        };
        if rel.kind != Kind::Reprint {
            continue;
        }
        let borrower_is_a = original == rel.b;
        let borrower = if borrower_is_a { &rel.a } else { &rel.b };
        let Some(i) = index_of(r, borrower) else {
            continue;
        };
        let ranges = out.entry(i).or_default();
        for p in &rel.passages {
            ranges.push(if borrower_is_a {
                [p[0], p[1]]
            } else {
                [p[2], p[3]]
            });
        }
    }
    out
}

/// The comparison of one story's compared members.
fn compare_one(
    r: &Related,
    indices: &[usize],
    borrowed: &HashMap<usize, Vec<[usize; 2]>>,
    (config, known): (&CompareConfig, &dyn KnownFacts),
) -> Result<Compared, PipelineError> {
    if indices.is_empty() {
        return Ok((Comparison::default(), Vec::new()));
    }
    let docs = &r.corpus.docs;
    let group = |i: usize| r.relations.group_of[i].as_str();
    let known: Vec<Option<Facts>> = indices.iter().map(|&i| known.facts(i)).collect();
    if let Some(facts) = known.iter().map(Option::as_ref).collect::<Option<Vec<_>>>() {
        if compares_nothing(indices.iter().map(|&i| group(i)).zip(facts)) {
            return Ok((Comparison::default(), Vec::new()));
        }
    }
    let read: Vec<(String, Vec<Sentence>, Facts, bool)> = indices
        .par_iter()
        .zip(known)
        .map(|(&i, known)| {
            let body = r.corpus.bodies.body(i)?;
            let lang = docs[i].meta.lang.as_deref();
            let sentences = sentences(&body, lang);
            let (facts, extracted) = match known {
                Some(facts) => (facts, false),
                None => (extract_facts_in(&body, lang, &sentences, config), true),
            };
            Ok((body, sentences, facts, extracted))
        })
        .collect::<Result<_, PipelineError>>()?;
    let members: Vec<Member<'_>> = indices
        .iter()
        .zip(&read)
        .map(|(&i, (body, sentences, facts, _))| Member {
            id: &docs[i].id,
            group: group(i),
            representative: docs[i].id == r.relations.representative_of[i],
            date: docs[i].meta.date.as_deref(),
            lang: docs[i].meta.lang.as_deref(),
            body,
            sentences,
            facts,
            borrowed: borrowed.get(&i).map_or(&[], Vec::as_slice),
        })
        .collect();
    let comparison = compare_story(&members, config);
    drop(members);
    let extracted = indices
        .iter()
        .zip(read)
        .filter(|(_, (.., extracted))| *extracted);
    Ok((
        comparison,
        extracted.map(|(&i, (_, _, facts, _))| (i, facts)).collect(),
    ))
}
