//! A story's details, the part of the page decoded only when the story is opened: its
//! documents (metadata, body, the passages a reprint relation shares with another document
//! of the story), in date order, and its comparison. Every span here is converted to UTF-16
//! code units of the body (the browser's string offsets). When `stories.jsonl` has no
//! comparison, the documents' own quotes (by speaker) and numbers (by unit) stand in,
//! marked `derived`. Builds data only: no I/O, no HTML.

use crate::input::{DocRow, RelationRow, ReportInput};
use crate::story::{
    Claim, Conflict, Passage, Quantity, QuantityValue, QuoteGroup, SpeakerQuotes, StoryRow, Variant,
};
use crate::utf16::Utf16Offsets;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The documents and reprint relations of a whole run, looked up by id.
pub struct Lookup<'a> {
    docs: HashMap<&'a str, &'a DocRow>,
    /// Documents by their `story` field, for a story row without a `documents` list.
    by_story: HashMap<&'a str, Vec<&'a DocRow>>,
    relations: HashMap<&'a str, Vec<&'a RelationRow>>,
}

impl<'a> Lookup<'a> {
    /// Indexes a run's rows.
    pub fn new(input: &'a ReportInput) -> Lookup<'a> {
        let docs = input.documents.iter().map(|d| (d.id.as_str(), d)).collect();
        let mut relations: HashMap<&str, Vec<&RelationRow>> = HashMap::new();
        for r in &input.relations {
            relations.entry(r.a.as_str()).or_default().push(r);
            relations.entry(r.b.as_str()).or_default().push(r);
        }
        let mut by_story: HashMap<&str, Vec<&DocRow>> = HashMap::new();
        for d in &input.documents {
            if let Some(story) = &d.story {
                by_story.entry(story.as_str()).or_default().push(d);
            }
        }
        Lookup {
            docs,
            by_story,
            relations,
        }
    }

    /// A story's documents that exist, oldest first (undated last), then by id: those it
    /// lists, else those naming it as their `story`.
    pub fn story_docs(&self, story: &StoryRow) -> Vec<&'a DocRow> {
        let mut docs: Vec<&DocRow> = match story.documents.is_empty() {
            false => story
                .documents
                .iter()
                .filter_map(|id| self.docs.get(id.as_str()).copied())
                .collect(),
            true => self
                .by_story
                .get(story.story.as_str())
                .cloned()
                .unwrap_or_default(),
        };
        docs.sort_by(|x, y| date_key(x).cmp(&date_key(y)));
        docs
    }
}

fn date_key(d: &DocRow) -> (bool, Option<&str>, Option<&str>, &str) {
    let (date, published) = (d.date.as_deref(), d.published.as_deref());
    (date.is_none(), date, published, &d.id)
}

/// One story's details, serialised into its compressed blob.
#[derive(Debug, Serialize)]
pub struct Detail<'a> {
    /// Its documents, oldest first.
    pub docs: Vec<DocDetail<'a>>,
    /// The comparison is the documents' own quotes and numbers (stories.jsonl had none).
    pub derived: bool,
    /// Quotes by speaker.
    pub quotes: Vec<SpeakerQuotes>,
    /// Conflicting attributions.
    pub conflicts: Vec<Conflict>,
    /// Numbers by quantity.
    pub numbers: Vec<Quantity>,
    /// Claims of several independent groups.
    pub agreed: Vec<Claim>,
    /// Claims of one document only, by document.
    pub unique: BTreeMap<String, Vec<Passage>>,
}

/// One document as the page shows it.
#[derive(Debug, Serialize)]
pub struct DocDetail<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byline: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
    chars: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    marks: Vec<Mark<'a>>,
}

/// A passage of this document shared with another one through a reprint relation.
#[derive(Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark<'a> {
    /// Start, UTF-16 units of the body.
    s: usize,
    /// End, UTF-16 units of the body.
    e: usize,
    /// The other document.
    with: &'a str,
    /// This document is the original the other one took the passage from.
    original: bool,
}

/// Builds one story's details.
pub fn build<'a>(story: &StoryRow, lookup: &Lookup<'a>) -> Detail<'a> {
    let docs = lookup.story_docs(story);
    let offsets = Offsets::new(&docs);
    let derived = story.quotes.is_none() && story.numbers.is_none();
    let (quotes, numbers) = match derived {
        true => (doc_quotes(&docs), doc_numbers(&docs)),
        false => (
            story.quotes.clone().unwrap_or_default(),
            story.numbers.clone().unwrap_or_default(),
        ),
    };
    let mut conflicts = story.conflicts.clone().unwrap_or_default();
    conflicts.extend(quotes.iter().flat_map(|s| s.conflicts.iter().cloned()));
    let mut detail = Detail {
        docs: docs
            .iter()
            .map(|d| doc_detail(d, lookup, &offsets))
            .collect(),
        derived,
        quotes,
        conflicts,
        numbers,
        agreed: story.agreed.clone().unwrap_or_default(),
        unique: story.unique.clone().unwrap_or_default(),
    };
    offsets.convert(&mut detail);
    detail
}

/// One story's details as JSON bytes.
pub fn to_json(story: &StoryRow, lookup: &Lookup<'_>) -> Vec<u8> {
    serde_json::to_vec(&build(story, lookup)).expect("details serialise")
}

fn doc_detail<'a>(d: &'a DocRow, lookup: &Lookup<'a>, offsets: &Offsets) -> DocDetail<'a> {
    DocDetail {
        id: &d.id,
        title: d.title.as_deref(),
        outlet: d.outlet.as_deref(),
        date: d.date.as_deref(),
        published: d.published.as_deref(),
        byline: d.byline.as_deref(),
        credit: d.credit.as_deref(),
        url: d.url.as_deref(),
        lang: d.lang.as_deref(),
        group: d.group.as_deref(),
        chars: d.chars,
        body: d.body.as_deref(),
        marks: marks(d, lookup, offsets),
    }
}

/// The passages of `d`'s reprint relations, on `d`'s side, in body order.
fn marks<'a>(d: &'a DocRow, lookup: &Lookup<'a>, offsets: &Offsets) -> Vec<Mark<'a>> {
    let Some(relations) = lookup.relations.get(d.id.as_str()) else {
        return Vec::new();
    };
    let mut marks = Vec::new();
    for r in relations {
        let (with, side) = match r.a == d.id {
            true => (r.b.as_str(), 0),
            false => (r.a.as_str(), 2),
        };
        let original = r.original.as_deref() == Some(d.id.as_str());
        for p in &r.passages {
            let [s, e] = offsets.span(&d.id, [p[side], p[side + 1]]);
            marks.push(Mark {
                s,
                e,
                with,
                original,
            });
        }
    }
    marks.sort();
    marks
}

/// The documents' own quotes, by speaker (sorted; unattributed last), each a statement of
/// its own.
fn doc_quotes(docs: &[&DocRow]) -> Vec<SpeakerQuotes> {
    let mut by_speaker: BTreeMap<(bool, Option<&str>), Vec<QuoteGroup>> = BTreeMap::new();
    for d in docs {
        for q in &d.quotes {
            let speaker = q.speaker.as_deref();
            let variant = Variant {
                doc: d.id.clone(),
                text: q.text.clone(),
                span: q.span,
                confidence: q.confidence,
            };
            let group = QuoteGroup {
                text: q.text.clone(),
                variants: vec![variant],
            };
            by_speaker
                .entry((speaker.is_none(), speaker))
                .or_default()
                .push(group);
        }
    }
    let into = |((_, speaker), quotes): ((bool, Option<&str>), _)| SpeakerQuotes {
        speaker: speaker.map(str::to_string),
        quotes,
        conflicts: Vec::new(),
    };
    by_speaker.into_iter().map(into).collect()
}

/// The documents' own numbers, by unit (sorted; no unit last), never compared.
fn doc_numbers(docs: &[&DocRow]) -> Vec<Quantity> {
    let mut by_unit: BTreeMap<(bool, Option<&str>), Vec<QuantityValue>> = BTreeMap::new();
    for d in docs {
        for n in &d.numbers {
            let unit = n.unit.as_deref();
            by_unit
                .entry((unit.is_none(), unit))
                .or_default()
                .push(QuantityValue {
                    value: n.value.clone(),
                    qualifier: n.qualifier.clone(),
                    doc: d.id.clone(),
                    text: n.text.clone(),
                    span: n.span,
                });
        }
    }
    let into = |((_, unit), values): ((bool, Option<&str>), _)| Quantity {
        quantity: None,
        unit: unit.map(str::to_string),
        disagree: false,
        compatible: true,
        values,
    };
    by_unit.into_iter().map(into).collect()
}

/// The UTF-16 offsets of each document of one story.
struct Offsets(HashMap<String, Utf16Offsets>);

impl Offsets {
    fn new(docs: &[&DocRow]) -> Offsets {
        let index = |d: &&DocRow| Some((d.id.clone(), Utf16Offsets::new(d.body.as_deref()?)));
        Offsets(docs.iter().filter_map(index).collect())
    }

    /// A char span of `doc` in UTF-16 units (unchanged for a document without a body).
    fn span(&self, doc: &str, span: [usize; 2]) -> [usize; 2] {
        self.0.get(doc).map_or(span, |o| o.span(span))
    }

    fn opt(&self, doc: &str, span: &mut Option<[usize; 2]>) {
        if let Some(s) = span {
            *s = self.span(doc, *s);
        }
    }

    /// Converts every span of a story's comparison.
    fn convert(&self, d: &mut Detail) {
        let variants = d.quotes.iter_mut().flat_map(|s| &mut s.quotes);
        for v in variants.flat_map(|q| &mut q.variants) {
            self.opt(&v.doc, &mut v.span);
        }
        for v in d.numbers.iter_mut().flat_map(|q| &mut q.values) {
            self.opt(&v.doc, &mut v.span);
        }
        for (doc, span) in d.agreed.iter_mut().flat_map(|c| &mut c.spans) {
            *span = self.span(doc, *span);
        }
        for (doc, passages) in &mut d.unique {
            for p in passages {
                self.opt(doc, &mut p.span);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::DocQuote;

    fn doc(id: &str, date: Option<&str>, body: &str) -> DocRow {
        DocRow {
            id: id.into(),
            date: date.map(Into::into),
            body: Some(body.into()),
            ..DocRow::default()
        }
    }

    #[test]
    fn spans_and_passages_become_utf16_and_documents_date_order() {
        let mut a = doc("a", Some("2024-01-02"), "😀 says \"hi\" here");
        a.quotes = vec![DocQuote {
            speaker: Some("X".into()),
            text: "\"hi\"".into(),
            span: Some([7, 11]),
            confidence: Some(0.7),
        }];
        let b = doc("b", Some("2024-01-01"), "plain says \"hi\" here");
        let input = ReportInput {
            documents: vec![a, b, doc("c", None, "undated")],
            relations: vec![RelationRow {
                a: "a".into(),
                b: "b".into(),
                kind: "reprint".into(),
                passages: vec![[2, 11, 6, 15]],
                original: Some("b".into()),
            }],
            stories: vec![StoryRow {
                story: "a".into(),
                documents: vec!["a".into(), "b".into(), "c".into(), "gone".into()],
                ..StoryRow::default()
            }],
        };
        let lookup = Lookup::new(&input);
        let d = build(&input.stories[0], &lookup);
        let ids: Vec<&str> = d.docs.iter().map(|x| x.id).collect();
        assert_eq!(ids, ["b", "a", "c"]);
        assert!(d.derived);
        assert_eq!(d.quotes[0].quotes[0].variants[0].span, Some([8, 12]));
        let a_marks = &d.docs[1].marks;
        assert_eq!(
            (a_marks[0].s, a_marks[0].e, a_marks[0].original),
            (3, 12, false)
        );
        let b_marks = &d.docs[0].marks;
        assert_eq!((b_marks[0].s, b_marks[0].e, b_marks[0].with), (6, 15, "a"));
        assert!(b_marks[0].original);
    }

    #[test]
    fn a_story_without_its_document_list_finds_its_documents() {
        let mut d = doc("x", None, "body");
        d.story = Some("x".into());
        let input = ReportInput {
            documents: vec![d, doc("y", None, "other")],
            stories: vec![StoryRow {
                story: "x".into(),
                ..StoryRow::default()
            }],
            ..ReportInput::default()
        };
        let lookup = Lookup::new(&input);
        let ids: Vec<&str> = build(&input.stories[0], &lookup)
            .docs
            .iter()
            .map(|x| x.id)
            .collect();
        assert_eq!(ids, ["x"]);
    }
}
