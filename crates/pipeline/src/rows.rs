//! The output rows: the JSON shape of each output file (DESIGN.md, output contracts), defined
//! once for every front end. Field order is fixed by the structs. `relations.jsonl` holds the
//! relation engine's [`Relation`]s and the story stage's `same_story` pairs in one shape.

use samestory_compare::{Comparison, Facts};
use samestory_core::{Document, Metadata, RemovedLine};
use samestory_relate::Relation;
use samestory_story::{SameStoryPair, Story};
use serde::Serialize;
use std::borrow::Cow;

/// A line of `samestory extract`.
#[derive(Serialize)]
pub struct ExtractRow<'a> {
    id: &'a str,
    source: &'a str,
    format: &'a str,
    #[serde(flatten)]
    meta: &'a Metadata,
    body: &'a str,
    removed: &'a [RemovedLine],
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    facts: Option<&'a Facts>,
}

impl<'a> ExtractRow<'a> {
    /// The row of `d`, whose body (kept apart from the metadata) is `body`, with its quotes
    /// and numbers when `facts` is given.
    pub fn new(d: &'a Document, body: &'a str, facts: Option<&'a Facts>) -> Self {
        ExtractRow {
            id: &d.id,
            source: &d.source,
            format: d.format.as_str(),
            meta: &d.meta,
            body,
            removed: &d.removed,
            facts,
        }
    }
}

/// A line of `documents.jsonl`.
#[derive(Serialize)]
pub struct DocumentRow<'a> {
    id: &'a str,
    source: &'a str,
    format: &'a str,
    group: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a str>,
    #[serde(flatten)]
    meta: &'a Metadata,
    chars: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    removed: &'a [RemovedLine],
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    facts: Option<&'a Facts>,
}

impl<'a> DocumentRow<'a> {
    /// The row of `doc` (whose body, kept apart from the metadata, is `body` — left out when
    /// `None` — and `body_chars` long) in duplicate group `group` and story `story` (left out
    /// when `None`), with its quotes and numbers when `facts` is given.
    pub fn new(
        doc: &'a Document,
        (body, body_chars): (Option<&'a str>, usize),
        (group, story): (&'a str, Option<&'a str>),
        facts: Option<&'a Facts>,
    ) -> Self {
        DocumentRow {
            id: &doc.id,
            source: &doc.source,
            format: doc.format.as_str(),
            group,
            story,
            meta: &doc.meta,
            chars: body_chars,
            body,
            removed: &doc.removed,
            facts,
        }
    }
}

/// A line of `stories.jsonl`: the story, then its comparison (left out when not compared).
#[derive(Serialize)]
pub struct StoryRow<'a> {
    #[serde(flatten)]
    story: &'a Story,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    comparison: Option<&'a Comparison>,
}

impl<'a> StoryRow<'a> {
    /// The row of `story` with its `comparison`, when compared.
    pub fn new(story: &'a Story, comparison: Option<&'a Comparison>) -> Self {
        StoryRow { story, comparison }
    }
}

/// A `same_story` row with every relations.jsonl field; text-overlap fields are `null`
/// because the two bodies were not compared passage by passage.
#[derive(Serialize)]
struct SameStoryRow<'a> {
    a: &'a str,
    b: &'a str,
    kind: &'a str,
    jaccard: Option<f64>,
    containment_a: Option<f64>,
    containment_b: Option<f64>,
    story_score: f64,
    passages: [[usize; 4]; 0],
    original: Option<&'a str>,
    why: &'a str,
    via: Option<&'a str>,
}

impl<'a> From<&'a SameStoryPair> for SameStoryRow<'a> {
    fn from(p: &'a SameStoryPair) -> Self {
        SameStoryRow {
            a: &p.a,
            b: &p.b,
            kind: p.kind,
            jaccard: None,
            containment_a: None,
            containment_b: None,
            story_score: p.story_score,
            passages: [],
            original: None,
            why: &p.why,
            via: None,
        }
    }
}

/// A relations.jsonl line's sort key: `(a, b)`.
type Key<'a> = (Cow<'a, str>, Cow<'a, str>);

/// relations.jsonl lines, sorted by `(a, b)`: engine relations and same-story pairs (each
/// pair row dropped once written as its line).
pub fn relation_lines(
    relations: &[Relation],
    same_story: impl IntoIterator<Item = SameStoryPair>,
) -> serde_json::Result<Vec<String>> {
    let same_story = same_story.into_iter();
    let mut keyed: Vec<(Key<'_>, String)> =
        Vec::with_capacity(relations.len() + same_story.size_hint().0);
    for r in relations {
        let key = (Cow::Borrowed(r.a.as_str()), Cow::Borrowed(r.b.as_str()));
        keyed.push((key, serde_json::to_string(r)?));
    }
    for p in same_story {
        let line = serde_json::to_string(&SameStoryRow::from(&p))?;
        keyed.push(((Cow::Owned(p.a), Cow::Owned(p.b)), line));
    }
    keyed.sort();
    Ok(keyed.into_iter().map(|(_, line)| line).collect())
}
