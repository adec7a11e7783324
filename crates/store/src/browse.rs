//! Browsing the index as a reader does (the server's pages and API): the story list,
//! newest first, filtered by dates and words, paged by a key cursor that stays valid while
//! the index changes ([`Index::stories`]); one story with its documents and the relations
//! among them ([`Index::story_view`]); one document with its relations and their evidence
//! ([`Index::document_view`]). Each answer is read in one read transaction, so it is one
//! snapshot: never half of a batch.
//!
//! Returns rows as the export writes them (documents.jsonl, relations.jsonl and
//! stories.jsonl lines, as JSON text), so every front end shows the same fields.
//! Must not: write, or read any file but the index.

use crate::error::{db, StoreError};
use crate::read;
use crate::record::decompress_text;
use crate::tables::{
    BODY_PIECES, DOCUMENTS, PLACES, RELATIONS, RELATIONS_BY_DOCUMENT, STORIES, STORY_SUMMARIES,
};
use crate::Index;
use redb::{ReadOnlyMultimapTable, ReadOnlyTable, ReadableDatabase, ReadableTable};
use samestory_pipeline::rows::DocumentRow;
use samestory_report::story::StoryRow;
use serde::{Deserialize, Serialize};
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

/// What to list: stories overlapping `from..=to` (`YYYY-MM-DD`; an undated story matches
/// neither bound), whose title or documents' titles or bodies hold every word of `q`
/// (case-insensitive), at most `limit` of them after the cursor `after`.
#[derive(Clone, Debug, Default)]
pub struct StoryQuery {
    /// Earliest last date.
    pub from: Option<String>,
    /// Latest first date.
    pub to: Option<String>,
    /// Words that must all appear.
    pub q: Option<String>,
    /// Page size.
    pub limit: usize,
    /// Stories after this one in list order (the previous page's `next`).
    pub after: Option<StoryKey>,
}

/// A story's place in the list (newest first: dated before undated, latest date, then
/// earliest date descending, then id). A cursor holds the key, not a position, so a page
/// boundary does not move when stories are added or removed before it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryKey {
    /// The story's latest date (its first when it has no latest).
    pub last: Option<String>,
    /// Its earliest date.
    pub first: Option<String>,
    /// Its id.
    pub id: String,
}

type Order<'a> = (
    bool,
    Reverse<Option<&'a str>>,
    Reverse<Option<&'a str>>,
    &'a str,
);

impl StoryKey {
    fn order(&self) -> Order<'_> {
        (
            self.last.is_none(),
            Reverse(self.last.as_deref()),
            Reverse(self.first.as_deref()),
            &self.id,
        )
    }
}

/// One row of the story list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StorySummary {
    /// The story id.
    pub id: String,
    /// Its title (the story's, else its first titled document's, else its id).
    pub title: String,
    /// Earliest date.
    pub first_date: Option<String>,
    /// Latest date.
    pub last_date: Option<String>,
    /// How many documents.
    pub documents: usize,
    /// How many duplicate groups.
    pub groups: usize,
    /// How many distinct outlets.
    pub outlets: usize,
    /// Some numbers disagree beyond rounding and qualifiers.
    pub numbers_disagree: bool,
}

/// One page of the story list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoryPage {
    /// The stories, newest first.
    pub stories: Vec<StorySummary>,
    /// Stories matching the filters in all (every page).
    pub total: usize,
    /// Where the next page starts, when there is one.
    pub next: Option<StoryKey>,
}

/// One story as stored, with what its page needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryView {
    /// Its stories.jsonl line (the story with its comparison), JSON.
    pub line: String,
    /// The documents.jsonl line of each member, in id order, JSON.
    pub documents: Vec<String>,
    /// The relations.jsonl lines between two members, in file order, JSON.
    pub relations: Vec<String>,
}

/// One document as stored, with its relations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocumentView {
    /// Its documents.jsonl line (metadata, body, removed lines, group, story, quotes and
    /// numbers), JSON.
    pub row: String,
    /// When it was first added, Unix seconds.
    pub added: i64,
    /// Its revision (1 for the first version).
    pub revision: u32,
    /// The relations.jsonl lines it is an end of, in file order, JSON (with their
    /// evidence: scores, passages, why, original).
    pub relations: Vec<String>,
}

/// The tables a browse reads, from one read transaction.
struct Tables {
    name: String,
    records: ReadOnlyTable<&'static str, &'static [u8]>,
    bodies: ReadOnlyTable<(&'static str, u16), &'static [u8]>,
    places: ReadOnlyTable<&'static str, &'static [u8]>,
    stories: ReadOnlyTable<(&'static str, u16), &'static [u8]>,
    summaries: ReadOnlyTable<&'static str, &'static [u8]>,
    relations: ReadOnlyTable<(&'static str, &'static str), &'static str>,
    by_document: ReadOnlyMultimapTable<&'static str, &'static str>,
}

impl Index {
    fn browse_tables(&self) -> Result<Tables, StoreError> {
        let name = self.name.as_str();
        let txn = self.db.begin_read().map_err(db(name))?;
        Ok(Tables {
            name: name.to_string(),
            records: txn.open_table(DOCUMENTS).map_err(db(name))?,
            bodies: txn.open_table(BODY_PIECES).map_err(db(name))?,
            places: txn.open_table(PLACES).map_err(db(name))?,
            stories: txn.open_table(STORIES).map_err(db(name))?,
            summaries: txn.open_table(STORY_SUMMARIES).map_err(db(name))?,
            relations: txn.open_table(RELATIONS).map_err(db(name))?,
            by_document: txn
                .open_multimap_table(RELATIONS_BY_DOCUMENT)
                .map_err(db(name))?,
        })
    }

    /// One page of the story list (see [`StoryQuery`]): the stored summaries filtered by
    /// date (a few bytes a story); a search reads the titles and bodies of the stories that
    /// pass.
    pub fn stories(&self, query: &StoryQuery) -> Result<StoryPage, StoreError> {
        let t = self.browse_tables()?;
        let words = query_words(query.q.as_deref());
        let mut matching = Vec::new();
        for entry in t.summaries.iter().map_err(db(&t.name))? {
            let (id, json) = entry.map_err(db(&t.name))?;
            let summary = crate::encode::summary_from_bytes(id.value(), json.value())
                .map_err(|e| read::damaged(&t.name, "story_summaries", id.value(), e))?;
            if in_dates(&summary, query) && t.holds_words(&summary, &words)? {
                matching.push(summary);
            }
        }
        matching.sort_by(|a, b| key(a).order().cmp(&key(b).order()));
        let total = matching.len();
        let start = match &query.after {
            Some(after) => matching.partition_point(|r| key(r).order() <= after.order()),
            None => 0,
        };
        let limit = query.limit.max(1);
        let end = start.saturating_add(limit).min(total);
        let next = (end < total).then(|| key(&matching[end - 1]));
        let stories = matching.drain(start.min(total)..end).collect();
        Ok(StoryPage {
            stories,
            total,
            next,
        })
    }

    /// Current story `id` with its documents and the relations among them, when it is one.
    pub fn story_view(&self, id: &str) -> Result<Option<StoryView>, StoreError> {
        let t = self.browse_tables()?;
        let Some(packed) = crate::pieces::read(&t.stories, id, &t.name)? else {
            return Ok(None);
        };
        let line = read::story_line(&t.name, &t.bodies, id, &packed)?;
        let row = t.story_row(id, &packed)?;
        let members: BTreeSet<&str> = row.documents.iter().map(String::as_str).collect();
        let mut documents = Vec::with_capacity(members.len());
        let mut positions = BTreeSet::new();
        for member in &members {
            documents.push(t.document_row(member)?);
            positions.extend(t.positions(member)?);
        }
        let mut relations = Vec::new();
        for line in t.lines(positions)? {
            let ends = read::relation_ends(&line)
                .map_err(|e| read::damaged(&t.name, "relations", id, e))?;
            if members.contains(ends.a.as_str()) && members.contains(ends.b.as_str()) {
                relations.push(line);
            }
        }
        Ok(Some(StoryView {
            line,
            documents,
            relations,
        }))
    }

    /// Document `id` with its relations, when the index holds it.
    pub fn document_view(&self, id: &str) -> Result<Option<DocumentView>, StoreError> {
        let t = self.browse_tables()?;
        let Some(value) = t.records.get(id).map_err(db(&t.name))? else {
            return Ok(None);
        };
        let record = read::record(&t.name, id, value.value())?;
        let positions: BTreeSet<(String, String)> = t.positions(id)?.into_iter().collect();
        Ok(Some(DocumentView {
            row: t.document_row(id)?,
            added: record.added,
            revision: record.revision,
            relations: t.lines(positions)?,
        }))
    }
}

impl Tables {
    fn story_row(&self, id: &str, packed: &[u8]) -> Result<StoryRow, StoreError> {
        let text =
            decompress_text(packed).map_err(|e| read::damaged(&self.name, "stories", id, e))?;
        serde_json::from_str(&text).map_err(|e| read::damaged(&self.name, "stories", id, e))
    }

    /// The documents.jsonl line of stored document `id`.
    fn document_row(&self, id: &str) -> Result<String, StoreError> {
        let name = self.name.as_str();
        let doc = read::document(name, &self.records, &self.bodies, id)?;
        let place = self.places.get(id).map_err(db(name))?;
        let place = place.ok_or_else(|| read::damaged(name, "places", id, "missing"))?;
        let place = read::place(name, id, place.value())?;
        let row = DocumentRow::new(
            &doc,
            (Some(&doc.body), doc.chars()),
            (&place.group, Some(&place.story)),
            Some(&place.facts),
        );
        serde_json::to_string(&row).map_err(|e| read::damaged(name, "documents", id, e))
    }

    /// The ends (`a`, `b`) of the relations document `id` is an end of.
    fn positions(&self, id: &str) -> Result<Vec<(String, String)>, StoreError> {
        let name = self.name.as_str();
        let mut out = Vec::new();
        for other in self.by_document.get(id).map_err(db(name))? {
            let other = other.map_err(db(name))?.value().to_string();
            out.push(match id < other.as_str() {
                true => (id.to_string(), other),
                false => (other, id.to_string()),
            });
        }
        Ok(out)
    }

    /// The relations.jsonl lines between the ends in `pairs`, in file order.
    fn lines(&self, pairs: BTreeSet<(String, String)>) -> Result<Vec<String>, StoreError> {
        let name = self.name.as_str();
        let mut out = Vec::with_capacity(pairs.len());
        for (a, b) in pairs {
            let line = self
                .relations
                .get((a.as_str(), b.as_str()))
                .map_err(db(name))?;
            let line = line.ok_or_else(|| read::damaged(name, "relations", &a, "missing"))?;
            out.extend(line.value().split('\n').map(str::to_string));
        }
        Ok(out)
    }

    /// Whether every word appears in the story's title or a member's title or body.
    fn holds_words(&self, summary: &StorySummary, words: &[String]) -> Result<bool, StoreError> {
        if words.is_empty() {
            return Ok(true);
        }
        let mut missing: BTreeMap<&str, ()> = words.iter().map(|w| (w.as_str(), ())).collect();
        let mut seen = |text: &str| {
            let text = text.to_lowercase();
            missing.retain(|w, _| !text.contains(w));
            missing.is_empty()
        };
        if seen(&summary.title) {
            return Ok(true);
        }
        let Some(packed) = crate::pieces::read(&self.stories, &summary.id, &self.name)? else {
            return Ok(false);
        };
        let row = self.story_row(&summary.id, &packed)?;
        for id in &row.documents {
            if let Some(v) = self.records.get(id.as_str()).map_err(db(&self.name))? {
                let record = read::record(&self.name, id, v.value())?;
                if record.document.meta.title.as_deref().is_some_and(&mut seen) {
                    return Ok(true);
                }
                if seen(&read::body(&self.name, &self.bodies, id)?) {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }
}

/// The story list's row of a story (`row`, its stories.jsonl line read back) whose members
/// have `members`' metadata.
pub(crate) fn summary_of<'m>(
    row: &StoryRow,
    members: impl IntoIterator<Item = &'m samestory_core::Metadata>,
) -> StorySummary {
    let members: Vec<&samestory_core::Metadata> = members.into_iter().collect();
    let outlets: BTreeSet<&str> = members.iter().filter_map(|m| m.outlet.as_deref()).collect();
    let title = row
        .title
        .clone()
        .or_else(|| members.iter().find_map(|m| m.title.clone()))
        .unwrap_or_else(|| row.story.clone());
    StorySummary {
        id: row.story.clone(),
        title,
        first_date: row.first_date.clone(),
        last_date: row.last_date.clone(),
        documents: row.documents.len(),
        groups: row.groups.len(),
        outlets: outlets.len(),
        numbers_disagree: row.numbers_disagree(),
    }
}

fn key(row: &StorySummary) -> StoryKey {
    StoryKey {
        last: row.last_date.clone().or_else(|| row.first_date.clone()),
        first: row.first_date.clone(),
        id: row.id.clone(),
    }
}

fn in_dates(row: &StorySummary, q: &StoryQuery) -> bool {
    let first = row.first_date.as_deref().or(row.last_date.as_deref());
    let last = row.last_date.as_deref().or(first);
    let after_from = match (&q.from, last) {
        (None, _) => true,
        (Some(from), Some(last)) => last >= from.as_str(),
        (Some(_), None) => false,
    };
    let before_to = match (&q.to, first) {
        (None, _) => true,
        (Some(to), Some(first)) => first <= to.as_str(),
        (Some(_), None) => false,
    };
    after_from && before_to
}

/// The lower-cased words of a search.
fn query_words(q: Option<&str>) -> Vec<String> {
    q.unwrap_or_default()
        .split_whitespace()
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests;
