//! The refresh: inside the write transaction that changed the documents, the documents a
//! change reaches are related, clustered and compared again by the pipeline — exactly as
//! `samestory run` does it on those documents — and their derived rows (places, relations,
//! stories, issued story ids) are rewritten.
//!
//! What a change reaches is its region (`region`): the changed documents and every member
//! of the stories they were in or may join. Stories are closed under relations and
//! same-story links, so rows outside the region stay as they are, and the cost of a batch
//! grows with the stories it touches, not with the index. When the region is most of the
//! index, or the relate, story or compare settings differ from the last refresh's, every
//! document is re-derived instead (the full refresh), so the state equals a batch run on
//! what the index holds.
//!
//! Must not: change documents or bodies.

use crate::error::{db, StoreError};
use crate::frequencies::StoredCounts;
use crate::index::Refreshed;
use crate::read;
use crate::record::{compress_text, Place};
use crate::region::{self, story_of};
use crate::tables::{
    BODY_PIECES, DOCUMENTS, HEADER, ISSUED_STORIES, PLACES, RELATIONS, RELATIONS_BY_DOCUMENT,
    STORIES, STORY_SUMMARIES,
};
use redb::{ReadTransaction, ReadableTable, ReadableTableMetadata, WriteTransaction};
use samestory_core::Config;
use samestory_pipeline::rows::relation_lines;
use samestory_pipeline::{
    cluster_stories_counted, cluster_stories_with, for_each_run_row, relate_documents, Facts,
    KnownFacts, Related,
};
use samestory_story::Stories;
use std::collections::BTreeSet;

/// What one batch changed.
#[derive(Debug, Default)]
pub struct Change {
    /// Ids added or revised (stored now).
    pub changed: BTreeSet<String>,
    /// Ids removed.
    pub removed: Vec<String>,
}

/// When a change refreshes every row rather than its region.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// A region holding at least this share of the stored documents.
    pub full_share: f64,
    /// An index holding fewer documents than this.
    pub full_below: usize,
}

/// Re-derives the rows `change` reaches (or every row: see the module's comment and
/// `policy`).
pub fn refresh(
    (txn, before): (&WriteTransaction, &ReadTransaction),
    config: &Config,
    change: &Change,
    policy: Policy,
    name: &str,
) -> Result<Refreshed, StoreError> {
    let same_settings =
        same_header(txn, "derive_config", &derive_settings(config), name)? == Some(true);
    let documents = txn.open_table(DOCUMENTS).map_err(db(name))?;
    let stored = documents.len().map_err(db(name))?;
    drop(documents);
    let small = |n: usize| (n as f64) < policy.full_share * stored as f64;
    if same_settings && stored >= policy.full_below as u64 && small(change.changed.len()) {
        let change_ids = (&change.changed, change.removed.as_slice());
        let ids = region::affected(txn, before, config, change_ids, name)?;
        if small(ids.len()) {
            crate::frequencies::count_in(txn, &change.changed, &config.story, name)?;
            refresh_region(txn, config, change, &ids, name)?;
            return Ok(Refreshed::Region(ids.len()));
        }
    }
    refresh_all(txn, config, change, name)?;
    Ok(Refreshed::All)
}

/// Re-derives every derived table from the documents `txn` holds.
fn refresh_all(
    txn: &WriteTransaction,
    config: &Config,
    change: &Change,
    name: &str,
) -> Result<(), StoreError> {
    let mut related = {
        let records = txn.open_table(DOCUMENTS).map_err(db(name))?;
        let bodies = txn.open_table(BODY_PIECES).map_err(db(name))?;
        let docs = read::documents(name, &records, &bodies)?;
        relate_documents(config.clone(), docs).map_err(|e| e.in_index(name))?
    };
    let (stories, counted) =
        cluster_stories_counted(&mut related).map_err(|e| StoreError::from(e).in_index(name))?;
    crate::frequencies::replace(txn, &counted, name)?;
    drop(counted);
    let known = kept_facts(txn, &related, config, &change.changed, name)?;
    clear(txn, name)?;
    write_rows(txn, &related, &stories, &known, name)?;
    write_relations(txn, &related, &stories, name)
}

/// Re-derives the rows of the stored documents `ids` (sorted; a region: whole stories) and
/// forgets those of the removed documents.
fn refresh_region(
    txn: &WriteTransaction,
    config: &Config,
    change: &Change,
    ids: &[String],
    name: &str,
) -> Result<(), StoreError> {
    let mut related = {
        let records = txn.open_table(DOCUMENTS).map_err(db(name))?;
        let bodies = txn.open_table(BODY_PIECES).map_err(db(name))?;
        let docs = ids
            .iter()
            .map(|id| read::document(name, &records, &bodies, id));
        relate_documents(config.clone(), docs).map_err(|e| e.in_index(name))?
    };
    let stories = {
        let counts = StoredCounts::open(txn, name)?;
        cluster_stories_with(&mut related, Some(&counts))
            .map_err(|e| StoreError::from(e).in_index(name))?
    };
    let known = kept_facts(txn, &related, config, &change.changed, name)?;
    forget(txn, ids.iter().chain(&change.removed), name)?;
    write_rows(txn, &related, &stories, &known, name)?;
    write_relations(txn, &related, &stories, name)
}

/// The settings every derived row depends on, as the header records them.
fn derive_settings(config: &Config) -> Vec<u8> {
    serde_json::to_vec(&(&config.relate, &config.story, &config.compare)).unwrap_or_default()
}

/// Whether header entry `key` held `value` (`None`: it held nothing); it does afterwards.
fn same_header(
    txn: &WriteTransaction,
    key: &str,
    value: &[u8],
    name: &str,
) -> Result<Option<bool>, StoreError> {
    let mut header = txn.open_table(HEADER).map_err(db(name))?;
    let same = header
        .get(key)
        .map_err(db(name))?
        .map(|v| v.value() == value);
    if same != Some(true) {
        header.insert(key, value).map_err(db(name))?;
    }
    Ok(same)
}

/// Removes the place, the story line and every relations line of each of `ids` (the other
/// ends' entries too).
fn forget<'a>(
    txn: &WriteTransaction,
    ids: impl Iterator<Item = &'a String>,
    name: &str,
) -> Result<(), StoreError> {
    let mut places = txn.open_table(PLACES).map_err(db(name))?;
    let mut stories = txn.open_table(STORIES).map_err(db(name))?;
    let mut summaries = txn.open_table(STORY_SUMMARIES).map_err(db(name))?;
    let mut relations = txn.open_table(RELATIONS).map_err(db(name))?;
    let mut by_doc = txn
        .open_multimap_table(RELATIONS_BY_DOCUMENT)
        .map_err(db(name))?;
    for id in ids {
        let story = match places.remove(id.as_str()).map_err(db(name))? {
            Some(place) => Some(story_of(name, id, place.value())?),
            None => None,
        };
        if let Some(story) = story {
            crate::pieces::remove(&mut stories, &story, name)?;
            summaries.remove(story.as_str()).map_err(db(name))?;
        }
        let mut others = Vec::new();
        for other in by_doc.remove_all(id.as_str()).map_err(db(name))? {
            others.push(other.map_err(db(name))?.value().to_string());
        }
        for other in others {
            let key = ends(id, &other);
            relations.remove(key).map_err(db(name))?;
            by_doc
                .remove(other.as_str(), id.as_str())
                .map_err(db(name))?;
        }
    }
    Ok(())
}

/// The key of the relations line between `x` and `y`: the smaller id first.
fn ends<'a>(x: &'a str, y: &'a str) -> (&'a str, &'a str) {
    if x <= y {
        (x, y)
    } else {
        (y, x)
    }
}

/// Each document's place as the last refresh wrote it (JSON), by document index: the
/// documents whose facts can be kept.
struct KeptFacts(Vec<Option<Vec<u8>>>);

impl KnownFacts for KeptFacts {
    fn facts(&self, i: usize) -> Option<Facts> {
        let json = self.0.get(i)?.as_deref()?;
        Place::from_bytes("", json).ok().map(|p| p.facts)
    }
}

/// The places of unchanged documents, when the last refresh used these `compare` settings
/// (recorded in the header as `facts_config`, rewritten here).
fn kept_facts(
    txn: &WriteTransaction,
    r: &Related,
    config: &Config,
    changed: &BTreeSet<String>,
    name: &str,
) -> Result<KeptFacts, StoreError> {
    let settings = serde_json::to_vec(&config.compare).unwrap_or_default();
    let mut header = txn.open_table(HEADER).map_err(db(name))?;
    let same = header
        .get("facts_config")
        .map_err(db(name))?
        .is_some_and(|v| v.value() == settings.as_slice());
    header
        .insert("facts_config", settings.as_slice())
        .map_err(db(name))?;
    let places = txn.open_table(PLACES).map_err(db(name))?;
    let mut kept = Vec::with_capacity(r.corpus.docs.len());
    for doc in &r.corpus.docs {
        let keep = same && !changed.contains(&doc.id);
        let place = match keep {
            true => places.get(doc.id.as_str()).map_err(db(name))?,
            false => None,
        };
        kept.push(place.map(|v| v.value().to_vec()));
    }
    Ok(KeptFacts(kept))
}

/// Empties the tables a refresh rewrites (issued story ids are kept: they outlive stories).
fn clear(txn: &WriteTransaction, name: &str) -> Result<(), StoreError> {
    txn.delete_table(PLACES).map_err(db(name))?;
    txn.delete_table(STORIES).map_err(db(name))?;
    txn.delete_table(STORY_SUMMARIES).map_err(db(name))?;
    txn.delete_table(RELATIONS).map_err(db(name))?;
    txn.delete_multimap_table(RELATIONS_BY_DOCUMENT)
        .map_err(db(name))?;
    Ok(())
}

/// Writes each story's line and members, and each document's place.
fn write_rows(
    txn: &WriteTransaction,
    r: &Related,
    stories: &Stories,
    known: &KeptFacts,
    name: &str,
) -> Result<(), StoreError> {
    let mut story_lines = txn.open_table(STORIES).map_err(db(name))?;
    let mut summaries = txn.open_table(STORY_SUMMARIES).map_err(db(name))?;
    let mut issued = txn.open_table(ISSUED_STORIES).map_err(db(name))?;
    let mut places = txn.open_table(PLACES).map_err(db(name))?;
    for_each_run_row(
        r,
        stories,
        Some(known),
        |story, row| {
            let line =
                serde_json::to_string(&row).map_err(samestory_pipeline::PipelineError::from)?;
            let members = crate::encode::members_to_bytes(&story.story, &story.documents)
                .map_err(samestory_pipeline::PipelineError::from)?;
            let summary = crate::encode::summary_to_bytes(&summary(r, &line))
                .map_err(samestory_pipeline::PipelineError::from)?;
            summaries
                .insert(story.story.as_str(), summary.as_slice())
                .map_err(db(name))?;
            let line = crate::story_line::pack(&line);
            let line = compress_text(&line).map_err(|e| db(name)(redb::Error::Io(e)))?;
            crate::pieces::write(&mut story_lines, &story.story, &line, name)?;
            issued
                .insert(story.story.as_str(), members.as_slice())
                .map_err(db(name))?;
            Ok::<(), StoreError>(())
        },
        |i, _body, facts| {
            let place = Place {
                group: r.relations.group_of[i].clone(),
                story: stories.story_of[i].clone(),
                facts: facts.cloned().unwrap_or_default(),
            };
            let json = place
                .to_bytes(&r.corpus.docs[i].id)
                .map_err(samestory_pipeline::PipelineError::from)?;
            places
                .insert(r.corpus.docs[i].id.as_str(), json.as_slice())
                .map_err(db(name))?;
            Ok(())
        },
    )
    .map_err(|e| e.in_index(name))
}

/// The story list's row of the story whose stories.jsonl line is `line`.
fn summary(r: &Related, line: &str) -> crate::browse::StorySummary {
    let row: samestory_report::story::StoryRow = serde_json::from_str(line).unwrap_or_default();
    let docs = &r.corpus.docs;
    let members = row.documents.iter().filter_map(|id| {
        let i = docs.binary_search_by(|d| d.id.as_str().cmp(id)).ok()?;
        Some(&docs[i].meta)
    });
    crate::browse::summary_of(&row, members)
}

/// Writes relations.jsonl's lines under their ends and, per document, the other ends.
fn write_relations(
    txn: &WriteTransaction,
    r: &Related,
    stories: &Stories,
    name: &str,
) -> Result<(), StoreError> {
    let lines = relation_lines(&r.relations.relations, stories.pairs())
        .map_err(|e| StoreError::from(samestory_pipeline::PipelineError::from(e)).in_index(name))?;
    let mut table = txn.open_table(RELATIONS).map_err(db(name))?;
    let mut by_doc = txn
        .open_multimap_table(RELATIONS_BY_DOCUMENT)
        .map_err(db(name))?;
    for line in &lines {
        let e = read::relation_ends(line).map_err(|e| read::damaged(name, "relations", line, e))?;
        let key = (e.a.as_str(), e.b.as_str());
        let earlier = table
            .get(key)
            .map_err(db(name))?
            .map(|v| v.value().to_string());
        let value = match earlier {
            Some(earlier) => format!("{earlier}\n{line}"),
            None => line.clone(),
        };
        table.insert(key, value.as_str()).map_err(db(name))?;
        by_doc.insert(key.0, key.1).map_err(db(name))?;
        by_doc.insert(key.1, key.0).map_err(db(name))?;
    }
    Ok(())
}
